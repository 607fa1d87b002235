/** The mock provider's HTTP errors, with bodies in the style of DeepSeek and OpenAI. */

import { CORS_HEADERS, sendCorsJson } from './cors.mjs';

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * Error `type` for an HTTP status, in the style of DeepSeek and OpenAI.
 * @param {number} status
 */
function errorType(status) {
  if (status === 400 || status === 404 || status === 422) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'unknown_error';
}

/**
 * Answers with the HTTP error a `http-<status>` model asks for: a plain-text body when `plan.text`,
 * otherwise a provider-style JSON error; a 429 carries `retry-after: 1`.
 * @param {ServerResponse} res
 * @param {Extract<import('./mock-model.mjs').MockPlan, { kind: 'http' }>} plan
 */
export function sendProviderError(res, plan) {
  /** @type {Record<string, string>} */
  const extra = plan.status === 429 ? { 'retry-after': '1' } : {};
  if (plan.text) {
    const message = `Upstream says no (${plan.status})`;
    res.writeHead(plan.status, {
      ...CORS_HEADERS,
      ...extra,
      'content-type': 'text/plain',
      'content-length': String(Buffer.byteLength(message)),
    });
    res.end(message);
    return;
  }
  const error =
    plan.status === 401
      ? {
          message: 'Authentication Fails, Your api key: ****abcd is invalid',
          type: 'authentication_error',
          param: null,
          code: 'invalid_request_error',
        }
      : {
          message: `Mock provider error ${plan.status}`,
          type: errorType(plan.status),
          param: null,
          code: errorType(plan.status),
        };
  return sendCorsJson(res, plan.status, { error }, extra);
}
