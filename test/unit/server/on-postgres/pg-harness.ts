// The API tests' harness (../harness.ts) on PostgreSQL: the same app, keys and clock, with the
// storage on the real server when TEST_DATABASE_URL is set, else on an in-process PGlite; one
// schema per harness so that harnesses made by other
// suites' hooks never see each other's rows. Used through vi.mock by the files beside this one, each of
// which imports one API suite unchanged.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { AppDeps } from '../../../../src/server/context';
import { type PgClient, pgliteClient, poolClient } from '../../../../src/server/storage/postgres/pg-client';
import { openPostgresStorage } from '../../../../src/server/storage/postgres/pg-storage';
import type { Harness } from '../harness';
import { TEST_DATABASE_URL } from '../storage-backends';

type HarnessModule = typeof import('../harness');

let db: Promise<{ client: PgClient }> | undefined;
const schemas: string[] = [];
const RUN = randomBytes(4).toString('hex');

// The real server when TEST_DATABASE_URL is set (fast), else PGlite in process.
const open = (): Promise<{ client: PgClient }> =>
  TEST_DATABASE_URL
    ? Promise.resolve({ client: poolClient(new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 4 })) })
    : PGlite.create().then((pg) => ({ client: pgliteClient(pg) }));

/** A client whose every session first selects one schema (PGlite has one connection for all). */
function inSchema(base: PgClient, schema: string): PgClient {
  return {
    withSession: (fn) =>
      base.withSession(async (s) => {
        await s.exec(`SET search_path TO ${schema}`);
        return fn(s);
      }),
    end: async () => {},
  };
}

/** Creates the shared PGlite now (it takes seconds), so the first test does not pay for it. */
export async function warmUp(): Promise<void> {
  db ??= open();
  await db;
}

/** Drops this file's schemas (on the real server) and closes the connections. */
export async function coolDown(): Promise<void> {
  if (!db) return;
  const { client } = await db;
  if (TEST_DATABASE_URL)
    await client.withSession(async (s) => {
      for (const schema of schemas.splice(0)) await s.exec(`DROP SCHEMA ${schema} CASCADE`);
    });
  await client.end();
  db = undefined;
}

/** harness() over PostgreSQL, as ../harness.ts builds it over SQLite; dump() is SQLite-only and throws. */
export function pgHarness(actual: HarnessModule): HarnessModule['harness'] {
  return async (deps: Partial<AppDeps> = {}): Promise<Harness> => {
    db ??= open();
    const { client } = await db;
    const schema = `h_${RUN}_${schemas.length + 1}`;
    schemas.push(schema);
    await client.withSession((s) => s.exec(`CREATE SCHEMA ${schema}`));
    const storage = await openPostgresStorage(inSchema(client, schema));
    const rest = await actual.harnessOn(storage, deps, () => {
      throw new Error('dump: the database dump is SQLite-only; suites that use it are not run on PostgreSQL');
    });
    await actual.withEndpoint(storage);
    return { storage: storage as unknown as Harness['storage'], ...rest };
  };
}
