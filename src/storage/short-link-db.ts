/**
 * Short links made in this browser, with the delete tokens that remove them from the server
 * (Dexie, its own IndexedDB database `ruminate-short-links`). Nothing here is ever uploaded.
 */
import Dexie, { type Table } from 'dexie';

/** A short link this browser made. */
export interface ShortLinkRecord {
  /** The share's id on the server. */
  id: string;
  /** The whole link, key included, so it can be copied again. */
  url: string;
  /** Sent as `Authorization: Bearer` to delete the share; the server keeps only its hash. */
  deleteToken: string;
  /** The conversation it was made from; `''` when it was not saved. */
  conversationId: string;
  title: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms, `null` for never. */
  expiresAt: number | null;
}

/** The database. Version 1: links by id, indexed by conversation. */
export class ShortLinkDb extends Dexie {
  links!: Table<ShortLinkRecord, string>;

  constructor(name = 'ruminate-short-links') {
    super(name);
    this.version(1).stores({ links: 'id, conversationId' });
  }
}

let shared: ShortLinkDb | undefined;

/** The browser's short-link database, opened on first use. */
export function shortLinkDb(): ShortLinkDb {
  shared ??= new ShortLinkDb();
  return shared;
}

/**
 * The links made from a conversation, newest first, leaving out those past their expiry.
 * @param now - epoch ms.
 */
export async function shortLinksOf(
  db: ShortLinkDb,
  conversationId: string,
  now: number,
): Promise<ShortLinkRecord[]> {
  const links = await db.links.where('conversationId').equals(conversationId).toArray();
  return links
    .filter((link) => link.expiresAt === null || link.expiresAt > now)
    .sort((a, b) => b.createdAt - a.createdAt);
}
