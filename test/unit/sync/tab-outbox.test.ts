import { describe, expect, it } from 'vitest';
import { claimTabOutbox, type TabOutboxEnv } from '../../../src/sync/tab-outbox';

/** Web Locks of one browser: a lock is held until its tab is closed. */
class FakeLocks {
  private readonly held = new Map<string, string>();
  /** The lock requests of the tab being created, tagged so a tab can be closed. */
  tab = '';
  request(name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    const free = !this.held.has(name);
    if (free) this.held.set(name, this.tab);
    return Promise.resolve(callback(free ? ({ name, mode: 'exclusive' } as Lock) : null));
  }
  /** Closing a tab releases its locks. */
  close(tab: string): void {
    for (const [name, owner] of this.held) if (owner === tab) this.held.delete(name);
  }
  holders(): Record<string, string> {
    return Object.fromEntries(this.held);
  }
}

function browser(databases: string[]) {
  const locks = new FakeLocks();
  let next = 0;
  const tab = (id: string, session = new Map<string, string>()): TabOutboxEnv & { session: Storage } => {
    const storage = {
      getItem: (k: string) => session.get(k) ?? null,
      setItem: (k: string, v: string) => void session.set(k, v),
    } as Storage;
    return {
      session: storage,
      locks: {
        request: ((name: string, options: LockOptions, cb: (l: Lock | null) => unknown) => {
          locks.tab = id;
          return locks.request(name, options, cb);
        }) as LockManager['request'],
      },
      databases: async () => databases.map((name) => ({ name })),
      randomId: () => `new${next++}`,
    };
  };
  return { locks, tab };
}

const P = 'chartmark-sync-';

describe('claimTabOutbox', () => {
  it('gives a new tab a new outbox when no other exists, and the same one after a reload', async () => {
    const { locks, tab } = browser([]);
    const session = new Map<string, string>();
    expect(await claimTabOutbox(P, tab('A', session))).toBe(`${P}new0`);
    // The reload closes the page (its locks go) and starts it again with the same sessionStorage.
    locks.close('A');
    expect(await claimTabOutbox(P, tab('A', session))).toBe(`${P}new0`);
    expect(locks.holders()).toEqual({ [`${P}new0:tab`]: 'A' });
  });

  it('adopts the outbox of a closed tab, and never one a live tab holds or another prefix', async () => {
    const { locks, tab } = browser([`${P}live`, 'other-db', `${P}closed`]);
    await claimTabOutbox(P, tab('L', new Map([[`${P}tab`, `${P}live`]])));
    const session = new Map<string, string>();
    expect(await claimTabOutbox(P, tab('B', session))).toBe(`${P}closed`);
    expect(session.get(`${P}tab`)).toBe(`${P}closed`);
    // A third tab finds both taken and starts its own.
    expect(await claimTabOutbox(P, tab('C'))).toBe(`${P}new0`);
    expect(locks.holders()).toEqual({
      [`${P}live:tab`]: 'L',
      [`${P}closed:tab`]: 'B',
      [`${P}new0:tab`]: 'C',
    });
  });

  it('gives a duplicated tab (a copy of the sessionStorage) its own outbox, not the original one', async () => {
    const { tab } = browser([`${P}orig`]);
    const original = new Map<string, string>();
    expect(await claimTabOutbox(P, tab('O', original))).toBe(`${P}orig`);
    const copy = new Map(original);
    expect(await claimTabOutbox(P, tab('D', copy))).toBe(`${P}new0`);
    expect(copy.get(`${P}tab`)).toBe(`${P}new0`);
  });

  it('lets two tabs starting together never adopt the same closed outbox', async () => {
    const { tab } = browser([`${P}closed`]);
    const got = await Promise.all([claimTabOutbox(P, tab('X')), claimTabOutbox(P, tab('Y'))]);
    expect(new Set(got).size).toBe(2);
    expect(got).toContain(`${P}closed`);
  });

  it('without Web Locks keeps one outbox per tab and adopts nothing', async () => {
    const session = new Map<string, string>();
    const env = (): TabOutboxEnv => ({
      session: {
        getItem: (k: string) => session.get(k) ?? null,
        setItem: (k: string, v: string) => void session.set(k, v),
      },
      databases: async () => [{ name: `${P}closed` }],
      randomId: () => 'solo',
    });
    expect(await claimTabOutbox(P, env())).toBe(`${P}solo`);
    expect(await claimTabOutbox(P, { ...env(), randomId: () => 'other' })).toBe(`${P}solo`);
  });
});
