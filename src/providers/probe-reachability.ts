/**
 * Why a `fetch` that rejected got no response. The browser reports a refused connection and a
 * response withheld for lack of CORS headers with the same `TypeError`; a second request in
 * `no-cors` mode tells them apart: it resolves (with an opaque response) whenever a server
 * answered, and rejects only when nothing did.
 *
 * @returns `cors-refused` when something answers at `url`, `unreachable` when nothing does.
 * @throws the `AbortError` when `signal` aborts.
 */
export async function probeReachability(
  url: string,
  signal?: AbortSignal,
): Promise<'cors-refused' | 'unreachable'> {
  try {
    await fetch(url, { method: 'GET', mode: 'no-cors', cache: 'no-store', signal });
    return 'cors-refused';
  } catch (error) {
    if (signal?.aborted) throw error;
    return 'unreachable';
  }
}
