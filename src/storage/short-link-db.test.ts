import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ShortLinkDb, shortLinksOf, type ShortLinkRecord } from './short-link-db';

const base: ShortLinkRecord = {
  id: 'a',
  url: 'http://127.0.0.1/s/a#k',
  deleteToken: 't',
  conversationId: 'c1',
  title: 'T',
  createdAt: 1,
  expiresAt: null,
};

describe('short links made in this browser', () => {
  let db: ShortLinkDb;
  afterEach(async () => {
    await db.delete();
  });

  it('lists a conversation’s live links newest first, without expired or other ones', async () => {
    db = new ShortLinkDb(`test-${Math.random()}`);
    await db.links.bulkPut([
      { ...base, id: 'old', createdAt: 1 },
      { ...base, id: 'new', createdAt: 5 },
      { ...base, id: 'expired', createdAt: 9, expiresAt: 100 },
      { ...base, id: 'other', conversationId: 'c2' },
    ]);
    const ids = (await shortLinksOf(db, 'c1', 100)).map((link) => link.id);
    expect(ids).toEqual(['new', 'old']);
    expect((await shortLinksOf(db, 'c1', 99)).map((link) => link.id)).toEqual([
      'expired',
      'new',
      'old',
    ]);
  });
});
