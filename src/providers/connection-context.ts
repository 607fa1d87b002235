import type { ConnectionContext } from '../core/requests/connection-verdict';

/** Where a request to `url` goes and comes from, for the wording of connection problems. */
export function connectionContext(url: string, hasKey: boolean): ConnectionContext {
  const pageOrigin = globalThis.location?.origin ?? 'this page';
  let providerOrigin = url;
  try {
    providerOrigin = new URL(url, globalThis.location?.href).origin;
  } catch {
    // Not a URL: name it as written.
  }
  return { providerOrigin, pageOrigin, hasKey };
}
