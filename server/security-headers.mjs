/**
 * The security headers of every response: one set for the app's pages and files, a stricter one
 * for `/api/*`, whose bodies are data and never a document.
 */

import { CONTENT_SECURITY_POLICY } from './content-security-policy.mjs';

/**
 * Headers of the app's own files (`dist/`): the build's Content-Security-Policy plus
 * `frame-ancestors 'none'` (no other site may frame the app), no MIME sniffing, and no `Referer`
 * sent anywhere.
 */
export const APP_HEADERS = Object.freeze({
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

/**
 * Headers of `/api/*` responses, proxied ones included: whatever an upstream sends can never run
 * as a page on this origin (`default-src 'none'; sandbox`), be sniffed into another type, or be
 * read by a page of another site through `<script>` or `<img>`.
 */
export const API_HEADERS = Object.freeze({
  'content-security-policy': "default-src 'none'; sandbox",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
});

/**
 * Sets headers on a response before its handler writes it; the handler's own `writeHead` headers
 * are added to these.
 * @param {import('node:http').ServerResponse} res
 * @param {Readonly<Record<string, string>>} headers
 */
export function setHeaders(res, headers) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
