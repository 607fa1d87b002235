/**
 * The browser side of the server's short-link store (`server/shares/share-routes.mjs`): what the
 * server offers, uploading a sealed share, fetching one, deleting one. Only sealed bytes and the
 * delete token ever travel; the key stays in the link's fragment.
 */
import * as v from 'valibot';

/** How long the server keeps a short link. */
export type ShareExpiry = '1d' | '30d' | 'never';

/** What the server's store accepts; `undefined` when this server has none (a static deploy). */
export interface ShareCapabilities {
  maxBytes: number;
  expiries: ShareExpiry[];
}

const capabilitiesSchema = v.object({
  shares: v.nullable(
    v.object({
      maxBytes: v.number(),
      expiries: v.array(v.picklist(['1d', '30d', 'never'])),
    }),
  ),
});

const createdSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16}$/)),
  deleteToken: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/)),
  expiresAt: v.nullable(v.string()),
});

/** A short link the server stored: its id, the token that deletes it, its expiry (epoch ms). */
export interface CreatedShare {
  id: string;
  deleteToken: string;
  expiresAt: number | null;
}

/** Why an upload failed, in words for the dialog. */
export class ShareUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareUploadError';
  }
}

/** Asks `GET /api/capabilities`; anything but a valid answer means "no store". Never rejects. */
export async function fetchShareCapabilities(): Promise<ShareCapabilities | undefined> {
  try {
    const response = await fetch('/api/capabilities');
    if (!response.ok) return undefined;
    const parsed = v.safeParse(capabilitiesSchema, await response.json());
    return parsed.success ? (parsed.output.shares ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Uploads a sealed body (`POST /api/shares`).
 * @throws {ShareUploadError} With what to do: too large (413), too many links (429, with the
 *   wait), the server unreachable, or any other refusal with the server's message.
 */
export async function uploadShare(
  body: Uint8Array<ArrayBuffer>,
  expiry: ShareExpiry,
): Promise<CreatedShare> {
  let response: Response;
  try {
    response = await fetch(`/api/shares?expiry=${expiry}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
    });
  } catch {
    throw new ShareUploadError(
      'Could not reach this server to store the link. Try again, or make a self-contained link.',
    );
  }
  if (response.status === 413) {
    throw new ShareUploadError(
      'This conversation is too large for a short link (over 5 MB): make a self-contained link or download the .json.',
    );
  }
  if (response.status === 429) {
    const wait = response.headers.get('retry-after') ?? '60';
    throw new ShareUploadError(`Too many links made in a minute: try again in ${wait} s.`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  const created = v.safeParse(createdSchema, json);
  if (response.status !== 201 || !created.success) {
    const message = (json as { error?: { message?: unknown } } | undefined)?.error?.message;
    throw new ShareUploadError(
      `The server did not store the link (${response.status}${typeof message === 'string' ? `: ${message}` : ''}).`,
    );
  }
  const { id, deleteToken, expiresAt } = created.output;
  return { id, deleteToken, expiresAt: expiresAt === null ? null : Date.parse(expiresAt) };
}

/** Fetches a stored share's sealed bytes (`GET /api/shares/:id`). Never rejects. */
export async function fetchSealedShare(
  id: string,
): Promise<Uint8Array | 'not-found' | 'unreachable'> {
  try {
    const response = await fetch(`/api/shares/${encodeURIComponent(id)}`, { cache: 'no-store' });
    if (response.status === 404) return 'not-found';
    if (!response.ok) return 'unreachable';
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return 'unreachable';
  }
}

/** Deletes a stored share with its token (`DELETE /api/shares/:id`). Never rejects. */
export async function deleteShare(
  id: string,
  deleteToken: string,
): Promise<'deleted' | 'forbidden' | 'not-found' | 'unreachable'> {
  try {
    const response = await fetch(`/api/shares/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${deleteToken}` },
    });
    if (response.status === 204) return 'deleted';
    if (response.status === 403) return 'forbidden';
    if (response.status === 404) return 'not-found';
    return 'unreachable';
  } catch {
    return 'unreachable';
  }
}
