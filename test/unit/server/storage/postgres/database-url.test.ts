import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../../../../src/server/cli/args';
import { runCli } from '../../../../../src/server/cli/run';
import { describeDatabase, isPostgresUrl } from '../../../../../src/server/storage/postgres/database-url';
import { freshSchema, TEST_DATABASE_URL } from '../../storage-backends';

describe('choosing the adapter', () => {
  it('only postgres:// and postgresql:// URLs select PostgreSQL', () => {
    expect(isPostgresUrl('postgres://u:p@h/db')).toBe(true);
    expect(isPostgresUrl('POSTGRESQL://h/db')).toBe(true);
    expect(isPostgresUrl('.data/chartmark.sqlite')).toBe(false);
    expect(isPostgresUrl('mysql://h/db')).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it('log lines show the URL without its password', () => {
    expect(describeDatabase('postgres://chartmark:s3cret@db:5432/cm')).toBe(
      'postgres://chartmark:***@db:5432/cm',
    );
    expect(describeDatabase('postgres://db/cm')).toBe('postgres://db/cm');
    expect(describeDatabase('.data/x.sqlite')).toBe('.data/x.sqlite');
  });

  it('--db wins, then a postgres DATABASE_URL, then CHARTMARK_DB; another DATABASE_URL is ignored', () => {
    const url = 'postgres://u:p@h:5432/db';
    expect(parseCli(['serve'], { DATABASE_URL: url, CHARTMARK_DB: 'x.db' })).toMatchObject({ db: url });
    expect(parseCli(['serve', '--db', 'y.db'], { DATABASE_URL: url })).toMatchObject({ db: 'y.db' });
    expect(parseCli(['serve'], { DATABASE_URL: 'mysql://h/db', CHARTMARK_DB: 'x.db' })).toMatchObject({
      db: 'x.db',
    });
    expect(parseCli(['keys', 'revoke', '--key', 'k'], { DATABASE_URL: url })).toEqual({
      kind: 'keys-revoke',
      db: url,
      key: 'k',
    });
  });
});

const skip = TEST_DATABASE_URL
  ? null
  : 'TEST_DATABASE_URL is not set (run: eval "$(bash scripts/ci-postgres.sh)")';
if (skip) console.log(`CLI on PostgreSQL: skipped, ${skip}`);
describe.skipIf(skip !== null)('CLI commands on PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let url: string;
  beforeAll(async () => {
    schema = await freshSchema(TEST_DATABASE_URL!);
    url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
  });
  afterAll(async () => schema?.drop());

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { DATABASE_URL: url },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    return { code, out, err };
  };

  it('keys create / revoke and webhooks add / list work against DATABASE_URL', async () => {
    const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const created = await run(['keys', 'create', '--community', C, '--permissions', 'analysis:read']);
    expect(created.code).toBe(0);
    const key = created.out.at(-1)!;
    expect(key).toMatch(/^cm_/);
    expect((await run(['keys', 'revoke', '--key', key])).out).toEqual(['Revoked.']);
    expect((await run(['keys', 'revoke', '--key', key])).code).toBe(1);
    const added = await run(['webhooks', 'add', '--community', C, '--url', 'https://hooks.example/x']);
    expect(added.code).toBe(0);
    const listed = await run(['webhooks', 'list', '--community', C]);
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toContain('https://hooks.example/x  active');
    expect(listed.out[0]).toMatch(/ {2}pending 0, delivered 0, given up 0$/);
    expect((await run(['webhooks', 'add', '--community', C, '--url', 'http://[::1]/x'])).code).toBe(2);
    expect(await run(['webhooks', 'prune', '--older-than-days', '7'])).toEqual({
      code: 0,
      out: ['Pruned 0 finished deliveries (0 logged attempts) and 0 outbox rows older than 7 days.'],
      err: [],
    });
  });
});
