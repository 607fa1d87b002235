/**
 * The request that lists a provider's models, in each API style, and when it may be sent.
 */
import { apiStyleDefinition, type ApiStyle } from '../api-styles/api-style-registry';
import type { GetRequestSpec } from './request-spec';

/** What listing models needs from the settings. */
export interface ModelsRequestInput {
  apiStyle: ApiStyle;
  /** Absolute (`https://api.deepseek.com`) or relative to the page (`/api/demo/v1`). */
  baseUrl: string;
  apiKey: string;
}

/** A `GET` ready for `fetch`. */
export type ModelsRequest = GetRequestSpec;

/**
 * The models request of an API style (each style's file says which endpoint and headers):
 * `GET {baseUrl}/models` with a bearer key for chat completions and Responses, `GET
 * {baseUrl}/v1/models` with Anthropic's headers for Anthropic Messages. No key, no key header.
 */
export function buildModelsRequest(input: ModelsRequestInput): ModelsRequest {
  return apiStyleDefinition(input.apiStyle).buildModelsRequest(input.baseUrl, input.apiKey);
}

/**
 * Whether a base URL can be requested: an absolute `http:` or `https:` URL, or a path on the page's
 * own origin (`/api/demo/v1`). Anything else (`api.deepseek.com`, `ftp://…`, half a URL still being
 * typed) is not sent anywhere.
 */
export function isUsableBaseUrl(baseUrl: string): boolean {
  const trimmed = baseUrl.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true;
  try {
    const url = new URL(trimmed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Whether the model list may be asked for: the base URL is usable and, for a provider that needs a
 * key (the hosted APIs), a key has been typed. Until then Settings sends nothing.
 */
export function canListModels(input: ModelsRequestInput, needsKey: boolean): boolean {
  return isUsableBaseUrl(input.baseUrl) && (!needsKey || input.apiKey.trim() !== '');
}

/**
 * The model ids of a models response, sorted: OpenAI's and Anthropic's lists are both
 * `{ data: [{ id, … }, …] }`. `undefined` when the body has another shape.
 */
export function readModelIds(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data)) return undefined;
  const ids: string[] = [];
  for (const entry of data) {
    const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : null;
    if (typeof id !== 'string') return undefined;
    ids.push(id);
  }
  return ids.sort((a, b) => a.localeCompare(b));
}
