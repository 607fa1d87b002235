/**
 * The Demo's reply to "Compare SQLite and PostgreSQL for a small web app.": what decides the
 * choice, a comparison table, and the settings that make SQLite behave under a web server.
 */

const REASONING = `"A small web app" is vague, so first I should work out what actually changes the answer. Not the size of the data: both handle gigabytes without effort. What matters is how many processes write at the same time, where the app is deployed, which features the data needs, and who looks after the database.

SQLite is a library, not a server. The database is one file, and a query is a function call inside the app's own process, so a small read takes microseconds and there is no network hop, no connection pool, no credentials. The catch is writing: a database has one writer at a time. With the write-ahead log (journal_mode=WAL) readers don't block the writer and the writer doesn't block readers, but writes still take turns. For a small app that is rarely the bottleneck, as long as write transactions are short. Without busy_timeout, though, a second writer gets SQLITE_BUSY immediately instead of waiting its turn, which is the classic surprise when people first put SQLite behind a web server.

Where SQLite really doesn't fit: when more than one machine has to write. It is a local file, and putting it on a network file system is asking for trouble, because file locking over NFS is unreliable. The same goes for hosts without a persistent disk: on many container and serverless platforms the file vanishes at the next deploy unless a volume is attached.

Let me also check the weaker spots. Types are flexible by default: a column declared INTEGER accepts a string. STRICT tables (since SQLite 3.37) fix that. ALTER TABLE is limited: DROP COLUMN exists since 3.35, but changing a column's type still means creating a new table and copying. And foreign keys are off unless PRAGMA foreign_keys = ON is set on each connection. All manageable, but worth saying.

PostgreSQL is a server with its own processes, users and network protocol. It handles many concurrent writers with MVCC and row-level locks, has strict and rich types (jsonb with indexes, arrays, ranges, timestamptz), transactional schema changes (a migration that fails halfway rolls back cleanly), full-text search, LISTEN/NOTIFY, and extensions such as PostGIS and pgvector. The cost is operations: something to install or rent, upgrade, monitor and back up. Each connection is a process, so beyond a few hundred connections a pooler such as PgBouncer appears. Managed offerings take most of that work away, for money.

Backups, since people forget them: SQLite can make a consistent copy with VACUUM INTO or the backup API, and Litestream streams the WAL to object storage continuously. PostgreSQL has pg_dump and point-in-time recovery from archived WAL; a managed service does it for you.

What about starting small and switching later? Moving from SQLite to PostgreSQL is a bounded job if the app sticks to ordinary SQL; both support ON CONFLICT upserts, for instance. The usual snags are dates (SQLite stores text or numbers) and loosely typed columns. Not free, but not a rewrite.

So my recommendation: SQLite when the app runs on one server with a persistent disk, with WAL, a busy timeout and foreign keys switched on. PostgreSQL from day one if there are several app instances, the host has no persistent disk, many users write at once, or the app needs Postgres-only features. A table suits the comparison, plus the three PRAGMA lines, since those are what people get wrong.`;

const ANSWER = `## SQLite or PostgreSQL for a small web app?

**Short answer:** if the app runs on **one server with a persistent disk**, start with **SQLite**. Choose **PostgreSQL** from day one if several app instances write to the database, your host has no persistent disk, or you need Postgres-only features.

| | SQLite | PostgreSQL |
|---|---|---|
| What it is | a library; the database is one file | a server you connect to |
| Setup | none | install or rent one, create users |
| Concurrent writes | one writer at a time; WAL lets reads go on | many writers, MVCC and row locks |
| Several app servers | no: the file belongs to one machine | yes |
| A small query costs | a function call, microseconds | a network round trip |
| Types | flexible; \`STRICT\` tables enforce them | strict and rich: \`jsonb\`, arrays, ranges, \`timestamptz\` |
| Schema changes | limited \`ALTER TABLE\`; some need a table rebuild | transactional DDL |
| Backups | \`VACUUM INTO\`, or Litestream to object storage | \`pg_dump\`, point-in-time recovery |
| Extras | FTS5 full-text search, JSON functions | full-text search, \`LISTEN/NOTIFY\`, PostGIS, pgvector |
| Looking after it | a file to back up | a service to upgrade, monitor and back up |

### If you pick SQLite

Set these when the app opens its database:

\`\`\`sql
PRAGMA journal_mode = WAL;   -- readers no longer block the writer (kept in the file)
PRAGMA busy_timeout = 5000;  -- wait up to 5 s for the write lock instead of failing
PRAGMA foreign_keys = ON;    -- off by default, and set per connection
\`\`\`

- Keep the file on a persistent local disk, never on a network file system.
- Keep write transactions short: the write lock is shared by the whole database.

### Signs you want PostgreSQL

- More than one app instance, or a platform that scales instances up and down.
- No persistent disk where the app runs.
- Many users writing at the same moment, or long-running write transactions.
- You need \`jsonb\` indexes, PostGIS, pgvector or \`LISTEN/NOTIFY\`.

Starting with SQLite and moving later is a bounded job if you stick to ordinary SQL; dates and loosely typed columns are the usual snags.`;

/** @type {import('../pick-script.mjs').DemoScript} */
export const DATABASES_SCRIPT = {
  id: 'databases',
  phrases: [['sqlite', 'postgre']],
  reasoning: REASONING,
  answer: ANSWER,
};
