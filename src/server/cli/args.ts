// Argument parsing for `npm run chartmark -- <command>`: pure (argv and env in, a command or a
// CliUsageError out) so every rule is testable without starting anything.
import { parseArgs } from 'node:util';
import { OBJECT_ID_PATTERN } from '../../schema/limits';
import { PERMISSIONS, type Permission } from '../auth/keys';
import { isPostgresUrl, parseDatabase } from '../storage/database-url';
import { ALLOW_PRIVATE_ENV, checkWebhookUrlLiteral } from '../webhooks/address-guard';
import { checkWebhookUrl } from '../webhooks/endpoints';
import { DEFAULT_PRUNE_DAYS } from '../webhooks/prune';
import type { OutcomesCommand } from './outcomes';

/** Database path when neither --db nor CHARTMARK_DB is given. */
export const DEFAULT_DB_PATH = '.data/chartmark.sqlite';
/** Port when neither --port nor PORT is given. */
export const DEFAULT_PORT = 8787;
/** Interface the server binds to unless --host or HOST says otherwise. */
export const DEFAULT_HOST = '127.0.0.1';
/** Built demo served by `serve`. */
export const DEFAULT_DEMO_DIR = 'dist/demo';

/** A parsed command line. */
export type CliCommand =
  | { readonly kind: 'help'; readonly text: string }
  | {
      readonly kind: 'serve';
      readonly port: number;
      readonly host: string;
      readonly db: string;
      readonly demo: boolean;
      readonly demoDir: string;
    }
  | {
      readonly kind: 'keys-create';
      readonly db: string;
      readonly communityId: string;
      readonly permissions: Permission[];
      readonly channelIds?: string[];
      readonly expiresInSeconds?: number;
    }
  | { readonly kind: 'keys-revoke'; readonly db: string; readonly key: string }
  | { readonly kind: 'webhooks-add'; readonly db: string; readonly communityId: string; readonly url: string }
  | { readonly kind: 'webhooks-list'; readonly db: string; readonly communityId: string }
  | { readonly kind: 'webhooks-disable'; readonly db: string; readonly id: string }
  | { readonly kind: 'webhooks-prune'; readonly db: string; readonly olderThanDays: number }
  | { readonly kind: 'copy-to-postgres'; readonly from: string; readonly to: string }
  | OutcomesCommand;

/** A command line that breaks a rule; the message names the flag and the rule. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The text printed by --help. */
export const HELP = `Usage: npm run chartmark -- <command> [flags]

Commands:
  serve                 start the API server (and the built demo from ${DEFAULT_DEMO_DIR})
      --port N          port, 0-65535 (env PORT, default ${DEFAULT_PORT}; 0 picks a free one)
      --host H          interface to bind (env HOST, default ${DEFAULT_HOST})
      --db PATH|URL     SQLite file, sqlite:PATH or postgres:// URL (env DATABASE_URL if
                        postgres://, then CHARTMARK_DB, default ${DEFAULT_DB_PATH})
      --demo            demo mode: seed a demo key and sample analysis, serve /demo/config.json
      --demo-dir PATH   built demo to serve (default ${DEFAULT_DEMO_DIR})
      env CHARTMARK_WEBHOOK_MAX_AGE_HOURS  give up a webhook delivery still failing this long
                        after its first attempt (default 24)
      env ${ALLOW_PRIVATE_ENV}=1  let webhooks reach loopback/private addresses
  keys create           create an API key; prints the key alone on the last line
      --community ID    community the key is scoped to (24 hex characters)
      --permissions P   comma-separated: ${PERMISSIONS.join(',')}
      --channels IDS    comma-separated channel ids (default: all channels)
      --expires-in S    lifetime in seconds (default: never expires)
      --db PATH
  keys revoke           revoke an API key
      --key KEY
      --db PATH
  webhooks add          add a webhook endpoint; prints its signing secret
      --community ID
      --url URL         http(s) URL that receives POSTed events; loopback, private and
                        link-local hosts are refused unless ${ALLOW_PRIVATE_ENV}=1
      --db PATH
  webhooks list         list a community's webhook endpoints with their pending, delivered
                        and given-up deliveries
      --community ID
      --db PATH
  webhooks disable      stop delivering to an endpoint (its undelivered events are not sent)
      --id ID           the endpoint id shown by "webhooks list"
      --db PATH
  webhooks prune        delete delivered and given-up deliveries (with their attempt log)
                        and outbox rows every endpoint has passed, older than N days;
                        nothing still pending is deleted
      --older-than-days N  (default ${DEFAULT_PRUNE_DAYS})
      --db PATH
  copy-to-postgres      copy a SQLite database into an EMPTY PostgreSQL database, in one
                        transaction, verified before commit (the SQLite file is only read)
      --from PATH       the SQLite file (e.g. ${DEFAULT_DB_PATH})
      --to URL          postgres:// URL (default env DATABASE_URL)
  outcomes              evaluate a channel's analyses against candles; prints per sender
                        ideas, closed, hit rate and average R (README "Outcomes")
      --candles PATH    CSV with the header symbol,time,open,high,low,close; time is
                        ISO-8601 with a zone or unix seconds
      --channel ID
      --community ID    only that community's analyses in the channel (optional)
      --now TIME        evaluate at this ISO-8601 time or unix seconds (default: now)
      --db PATH

  --help, -h            show this text`;

