/**
 * The HTTP request for one reply, built from the conversation and the provider's options by the
 * provider's API style (`core/api-styles/api-style-registry.ts`). Pure: the transport sends what
 * this returns, and "View request" shows it with the key masked.
 */
import { apiStyleDefinition, type ApiStyle } from '../api-styles/api-style-registry';
import type { HttpRequestSpec, StyleRequestInput } from './request-spec';

export type { ApiStyle } from '../api-styles/api-style-registry';
export type { HttpRequestSpec } from './request-spec';

/** Everything needed to ask for one reply. */
export interface ReplyRequestInput extends StyleRequestInput {
  apiStyle: ApiStyle;
}

/**
 * Builds the HTTP request for a reply as its API style says (each style's file documents its body
 * and headers). In every style, the Think switch is then written as the provider's Think rule says
 * (`think-rules.ts`).
 */
export function buildReplyRequest(input: ReplyRequestInput): HttpRequestSpec {
  return apiStyleDefinition(input.apiStyle).buildRequest(input);
}

/** Header names whose values are secrets. */
const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'api-key']);

/**
 * A copy of a request safe to show: secret header values keep only their last four characters
 * (`Bearer ****abcd`).
 */
export function maskRequest(request: HttpRequestSpec): HttpRequestSpec {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) headers[name] = value;
    else {
      const prefix = value.startsWith('Bearer ') ? 'Bearer ' : '';
      const secret = value.slice(prefix.length);
      headers[name] = `${prefix}****${secret.length > 8 ? secret.slice(-4) : ''}`;
    }
  }
  return { ...request, headers };
}
