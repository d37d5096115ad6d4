// The storage backends the contract and multi-instance tests run against: SQLite in memory, a
// SQLite file with its writer thread,
// PGlite in process, and a real PostgreSQL when TEST_DATABASE_URL is set (each suite in its
// own schema, dropped afterwards, so runs never see each other's rows).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type PgClient, pgliteClient, poolClient } from '../../../src/server/storage/postgres/pg-client';
import { openPostgresStorage } from '../../../src/server/storage/postgres/pg-storage';
import { openSqliteStorage } from '../../../src/server/storage/sqlite/sqlite-storage';
import type { BackendStorage } from '../../../src/server/storage/storage';

/** The real server's URL, or undefined (those tests are then skipped with a printed reason). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** One opened backend: its storage, a way to open a second storage on the same data, cleanup. */
export interface Backend {
  readonly storage: BackendStorage;
  /** A PgClient on the same database (PostgreSQL kinds only). */
  readonly client?: PgClient;
  /** Opens another client on the same database and schema (real PostgreSQL only). */
  readonly newClient?: (max?: number) => PgClient;
  dispose(): Promise<void>;
}

/** A backend kind of the parameterised suites. */
export interface BackendKind {
  readonly name: 'sqlite' | 'sqlite-thread' | 'pglite' | 'postgres';
  /** Why it is skipped, or null. */
  readonly skip: string | null;
  open(): Promise<Backend>;
}

/** A pool on a fresh schema of TEST_DATABASE_URL, created here. */
export async function freshSchema(
  url: string,
): Promise<{ schema: string; pool: (max?: number) => pg.Pool; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    pool: (max = 8) => new pg.Pool({ connectionString: url, max, options: `-c search_path=${schema}` }),
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The three backends. */
export const BACKENDS: readonly BackendKind[] = [
  {
    name: 'sqlite',
    skip: null,
    async open() {
      const storage = openSqliteStorage(':memory:');
      return { storage, dispose: () => storage.close() };
    },
  },
  {
    // A file whose API writes a writer thread commits (what the server runs).
    name: 'sqlite-thread',
    skip: null,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'cm-thread-'));
      const storage = openSqliteStorage(join(dir, 'db.sqlite'), { writer: 'thread' });
      if (!storage.writer) throw new Error('sqlite-thread: no writer thread');
      return {
        storage,
        async dispose() {
          await storage.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'pglite',
    skip: null,
    async open() {
      const db = await PGlite.create();
      const client = pgliteClient(db);
      const storage = await openPostgresStorage(client);
      return {
        storage,
        client,
        async dispose() {
          await storage.close();
          await db.close();
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: TEST_DATABASE_URL
      ? null
      : 'TEST_DATABASE_URL is not set (run: eval "$(bash scripts/ci-postgres.sh)")',
    async open() {
      const s = await freshSchema(TEST_DATABASE_URL!);
      const client = poolClient(s.pool());
      const storage = await openPostgresStorage(client);
      const extra: PgClient[] = [];
      return {
        storage,
        client,
        newClient: (max) => {
          const c = poolClient(s.pool(max));
          extra.push(c);
          return c;
        },
        async dispose() {
          await storage.close();
          for (const c of extra) await c.end();
          await s.drop();
        },
      };
    },
  },
];
