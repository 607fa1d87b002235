// One contract, both stores: SQLite always, PostgreSQL when RUMINATE_TEST_DATABASE_URL is set
// (required under CI).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SHARE_BYTES } from './share-store.mjs';
import { createShareService, hashDeleteToken, ShareTooLargeError } from './share-service.mjs';
import {
  postgresSkipReason,
  postgresUnderTest,
  sqliteUnderTest,
  TEST_DATABASE_URL,
} from './test-stores.mjs';

const DAY = 24 * 60 * 60 * 1000;
const skipPostgres = postgresSkipReason();
if (skipPostgres !== undefined) {
  console.log(`Skipping the PostgreSQL share-store contract tests: ${skipPostgres}.`);
}

const legs = [
  { name: 'SQLite', make: sqliteUnderTest, skip: false },
  {
    name: 'PostgreSQL',
    make: () => postgresUnderTest(/** @type {string} */ (TEST_DATABASE_URL)),
    skip: skipPostgres !== undefined,
  },
];

for (const leg of legs) {
  describe.skipIf(leg.skip)(`share store contract: ${leg.name}`, () => {
    /** @type {import('./test-stores.mjs').StoreUnderTest} */
    let underTest;
    /** @type {import('./share-store.mjs').ShareStore} */
    let store;
    let clock = 1_800_000_000_000;
    /** @type {import('./share-service.mjs').ShareService} */
    let shares;

    beforeEach(async () => {
      underTest = leg.make();
      store = await underTest.open();
      clock = 1_800_000_000_000;
      shares = createShareService(store, { now: () => clock });
    });
    afterEach(async () => {
      await store.close();
      await underTest.dispose();
    });

    it('reads back exactly the bytes created, every byte value included', async () => {
      const body = new Uint8Array(
        Buffer.concat([
          Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
          randomBytes(1 << 20),
        ]),
      );
      const created = await shares.create(body, 'never');
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(created.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(created.expiresAt).toBeNull();
      const read = await shares.read(created.id);
      expect(read).not.toBeNull();
      expect(Buffer.compare(/** @type {Buffer} */ (read), Buffer.from(body))).toBe(0);
      expect(await shares.read('AAAAAAAAAAAAAAAA')).toBeNull();
      expect(await shares.read('../../etc/passwd')).toBeNull();
    });

    it('keeps only the hash of the delete token', async () => {
      const { id, deleteToken } = await shares.create(new Uint8Array([1, 2, 3]), 'never');
      const rows = await underTest.query('SELECT id, delete_token_hash FROM shares');
      expect(rows).toEqual([{ id, delete_token_hash: hashDeleteToken(deleteToken) }]);
      expect(JSON.stringify(rows)).not.toContain(deleteToken);
    });

    it('deletes with the right token only', async () => {
      const { id, deleteToken } = await shares.create(new Uint8Array([7]), 'never');
      const other = await shares.create(new Uint8Array([8]), 'never');
      expect(await shares.remove(id, other.deleteToken)).toBe('forbidden');
      expect(await shares.remove(id, '')).toBe('forbidden');
      expect(await shares.read(id)).not.toBeNull();
      expect(await shares.remove(id, deleteToken)).toBe('deleted');
      expect(await shares.read(id)).toBeNull();
      expect(await shares.remove(id, deleteToken)).toBe('not-found');
      expect(await shares.read(other.id)).not.toBeNull();
    });

    it('expires shares at their time, and purges only the expired', async () => {
      const day = await shares.create(new Uint8Array([1]), '1d');
      const month = await shares.create(new Uint8Array([2]), '30d');
      const never = await shares.create(new Uint8Array([3]), 'never');
      expect(day.expiresAt).toBe(clock + DAY);
      expect(month.expiresAt).toBe(clock + 30 * DAY);
      clock += DAY - 1;
      expect(await shares.read(day.id)).not.toBeNull();
      clock += 1;
      expect(await shares.read(day.id)).toBeNull();
      expect(await shares.remove(day.id, day.deleteToken)).toBe('not-found');
      expect(await shares.purgeExpired()).toBe(1);
      expect(await underTest.query('SELECT id FROM shares ORDER BY id')).toEqual(
        [{ id: month.id }, { id: never.id }].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      clock += 30 * DAY;
      expect(await shares.purgeExpired()).toBe(1);
      expect(await shares.read(never.id)).not.toBeNull();
    });

    it('refuses empty and oversized bodies; the database refuses them too', async () => {
      const limited = createShareService(store, { now: () => clock, maxBytes: 1000 });
      await expect(limited.create(new Uint8Array(1000), 'never')).resolves.toHaveProperty('id');
      await expect(limited.create(new Uint8Array(1001), 'never')).rejects.toBeInstanceOf(
        ShareTooLargeError,
      );
      await expect(limited.create(new Uint8Array(0), 'never')).rejects.toBeInstanceOf(
        ShareTooLargeError,
      );
      const atLimit = await shares.create(new Uint8Array(MAX_SHARE_BYTES), '1d');
      expect((await shares.read(atLimit.id))?.length).toBe(MAX_SHARE_BYTES);
      await expect(shares.create(new Uint8Array(MAX_SHARE_BYTES + 1), '1d')).rejects.toThrow(
        ShareTooLargeError,
      );
      const row = {
        id: 'oversizedBODY___',
        body: new Uint8Array(MAX_SHARE_BYTES + 1),
        deleteTokenHash: 'x',
        createdAt: clock,
        expiresAt: null,
      };
      await expect(store.insert(row)).rejects.toThrow();
      expect(await shares.read(row.id)).toBeNull();
    });

    it('never overwrites a taken id', async () => {
      const row = {
        id: 'sameIdTwice_____',
        deleteTokenHash: 'h',
        createdAt: clock,
        expiresAt: null,
      };
      expect(await store.insert({ ...row, body: new Uint8Array([1]) })).toBe(true);
      expect(await store.insert({ ...row, body: new Uint8Array([2]) })).toBe(false);
      expect([.../** @type {Buffer} */ (await store.read(row.id, clock))]).toEqual([1]);
    });

    it('handles concurrent creates: distinct ids, each with its own bytes', async () => {
      const bodies = Array.from({ length: 40 }, (_, i) => new Uint8Array([i, ...randomBytes(64)]));
      const created = await Promise.all(bodies.map((body) => shares.create(body, 'never')));
      expect(new Set(created.map((c) => c.id)).size).toBe(bodies.length);
      const read = await Promise.all(created.map((c) => shares.read(c.id)));
      read.forEach((bytes, i) =>
        expect(Buffer.compare(bytes ?? Buffer.alloc(0), bodies[i])).toBe(0),
      );
    });

    it('keeps shares across a reopen, and migrates the schema once', async () => {
      const { id } = await shares.create(new Uint8Array([4, 2]), 'never');
      await store.close();
      store = await underTest.open();
      const again = createShareService(store, { now: () => clock });
      expect([.../** @type {Buffer} */ (await again.read(id))]).toEqual([4, 2]);
      const migrations = await underTest.query('SELECT version, name FROM ruminate_migrations');
      expect(migrations).toEqual([{ version: 1, name: 'create shares' }]);
    });
  });
}
