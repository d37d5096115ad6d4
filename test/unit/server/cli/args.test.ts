import { describe, expect, it } from 'vitest';
import { CliUsageError, HELP, parseCli } from '../../../../src/server/cli/args';

const C = '6502c9e514a3e564c5c09c0a';
const CH = '6502c9e514a3e564c5c09c0b';

const fails = (argv: string[], message: string, env = {}) => {
  expect(() => parseCli(argv, env)).toThrow(CliUsageError);
  expect(() => parseCli(argv, env)).toThrow(message);
};

describe('parseCli', () => {
  it('shows help for --help, -h and no command', () => {
    for (const argv of [['--help'], ['-h'], [], ['keys', 'create', '--help']])
      expect(parseCli(argv)).toEqual({ kind: 'help', text: HELP });
  });

  it('serve: defaults, then env, then flags win', () => {
    expect(parseCli(['serve'])).toEqual({
      kind: 'serve',
      port: 8787,
      host: '127.0.0.1',
      db: '.data/chartmark.sqlite',
      demo: false,
      demoDir: 'dist/demo',
    });
    expect(parseCli(['serve'], { PORT: '9000', CHARTMARK_DB: '/tmp/x.db', HOST: '0.0.0.0' })).toMatchObject({
      port: 9000,
      db: '/tmp/x.db',
      host: '0.0.0.0',
    });
    expect(
      parseCli(['serve', '--port', '0', '--db', ':memory:', '--demo', '--demo-dir', 'd'], { PORT: '9000' }),
    ).toEqual({ kind: 'serve', port: 0, host: '127.0.0.1', db: ':memory:', demo: true, demoDir: 'd' });
  });

  it('serve: names the port flag and its rule', () => {
    fails(['serve', '--port', '70000'], '--port: must be an integer from 0 to 65535, got "70000"');
    fails(['serve', '--port', '-1'], "Option '--port' argument is ambiguous");
    fails(['serve', '--port', 'abc'], '--port: must be an integer from 0 to 65535, got "abc"');
    fails(['serve'], '--port (from env PORT): must be an integer from 0 to 65535, got "x"', { PORT: 'x' });
  });

  it('keys create: parses lists, de-duplicates, and keeps optional fields absent', () => {
    expect(
      parseCli([
        'keys',
        'create',
        '--community',
        C,
        '--permissions',
        'analysis:read,analysis:write,analysis:read',
      ]),
    ).toEqual({
      kind: 'keys-create',
      db: '.data/chartmark.sqlite',
      communityId: C,
      permissions: ['analysis:read', 'analysis:write'],
    });
    expect(
      parseCli([
        'keys',
        'create',
        '--db',
        'k.db',
        '--community',
        C,
        '--permissions',
        'analysis:read',
        '--channels',
        `${CH}`,
        '--expires-in',
        '3600',
      ]),
    ).toEqual({
      kind: 'keys-create',
      db: 'k.db',
      communityId: C,
      permissions: ['analysis:read'],
      channelIds: [CH],
      expiresInSeconds: 3600,
    });
  });

  it('keys create: each bad flag is named with its rule', () => {
    fails(['keys', 'create', '--permissions', 'analysis:read'], '--community: is required');
    fails(['keys', 'create', '--community', C], '--permissions: is required');
    fails(
      ['keys', 'create', '--community', 'ABC', '--permissions', 'analysis:read'],
      '--community: must be 24 lower-case hex characters, got "ABC"',
    );
    fails(
      ['keys', 'create', '--community', C, '--permissions', 'analysis:admin'],
      '--permissions: "analysis:admin" is not one of analysis:read, analysis:write',
    );
    fails(
      ['keys', 'create', '--community', C, '--permissions', 'analysis:read,'],
      '--permissions: must be a comma-separated list without empty items',
    );
    fails(
      ['keys', 'create', '--community', C, '--permissions', 'analysis:read', '--channels', 'x'],
      '--channels: must be 24 lower-case hex characters, got "x"',
    );
    fails(
      ['keys', 'create', '--community', C, '--permissions', 'analysis:read', '--expires-in', '0'],
      '--expires-in: must be an integer from 1 to 315360000, got "0"',
    );
    fails(
      ['keys', 'create', '--community', C, '--permissions', 'analysis:read', '--url', 'http://x'],
      '--url: not accepted by "keys create"',
    );
  });

  it('keys revoke and webhooks add/list', () => {
    expect(parseCli(['keys', 'revoke', '--key', 'cm_abc'])).toEqual({
      kind: 'keys-revoke',
      db: '.data/chartmark.sqlite',
      key: 'cm_abc',
    });
    fails(['keys', 'revoke'], '--key: is required');
    expect(
      parseCli(['webhooks', 'add', '--community', C, '--url', 'http://127.0.0.1:9/h'], {
        CHARTMARK_WEBHOOK_ALLOW_PRIVATE: '1',
      }),
    ).toEqual({
      kind: 'webhooks-add',
      db: '.data/chartmark.sqlite',
      communityId: C,
      url: 'http://127.0.0.1:9/h',
    });
    // Without the switch, IP literals outside public space are refused; names pass (checked at send).
    for (const [url, shown] of [
      ['http://127.0.0.1:9/h', '127.0.0.1, a loopback'],
      ['http://10.0.0.5/h', '10.0.0.5, a private'],
      ['https://192.168.1.20/h', '192.168.1.20, a private'],
      ['http://[::1]:8080/h', '::1, a loopback'],
      ['http://[::ffff:127.0.0.1]/h', '::ffff:7f00:1, a loopback'],
      ['http://169.254.169.254/latest/meta-data', '169.254.169.254, a link-local'],
      ['http://2130706433/', '127.0.0.1, a loopback'],
    ])
      fails(
        ['webhooks', 'add', '--community', C, '--url', url!],
        `--url: host resolves to ${shown} address; set CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1 to allow`,
      );
    expect(parseCli(['webhooks', 'add', '--community', C, '--url', 'http://localhost:9/h'])).toMatchObject({
      url: 'http://localhost:9/h',
    });
    fails(['webhooks', 'add', '--community', C], '--url: is required');
    fails(
      ['webhooks', 'add', '--community', C, '--url', 'ftp://x'],
      '--url: must use http or https, got ftp:',
    );
    fails(
      ['webhooks', 'add', '--community', C, '--url', 'http://u:p@h/'],
      '--url: must not contain credentials',
    );
    expect(parseCli(['webhooks', 'disable', '--id', C])).toEqual({
      kind: 'webhooks-disable',
      db: '.data/chartmark.sqlite',
      id: C,
    });
    fails(['webhooks', 'disable', '--id', 'nope'], '--id: must be 24 lower-case hex characters, got "nope"');
    expect(parseCli(['webhooks', 'list', '--community', C])).toMatchObject({
      kind: 'webhooks-list',
      communityId: C,
    });
  });

  it('webhooks prune: 30 days unless --older-than-days says otherwise', () => {
    expect(parseCli(['webhooks', 'prune'])).toEqual({
      kind: 'webhooks-prune',
      db: '.data/chartmark.sqlite',
      olderThanDays: 30,
    });
    expect(parseCli(['webhooks', 'prune', '--older-than-days', '0'])).toMatchObject({ olderThanDays: 0 });
    expect(parseCli(['webhooks', 'prune', '--older-than-days', '7'])).toMatchObject({ olderThanDays: 7 });
    for (const bad of ['-1', '1.5', 'x', '36501'])
      fails(
        ['webhooks', 'prune', `--older-than-days=${bad}`],
        `--older-than-days: must be an integer from 0 to 36500, got ${JSON.stringify(bad)}`,
      );
    fails(
      ['webhooks', 'list', '--community', C, '--older-than-days', '3'],
      '--older-than-days: not accepted by "webhooks list"',
    );
  });

  it('names unknown commands, stray arguments and unknown flags', () => {
    fails(['launch'], 'command: unknown command "launch"; see --help');
    fails(['keys', 'list'], 'command: unknown command "keys list"; see --help');
    fails(['serve', 'now'], 'command: unexpected argument "now"');
    fails(['serve', '--prot', '1'], "Unknown option '--prot'");
  });
});
