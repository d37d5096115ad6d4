// The SSRF rule: which addresses are refused, and the worker refusing to send to them (with an
// injected resolver, so no test needs DNS) unless allowPrivateAddresses is set.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import {
  checkWebhookUrlLiteral,
  type HostLookup,
  nonPublicKind,
  screenWebhookUrl,
} from '../../../../src/server/webhooks/address-guard';
import { addWebhook } from '../../../../src/server/webhooks/endpoints';
import { startWebhookWorker, type WebhookWorker } from '../../../../src/server/webhooks/worker';
import { COMMUNITY, openTestStorage, writeEvent } from './outbox-db';

const T0 = Date.UTC(2026, 0, 9, 13, 45, 46);
const refusal = (shown: string) =>
  `url: host resolves to ${shown} address; set CHARTMARK_WEBHOOK_ALLOW_PRIVATE=1 to allow`;
const resolvesTo =
  (...addresses: string[]): HostLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('nonPublicKind', () => {
  it('names the range of every refused address and passes public ones', () => {
    const cases: [string, string | null][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['10.0.0.5', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['172.32.0.1', null],
      ['192.168.1.20', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['100.127.255.255', 'carrier-grade NAT'],
      ['100.128.0.1', null],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.251', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['93.184.216.34', null],
      ['8.8.8.8', null],
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:10.1.2.3', 'private'],
      ['::ffff:169.254.169.254', 'link-local'],
      ['::ffff:8.8.8.8', null],
      ['64:ff9b::192.168.0.1', 'private'],
      ['fc00::1', 'private'],
      ['fd12:3456::1', 'private'],
      ['fe80::1%eth0', 'link-local'],
      ['febf::1', 'link-local'],
      ['ff02::1', 'multicast'],
      ['2606:2800:220:1:248:1893:25c8:1946', null],
      ['hooks.example', null],
    ];
    expect(cases.map(([ip]) => [ip, nonPublicKind(ip)])).toEqual(cases);
  });

  it('an IPv4-mapped IPv6 address is judged as its IPv4 address, in dotted and hex form', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(nonPublicKind(`::ffff:${ip}`)).toBe(nonPublicKind(ip));
        expect(nonPublicKind(hex)).toBe(nonPublicKind(ip));
      }),
    );
  });
});

describe('checkWebhookUrlLiteral and screenWebhookUrl', () => {
  it('refuses IP literals at add time and lets names through', () => {
    expect(() => checkWebhookUrlLiteral('http://10.0.0.5:8080/x')).toThrow(refusal('10.0.0.5, a private'));
    expect(() => checkWebhookUrlLiteral('http://[fe80::1]/x')).toThrow(refusal('fe80::1, a link-local'));
    expect(() => checkWebhookUrlLiteral('https://hooks.example/x')).not.toThrow();
    expect(() => checkWebhookUrlLiteral('https://93.184.216.34/x')).not.toThrow();
  });

  it('refuses a name when any of its addresses is not public; names the unresolvable host', async () => {
    const url = 'https://hooks.example/x';
    expect(await screenWebhookUrl(url, resolvesTo('93.184.216.34'))).toBeNull();
    expect(await screenWebhookUrl(url, resolvesTo('93.184.216.34', '10.0.0.5'))).toBe(
      refusal('10.0.0.5, a private'),
    );
    const missing: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example'), { code: 'ENOTFOUND' });
    };
    expect(await screenWebhookUrl(url, missing)).toBe('url: cannot resolve hooks.example: ENOTFOUND');
    expect(await screenWebhookUrl(url, resolvesTo())).toBe('url: cannot resolve hooks.example: no addresses');
  });
});

describe('the worker with the address rule', () => {
  let storage: SqliteStorage;
  let worker: WebhookWorker | undefined;
  let fetched: string[];
  let clock: number;
  beforeEach(() => {
    storage = openTestStorage();
    fetched = [];
    clock = T0;
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    await storage.close();
  });
  const fakeFetch: typeof fetch = async (url) => {
    fetched.push(String(url));
    return new Response(null, { status: 200 });
  };
  const start = (
    lookup: HostLookup,
    extra: { allowPrivateAddresses?: boolean; maxAgeMs?: number; logger?: (line: string) => void } = {},
  ) => {
    worker = startWebhookWorker({
      storage,
      now: () => clock,
      intervalMs: 0,
      random: () => 0.5,
      fetch: fakeFetch,
      lookup,
      ...extra,
    });
    return worker;
  };

  it('by default refuses 127.0.0.1, 10.x, 192.168.x, ::1, ::ffff:127.0.0.1 and 169.254.169.254, logging each', async () => {
    const targets: [string, string][] = [
      ['127.0.0.1', '127.0.0.1, a loopback'],
      ['10.20.30.40', '10.20.30.40, a private'],
      ['192.168.0.10', '192.168.0.10, a private'],
      ['::1', '::1, a loopback'],
      ['::ffff:127.0.0.1', '::ffff:127.0.0.1, a loopback'],
      ['169.254.169.254', '169.254.169.254, a link-local'],
    ];
    for (const [address, shown] of targets) {
      const { id } = await addWebhook(storage, {
        communityId: COMMUNITY,
        url: 'https://hooks.example/in',
        now: T0,
      });
      await writeEvent(storage, { analysisId: 'a', event: 'create_analysis', at: clock });
      const lines: string[] = [];
      const w = start(resolvesTo(address), { logger: (l) => lines.push(l) });
      expect(await w.drain()).toEqual({ attempted: 1, delivered: 0 });
      expect((await w.queue.log(id)).map((l) => [l.attempt, l.statusCode, l.error])).toEqual([
        [1, null, refusal(shown)],
      ]);
      expect(lines).toEqual([expect.stringMatching(/ attempt 1 failed: url: host resolves to /)]);
      expect(await w.pending()).toBe(1);
      await w.stop();
      worker = undefined;
      storage.db.prepare('UPDATE webhook_endpoints SET disabled_at = ? WHERE id = ?').run(T0, id);
    }
    expect(fetched).toEqual([]);
  });

  it('a refused send is retried and given up like any failure; allowPrivateAddresses sends', async () => {
    const { id } = await addWebhook(storage, {
      communityId: COMMUNITY,
      url: 'http://10.0.0.5:9000/in',
      now: T0,
    });
    await writeEvent(storage, { analysisId: 'a', event: 'create_analysis', at: T0 });
    const lookupCalls: string[] = [];
    const spy: HostLookup = async (host) => {
      lookupCalls.push(host);
      return [];
    };
    const w = start(spy, { maxAgeMs: 2_000 });
    for (const step of [0, 1000, 2999, 3000, 60_000]) {
      clock = T0 + step;
      await w.drain();
    }
    // Attempts at 0, 1 and 3 s (the last more than 2 s after the first: given up); none sent.
    expect((await w.queue.log(id)).map((l) => [l.attempt, l.at - T0])).toEqual([
      [1, 0],
      [2, 1000],
      [3, 3000],
    ]);
    expect(await w.queue.counts(id)).toEqual({ pending: 0, delivered: 0, givenUp: 1 });
    expect(fetched).toEqual([]);
    // An IP literal is judged without asking the resolver.
    expect(lookupCalls).toEqual([]);
    await w.stop();

    await writeEvent(storage, { analysisId: 'b', event: 'create_analysis', at: clock });
    const open = start(spy, { allowPrivateAddresses: true });
    expect(await open.drain()).toEqual({ attempted: 1, delivered: 1 });
    expect(fetched).toEqual(['http://10.0.0.5:9000/in']);
  });
});