type Values = Record<string, string | boolean | undefined>;

function need(values: Values, flag: string): string {
  const v = values[flag];
  if (typeof v !== 'string' || v === '') throw new CliUsageError(`--${flag}: is required`);
  return v;
}

function objectId(flag: string, value: string): string {
  if (!OBJECT_ID_PATTERN.test(value))
    throw new CliUsageError(`--${flag}: must be 24 lower-case hex characters, got ${JSON.stringify(value)}`);
  return value;
}

function integer(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliUsageError(
      `--${flag}: must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

function list(flag: string, value: string): string[] {
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === ''))
    throw new CliUsageError(`--${flag}: must be a comma-separated list without empty items`);
  return [...new Set(items)];
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  demo: { type: 'boolean' },
  'demo-dir': { type: 'string' },
  community: { type: 'string' },
  permissions: { type: 'string' },
  channels: { type: 'string' },
  'expires-in': { type: 'string' },
  key: { type: 'string' },
  url: { type: 'string' },
  id: { type: 'string' },
  'older-than-days': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  candles: { type: 'string' },
  channel: { type: 'string' },
  now: { type: 'string' },
} as const;

/** Flags each command accepts besides --db and --help. */
const ALLOWED: Record<string, readonly string[]> = {
  serve: ['port', 'host', 'demo', 'demo-dir'],
  'keys create': ['community', 'permissions', 'channels', 'expires-in'],
  'keys revoke': ['key'],
  'webhooks add': ['community', 'url'],
  'webhooks list': ['community'],
  'webhooks disable': ['id'],
  'webhooks prune': ['older-than-days'],
  'copy-to-postgres': ['from', 'to'],
  outcomes: ['candles', 'community', 'channel', 'now'],
};

/** Parses argv (without node and script) with env for defaults. */
export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CliCommand {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (e) {
    // node:util names the flag already ("Unknown option '--x'"); keep its words.
    throw new CliUsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help', text: HELP };
  const single = ['serve', 'copy-to-postgres', 'outcomes'].includes(positionals[0]!);
  const name = positionals.slice(0, single ? 1 : 2).join(' ');
  const allowed = ALLOWED[name];
  if (!allowed)
    throw new CliUsageError(`command: unknown command ${JSON.stringify(positionals.join(' '))}; see --help`);
  if (positionals.length > name.split(' ').length)
    throw new CliUsageError(
      `command: unexpected argument ${JSON.stringify(positionals[name.split(' ').length])}`,
    );
  for (const flag of Object.keys(values)) {
    if (values[flag] !== undefined && flag !== 'db' && !allowed.includes(flag))
      throw new CliUsageError(`--${flag}: not accepted by "${name}"`);
  }
  if (name === 'copy-to-postgres') return copyCommand(values, env);
  // DATABASE_URL is the usual name for a hosted PostgreSQL; only a postgres:// value selects it.
  const databaseUrl = isPostgresUrl(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  const db = (values.db as string | undefined) ?? databaseUrl ?? env.CHARTMARK_DB ?? DEFAULT_DB_PATH;
  if (db === '') throw new CliUsageError('--db: must not be empty');
  try {
    parseDatabase(db);
  } catch (e) {
    throw new CliUsageError(`--${(e as Error).message.replace(/^database/, 'db')}`);
  }

  switch (name) {
    case 'serve': {
      const portText = (values.port as string | undefined) ?? env.PORT;
      const flag = values.port !== undefined ? 'port' : 'port (from env PORT)';
      return {
        kind: 'serve',
        port: portText === undefined ? DEFAULT_PORT : integer(flag, portText, 0, 65535),
        host: (values.host as string | undefined) ?? env.HOST ?? DEFAULT_HOST,
        db,
        demo: values.demo === true,
        demoDir: (values['demo-dir'] as string | undefined) ?? DEFAULT_DEMO_DIR,
      };
    }
    case 'keys create': {
      const permissions = list('permissions', need(values, 'permissions'));
      const bad = permissions.find((p) => !(PERMISSIONS as readonly string[]).includes(p));
      if (bad !== undefined)
        throw new CliUsageError(
          `--permissions: ${JSON.stringify(bad)} is not one of ${PERMISSIONS.join(', ')}`,
        );
      const channels =
        values.channels === undefined ? undefined : list('channels', values.channels as string);
      for (const c of channels ?? []) objectId('channels', c);
      const expires = values['expires-in'] as string | undefined;
      return {
        kind: 'keys-create',
        db,
        communityId: objectId('community', need(values, 'community')),
        permissions: permissions as Permission[],
        ...(channels ? { channelIds: channels } : {}),
        ...(expires === undefined
          ? {}
          : { expiresInSeconds: integer('expires-in', expires, 1, 10 * 365 * 86400) }),
      };
    }
    case 'keys revoke':
      return { kind: 'keys-revoke', db, key: need(values, 'key') };
    case 'webhooks add': {
      const url = need(values, 'url');
      try {
        checkWebhookUrl(url);
        // Only IP literals can be judged now; names are checked at each send (DNS can change).
        if (env[ALLOW_PRIVATE_ENV] !== '1') checkWebhookUrlLiteral(url);
      } catch (e) {
        throw new CliUsageError(`--${(e as Error).message}`);
      }
      return { kind: 'webhooks-add', db, communityId: objectId('community', need(values, 'community')), url };
    }
    case 'outcomes':
      return outcomesCommand(values, db);
    case 'webhooks disable':
      return { kind: 'webhooks-disable', db, id: objectId('id', need(values, 'id')) };
    case 'webhooks prune': {
      const days = values['older-than-days'] as string | undefined;
      return {
        kind: 'webhooks-prune',
        db,
        olderThanDays: days === undefined ? DEFAULT_PRUNE_DAYS : integer('older-than-days', days, 0, 36_500),
      };
    }
    default:
      return { kind: 'webhooks-list', db, communityId: objectId('community', need(values, 'community')) };
  }
}

/** copy-to-postgres: --db would be ambiguous (which side?), so only --from and --to are taken. */
function copyCommand(values: Values, env: Readonly<Record<string, string | undefined>>): CliCommand {
  if (values.db !== undefined)
    throw new CliUsageError('--db: not accepted by "copy-to-postgres"; use --from and --to');
  const from = need(values, 'from');
  const to = (values.to as string | undefined) ?? env.DATABASE_URL;
  if (to === undefined || to === '')
    throw new CliUsageError('--to: is required (or set DATABASE_URL to a postgres:// URL)');
  const flag = values.to !== undefined ? 'to' : 'to (from env DATABASE_URL)';
  if (!isPostgresUrl(to)) throw new CliUsageError(`--${flag}: must be a postgres:// or postgresql:// URL`);
  return { kind: 'copy-to-postgres', from, to };
}

/** outcomes: --now is ISO-8601 with a zone or unix seconds. */
function outcomesCommand(values: Values, db: string): OutcomesCommand {
  const nowText = values.now as string | undefined;
  let now: number | undefined;
  if (nowText !== undefined) {
    now = /^\d+(\.\d+)?$/.test(nowText) ? Number(nowText) * 1000 : Date.parse(nowText);
    if (!Number.isFinite(now) || !/^\d+(\.\d+)?$|[zZ]$|[+-]\d\d:\d\d$/.test(nowText))
      throw new CliUsageError(
        `--now: must be an ISO-8601 time with a zone or unix seconds, got ${JSON.stringify(nowText)}`,
      );
  }
  return {
    kind: 'outcomes',
    db,
    candles: need(values, 'candles'),
    communityId: values.community === undefined ? null : objectId('community', need(values, 'community')),
    channelId: objectId('channel', need(values, 'channel')),
    ...(now === undefined ? {} : { now }),
  };
}
