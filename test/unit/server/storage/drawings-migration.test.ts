// Migration 2 (drawings as rows of their own) and 3 (the rows grouped into runs, with their
// clientObjectIds in a table of their own) on a database written by the schema before them, and
// 3 alone on one left at version 2: every analysis answers through the API with the same bytes and
// ETag as before, appends and clashes work on the moved drawings, a second open changes nothing,
// copy-to-postgres of a file not migrated yet copies what the migrations would make, and a
// migration that fails leaves every old row as it was. The old database is built with the migrations before version
// 2 and documents written as the old adapter wrote them: JSON.stringify of
// { sender, metadata, levels, drawings } taken from the API's own detail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../src/server/app';
import { copySqliteToPostgres } from '../../../../src/server/storage/copy-to-postgres';
import { type PgClient, pgliteClient, poolClient } from '../../../../src/server/storage/postgres/pg-client';
import { migratePostgres, PG_MIGRATIONS } from '../../../../src/server/storage/postgres/pg-migrations';
import { openPostgresStorage } from '../../../../src/server/storage/postgres/pg-storage';
import { MIGRATIONS, migrate } from '../../../../src/server/storage/sqlite/migrations';
import { openSqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import type { Storage } from '../../../../src/server/storage/storage';
import { channelPath, createBody, harness, T0 } from '../harness';
import { freshSchema, TEST_DATABASE_URL } from '../storage-backends';

/** One analysis as the API answered before the migration. */
interface Before {
  readonly id: string;
  readonly detail: string;
  readonly etag: string | null;
}

/** The old schema's rows of every analysis and key, and what the API answered for them. */
interface OldData {
  readonly analyses: Record<string, unknown>[];
  readonly keys: Record<string, unknown>[];
  readonly before: Before[];
  readonly list: string;
  readonly writer: string;
}

const line = (clientObjectId: string, minute = 0) => ({
  type: 'LINE',
  clientObjectId,
  ...(minute % 2 === 1 ? { style: { color: '#ff0000', lineStyle: 'DASHED' }, extendRight: true } : {}),
  points: [
    { time: `2026-01-08T10:${String(minute % 60).padStart(2, '0')}:00.000Z`, price: 1.3 + minute / 1000 },
    { time: '2026-01-08T11:00:00.250Z', price: 1.31 },
  ],
});

/**
 * Analyses of every shape written through today's API (the example, none, many with a non-ASCII
 * title, one after a PATCH and an append), turned into the old schema's rows.
 */
async function oldData(): Promise<OldData> {
  const h = await harness();
  try {
    const ids: string[] = [];
    const create = async (body: Record<string, unknown>) => {
      const r = await h.call('POST', channelPath(), { body });
      expect(r.status, await r.clone().text()).toBe(201);
      ids.push(((await r.json()) as { data: { id: string } }).data.id);
      return ids.at(-1)!;
    };
    const example = createBody() as { drawings: unknown[]; metadata: Record<string, unknown> };
    await create(example);
    // No drawings: the example's text references them, so it goes too.
    const { preferenceText: _, ...bare } = example.metadata;
    await create(createBody({ metadata: bare, drawings: [] }));
    const many = Array.from({ length: 60 }, (_, i) => line(`l${i}`, i));
    const title = 'é ✓ "quoted" \u2028 😀';
    await create(
      createBody({ metadata: { ...example.metadata, title }, drawings: [...example.drawings, ...many] }),
    );
    const edited = await create(createBody());
    const patched = await h.call('PATCH', `/v1/analysis/${edited}`, {
      body: {
        sender: 'pangray2025+t5@gmail.com',
        metadata: { title: 'Edited' },
        drawings: [...example.drawings, line('p1'), line('p2')],
      },
    });
    expect(patched.status).toBe(200);
    const appended = await h.call('POST', `/v1/analysis/${edited}/drawings`, {
      body: { sender: 'pangray2025+t5@gmail.com', drawings: [line('a1', 7)] },
    });
    expect(appended.status).toBe(200);

    const before: Before[] = [];
    const analyses: Record<string, unknown>[] = [];
    for (const id of ids) {
      const r = await h.call('GET', `/v1/analysis/${id}`);
      const detail = await r.text();
      before.push({ id, detail, etag: r.headers.get('etag') });
      const d = (JSON.parse(detail) as { data: Record<string, unknown> }).data;
      // Today's row without its integer key (migration 4), which the old schema does not have.
      const { key: _, ...row } = h.storage.db
        .prepare('SELECT * FROM analyses WHERE id = ?')
        .get(id) as Record<string, unknown>;
      // What the adapter before version 2 stored: the whole normalised document, in this key order.
      const document = JSON.stringify({
        sender: d.sender,
        metadata: d.metadata,
        levels: d.levels,
        drawings: d.drawings,
      });
      analyses.push({ ...row, document });
    }
    const list = await (await h.call('GET', channelPath())).text();
    const keys = h.storage.db.prepare('SELECT * FROM api_keys').all() as Record<string, unknown>[];
    return { analyses, keys, before, list, writer: h.keys.writer };
  } finally {
    await h.storage.close();
  }
}

const insertSql = (table: string, row: Record<string, unknown>) => {
  const columns = Object.keys(row);
  return {
    text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    values: columns.map((c) => row[c]),
  };
};

/** Every analysis answers as before; the list too; then writes work on the moved drawings. */
async function expectSameThroughApi(storage: Storage, old: OldData): Promise<void> {
  const app = createApp({ storage, now: () => T0, logger: () => {}, rateLimit: false });
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${old.writer}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  for (const b of old.before) {
    const r = await call('GET', `/v1/analysis/${b.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe(b.etag);
    expect(await r.text()).toBe(b.detail);
  }
  expect(await (await call('GET', channelPath())).text()).toBe(old.list);

  // The many-drawing analysis: a moved drawing's clientObjectId clashes, a new one appends at the end.
  const many = old.before[2]!;
  const clash = await call('POST', `/v1/analysis/${many.id}/drawings`, {
    sender: 'pangray2025+t5@gmail.com',
    drawings: [line('l59')],
  });
  expect(clash.status).toBe(409);
  const ok = await call('POST', `/v1/analysis/${many.id}/drawings`, {
    sender: 'pangray2025+t5@gmail.com',
    drawings: [line('new')],
  });
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { data: { totalDrawings: number; version: number } }).data).toMatchObject({
    totalDrawings: 64,
    version: 2,
  });
  const after = (await (await call('GET', `/v1/analysis/${many.id}`)).json()) as {
    data: { drawings: { clientObjectId: string }[] };
  };
  const oldDrawings = (JSON.parse(many.detail) as { data: { drawings: unknown[] } }).data.drawings;
  expect(after.data.drawings.slice(0, 63)).toEqual(oldDrawings);
  expect(after.data.drawings.map((d) => d.clientObjectId).at(-1)).toBe('new');
  expect((await call('DELETE', `/v1/analysis/${many.id}`)).status).toBe(200);
  expect((await call('GET', `/v1/analysis/${many.id}`)).status).toBe(404);
}

/** Migrations before version 2 (and the webhook tables, which do not depend on it). */
const before2 = (m: { version: number }) => m.version < 2 || m.version >= 100;

/** After the moves: one run per analysis with drawings (3 of the 4), one id row per drawing (3 + 63 + 6). */
const MOVED_COUNTS = { runs: 3, ids: 72 };

/** What copy-to-postgres reports for the analyses and drawing tables. */
const COPIED_COUNTS = [
  { table: 'analyses', copied: 4 },
  { table: 'analysis_drawing_runs', copied: MOVED_COUNTS.runs },
  { table: 'analysis_client_object_ids', copied: MOVED_COUNTS.ids },
];

/** Rows of the two drawing tables of a SQLite file. */
const storageCounts = (db: Database.Database) => ({
  runs: (db.prepare('SELECT COUNT(*) AS n FROM analysis_drawing_runs').get() as { n: number }).n,
  ids: (db.prepare('SELECT COUNT(*) AS n FROM analysis_client_object_ids').get() as { n: number }).n,
});

/** Writes `file` with the schema before version 2 and the old rows; `corrupt` replaces one document. */
function writeOldFile(file: string, corrupt?: string): string {
  const db = new Database(file);
  expect(migrate(db, MIGRATIONS.filter(before2))).not.toContain(2);
  const rows = old.analyses.map((r, i) =>
    corrupt !== undefined && i === 1 ? { ...r, document: corrupt } : r,
  );
  for (const row of [
    ...rows.map((r) => ['analyses', r] as const),
    ...old.keys.map((k) => ['api_keys', k] as const),
  ]) {
    const { text, values } = insertSql(row[0], row[1]);
    db.prepare(text.replace(/\$\d+/g, '?')).run(...values);
  }
  db.close();
  return file;
}

/** Copies `file` into a fresh PGlite and finds every old analysis there through the API. */
async function expectCopied(file: string): Promise<void> {
  const pg = await PGlite.create();
  try {
    const client = pgliteClient(pg);
    const result = await copySqliteToPostgres(file, client);
    expect(result.tables.slice(0, 3)).toEqual(COPIED_COUNTS);
    await expectSameThroughApi(await openPostgresStorage(client), old);
  } finally {
    await pg.close();
  }
}

let old: OldData;
beforeAll(async () => {
  old = await oldData();
}, 120_000);

describe('SQLite migrations 2 and 3', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chartmark-drawings-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A file with the schema before version 2 and the old rows; `corrupt` replaces one document. */
  const oldFile = (name: string, corrupt?: string): string => writeOldFile(join(dir, name), corrupt);
  /** The same file taken to version 2 (drawings as rows), as a server before version 3 left it. */
  const version2File = (name: string): string => {
    const file = oldFile(name);
    const db = new Database(file);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version !== 3 && m.version !== 4),
      ),
    ).toEqual([2]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM analysis_drawings').get()).toEqual({ n: 72 });
    db.close();
    return file;
  };
  const analysesOf = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT * FROM analyses ORDER BY id').all();
    } finally {
      db.close();
    }
  };

  for (const [from, make] of [
    ['the document (version 1)', oldFile],
    ['rows (version 2)', version2File],
  ] as const)
    it(`moves every drawing from ${from} to runs: same detail bytes, ETags and list; appends and clashes work`, async () => {
      const file = make(`ok-${make.name}.db`);
      const storage = openSqliteStorage(file, { checkpoints: 'inline' });
      try {
        expect(storageCounts(storage.db)).toEqual(MOVED_COUNTS);
        await expectSameThroughApi(storage, old);
      } finally {
        await storage.close();
      }
      // Opening again applies nothing and changes nothing.
      const once = analysesOf(file);
      const db = new Database(file);
      expect(migrate(db)).toEqual([]);
      db.close();
      expect(analysesOf(file)).toEqual(once);
    });

  it('each run holds the old drawings text as it was: none is re-serialised', async () => {
    const file = oldFile('texts.db');
    const storage = openSqliteStorage(file, { checkpoints: 'inline' });
    try {
      const runs = storage.db
        .prepare(
          'SELECT a.id AS analysis_id, position, json FROM analysis_drawing_runs JOIN analyses a ON a.key = analysis_key ORDER BY a.id',
        )
        .all() as { analysis_id: string; position: number; json: string }[];
      const expected = old.analyses
        .map((a) => ({ id: String(a.id), doc: JSON.parse(String(a.document)) as { drawings: unknown[] } }))
        .filter((a) => a.doc.drawings.length > 0)
        .map((a) => ({ analysis_id: a.id, position: 0, json: JSON.stringify(a.doc.drawings) }))
        .sort((x, y) => (x.analysis_id < y.analysis_id ? -1 : 1));
      expect(runs).toEqual(expected);
    } finally {
      await storage.close();
    }
  });

  // Copies `file` into a fresh PGlite, finds every old analysis there through the API, and the file unchanged.
  const expectCopiedUntouched = async (file: string): Promise<void> => {
    const before = analysesOf(file);
    await expectCopied(file);
    expect(analysesOf(file)).toEqual(before);
  };

  it('copy-to-postgres of a file at version 2 groups its rows as migration 3 would, file untouched', async () => {
    const file = version2File('copy-v2.db');
    await expectCopiedUntouched(file);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM analysis_drawings').get()).toEqual({ n: 72 });
    db.close();
  }, 180_000);

  it('copy-to-postgres of a file never opened since splits it as migrations 2 and 3 would, file untouched', async () => {
    const file = oldFile('copy.db');
    await expectCopiedUntouched(file);
  }, 180_000);

  it('a failed migration leaves every old row as it was, and runs once the cause is gone', async () => {
    // A duplicate clientObjectId violates the unique index half way through the data step.
    const doc = JSON.parse(old.analyses[0]!.document as string) as { drawings: unknown[] };
    const twice = JSON.stringify({ ...doc, drawings: [...doc.drawings, doc.drawings[0]] });
    const file = oldFile('bad.db', twice);
    const before = analysesOf(file);
    expect(() => openSqliteStorage(file, { checkpoints: 'inline' })).toThrow(/UNIQUE constraint failed/);
    expect(analysesOf(file)).toEqual(before);
    const db = new Database(file);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'analysis_drawings'").get(),
    ).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 2').get()).toBeUndefined();
    // A document that is not JSON: refused naming the analysis, nothing written either.
    db.prepare('UPDATE analyses SET document = ? WHERE id = ?').run('{not json', old.before[1]!.id);
    expect(() => migrate(db)).toThrow(`analyses.document of ${old.before[1]!.id}: not JSON`);
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 2').get()).toBeUndefined();
    // Put right, the same file migrates.
    db.prepare('UPDATE analyses SET document = ? WHERE id = ?').run(
      old.analyses[1]!.document,
      old.before[1]!.id,
    );
    expect(migrate(db)).toEqual([2, 3, 4]);
    db.close();
  });
});

describe('SQLite migration 4 (drawing tables keyed by the integer key)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chartmark-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A file at version 3 (runs keyed by the TEXT id) holding the old analyses, as a server before version 4 left it. */
  const version3File = (name: string): string => {
    const file = writeOldFile(join(dir, name));
    const db = new Database(file);
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version !== 4),
      ),
    ).toEqual([2, 3]);
    db.close();
    return file;
  };
  /** Every analysis with its drawing rows, named by its id, in a stable order. */
  const contentOf = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      const keyed = (db.prepare('PRAGMA table_info(analysis_drawing_runs)').all() as { name: string }[]).some(
        (c) => c.name === 'analysis_key',
      );
      const id = keyed ? '(SELECT id FROM analyses WHERE key = analysis_key)' : 'analysis_id';
      return {
        analyses: (
          db.prepare('SELECT rowid AS r, * FROM analyses ORDER BY id').all() as Record<string, unknown>[]
        ).map(({ key: _, ...a }) => a),
        runs: db
          .prepare(`SELECT ${id} AS analysis_id, position, json FROM analysis_drawing_runs ORDER BY 1, 2`)
          .all(),
        ids: db
          .prepare(
            `SELECT ${id} AS analysis_id, client_object_id FROM analysis_client_object_ids ORDER BY 1, 2`,
          )
          .all(),
      };
    } finally {
      db.close();
    }
  };

  it('moves the drawing rows of a version 3 file to integer keys: same rows, rowids, detail bytes, ETags and list', async () => {
    const file = version3File('v3.db');
    const before = contentOf(file);
    expect(before.runs).toHaveLength(MOVED_COUNTS.runs);
    expect(before.ids).toHaveLength(MOVED_COUNTS.ids);
    const storage = openSqliteStorage(file, { checkpoints: 'inline' });
    try {
      expect(contentOf(file)).toEqual(before);
      // The key is the rowid the analysis had, and every drawing row names its analysis by it.
      const keys = storage.db.prepare('SELECT key, rowid AS r FROM analyses ORDER BY key').all() as {
        key: number;
        r: number;
      }[];
      expect(keys.map((k) => k.key)).toEqual(
        before.analyses.map((a) => a.r).sort((x, y) => Number(x) - Number(y)),
      );
      expect(storage.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(storage.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      await expectSameThroughApi(storage, old);
    } finally {
      await storage.close();
    }
    const db = new Database(file);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('a failed migration 4 leaves the version 3 file as it was, and runs once the cause is gone', () => {
    const file = version3File('v3-bad.db');
    const before = contentOf(file);
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const failing = MIGRATIONS.map((m) =>
      m.version === 4
        ? {
            ...m,
            data: () => {
              throw new Error('disk full');
            },
          }
        : m,
    );
    expect(() => migrate(db, failing)).toThrow('disk full');
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 4').get()).toBeUndefined();
    db.close();
    expect(contentOf(file)).toEqual(before);
    const again = new Database(file);
    again.pragma('foreign_keys = ON');
    expect(migrate(again)).toEqual([4]);
    again.close();
    expect(contentOf(file)).toEqual(before);
  });

  it('copy-to-postgres of a version 3 file and of a version 4 file copies the same rows by id', async () => {
    const v3 = version3File('copy-v3.db');
    const v4 = version3File('copy-v4.db');
    await openSqliteStorage(v4, { checkpoints: 'inline' }).close();
    for (const file of [v3, v4]) {
      const before = contentOf(file);
      await expectCopied(file);
      expect(contentOf(file)).toEqual(before);
    }
  }, 180_000);
});

/** PostgreSQL databases to run the same on: PGlite always, the real server when configured. */
const PG_KINDS: {
  name: string;
  skip: string | null;
  open(): Promise<{ client: PgClient; dispose(): Promise<void> }>;
}[] = [
  {
    name: 'pglite',
    skip: null,
    async open() {
      const db = await PGlite.create();
      return { client: pgliteClient(db), dispose: () => db.close() };
    },
  },
  {
    name: 'postgres',
    skip: TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL is not set',
    async open() {
      const s = await freshSchema(TEST_DATABASE_URL!);
      const client = poolClient(s.pool(2));
      return {
        client,
        async dispose() {
          await client.end();
          await s.drop();
        },
      };
    },
  },
];

for (const kind of PG_KINDS) {
  if (kind.skip) console.log(`drawings migration on ${kind.name}: skipped, ${kind.skip}`);
  describe.skipIf(kind.skip !== null)(`PostgreSQL migrations 2 and 3 on ${kind.name}`, () => {
    /** The schema before version 2 with the old rows; `corrupt` replaces one document. */
    const oldDatabase = async (client: PgClient, corrupt?: string) => {
      expect(await migratePostgres(client, PG_MIGRATIONS.filter(before2))).not.toContain(2);
      const rows = old.analyses.map((r, i) =>
        corrupt !== undefined && i === 1 ? { ...r, document: corrupt } : r,
      );
      await client.withSession(async (s) => {
        for (const r of rows) {
          const { text, values } = insertSql('analyses', r);
          await s.query(text, values);
        }
        for (const k of old.keys) {
          const { text, values } = insertSql('api_keys', k);
          await s.query(text, values);
        }
      });
    };
    const analysesOf = (client: PgClient) =>
      client.withSession(async (s) => (await s.query('SELECT * FROM analyses ORDER BY id')).rows);

    it('moves every drawing to runs: same detail bytes, ETags and list; appends and clashes work', async () => {
      const db = await kind.open();
      try {
        await oldDatabase(db.client);
        const storage = await openPostgresStorage(db.client);
        const count = async (table: string) =>
          Number(
            (await db.client.withSession((s) => s.query(`SELECT COUNT(*) AS n FROM ${table}`))).rows[0]!.n,
          );
        expect([await count('analysis_drawing_runs'), await count('analysis_client_object_ids')]).toEqual([
          MOVED_COUNTS.runs,
          MOVED_COUNTS.ids,
        ]);
        await expectSameThroughApi(storage, old);
        const once = await analysesOf(db.client);
        expect(await migratePostgres(db.client)).toEqual([]);
        expect(await analysesOf(db.client)).toEqual(once);
      } finally {
        await db.dispose();
      }
    }, 180_000);

    it('a failed migration leaves every old row as it was', async () => {
      const db = await kind.open();
      try {
        await oldDatabase(db.client, '{not json');
        const before = await analysesOf(db.client);
        await expect(openPostgresStorage(db.client)).rejects.toThrow(
          `analyses.document of ${old.before[1]!.id}: not JSON`,
        );
        expect(await analysesOf(db.client)).toEqual(before);
        const table = await db.client.withSession((s) =>
          s.query("SELECT to_regclass('analysis_drawings') AS t, to_regclass('analysis_drawing_runs') AS r"),
        );
        expect(table.rows[0]).toEqual({ t: null, r: null });
      } finally {
        await db.dispose();
      }
    }, 180_000);
  });
}
