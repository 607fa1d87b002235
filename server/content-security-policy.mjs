/**
 * The Content-Security-Policy of the built app, in one place for the build and the server: scripts
 * only from its own origin (no inline script, no eval), nothing embedded, and `connect-src *`
 * because people choose their provider's URL. `vite.config.ts` writes it into `index.html` as a
 * meta tag; `server/start.mjs` also sends it as a header, with `frame-ancestors 'none'`, which a
 * meta tag cannot carry (CSP Level 3, section 6.4.2).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  'connect-src *',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
