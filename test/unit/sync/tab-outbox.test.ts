import { afterEach, describe, expect, it, vi } from 'vitest';
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

/**
 * Web Locks as the browser runs them (https://w3c.github.io/web-locks/): a granted lock is held
 * until the promise its callback returns settles (or the callback throws); `ifAvailable` gets
 * `null` at once when the lock is taken, without it the request waits for the release.
 */
class WebLocks {
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();
  readonly options: LockOptions[] = [];
  isHeld(name: string): boolean {
    return this.held.has(name);
  }
  take(name: string): void {
    this.held.add(name);
  }
  request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    this.options.push(options);
    if (this.held.has(name) && options.ifAvailable) return Promise.resolve().then(() => callback(null));
    const granted = this.held.has(name)
      ? new Promise<void>((go) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), go]))
      : Promise.resolve();
    return granted.then(() => {
      this.held.add(name);
      const run = Promise.resolve().then(() => callback({ name, mode: 'exclusive' } as Lock));
      const release = () => {
        this.held.delete(name);
        this.waiting.get(name)?.shift()?.();
      };
      run.then(release, release);
      return run;
    });
  }
}

function envOf(locks: WebLocks, databases: () => Promise<readonly { name?: string }[]>, ids: string[]) {
  const session = new Map<string, string>();
  const env: TabOutboxEnv = {
    session: {
      getItem: (k: string) => session.get(k) ?? null,
      setItem: (k: string, v: string) => void session.set(k, v),
    },
    locks: locks as unknown as LockManager,
    databases,
    randomId: () => ids.shift() ?? 'ran-out',
  };
  return { env, session };
}

/** Lets the lock callbacks' promise chains run. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('claimTabOutbox with Web Locks as the browser runs them', () => {
  it('holds the lock for the page life without a signal, and asks with ifAvailable so it never waits', async () => {
    const locks = new WebLocks();
    const { env } = envOf(locks, async () => [], ['a']);
    expect(await claimTabOutbox(P, env)).toBe(`${P}a`);
    await settle();
    expect(locks.isHeld(`${P}a:tab`)).toBe(true);
    expect(locks.options.every((o) => o.ifAvailable === true)).toBe(true);
  });

  it('releases the lock when the signal aborts, so another tab can adopt the outbox', async () => {
    const locks = new WebLocks();
    const embed = new AbortController();
    const first = envOf(locks, async () => [], ['a']);
    expect(await claimTabOutbox(P, first.env, embed.signal)).toBe(`${P}a`);
    await settle();
    expect(locks.isHeld(`${P}a:tab`)).toBe(true);
    embed.abort();
    await settle();
    expect(locks.isHeld(`${P}a:tab`)).toBe(false);
    const second = envOf(locks, async () => [{ name: `${P}a` }], ['b']);
    expect(await claimTabOutbox(P, second.env)).toBe(`${P}a`);
  });

  it('an already aborted signal claims a name but leaves its lock free', async () => {
    const locks = new WebLocks();
    const gone = AbortSignal.abort();
    const { env } = envOf(locks, async () => [], ['a']);
    expect(await claimTabOutbox(P, env, gone)).toBe(`${P}a`);
    await settle();
    expect(locks.isHeld(`${P}a:tab`)).toBe(false);
  });

  it('a live tab waits on nothing: a taken lock means the next candidate, never a hang', async () => {
    const locks = new WebLocks();
    locks.take(`${P}live:tab`);
    const { env, session } = envOf(locks, async () => [{ name: `${P}live` }], ['a']);
    session.set(`${P}tab`, `${P}live`);
    expect(await claimTabOutbox(P, env)).toBe(`${P}a`);
    expect(session.get(`${P}tab`)).toBe(`${P}a`);
  });

  it('when the lock request fails (insecure context) adopts nothing another tab may be using', async () => {
    const failing = {
      request: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    } as unknown as LockManager;
    const session = new Map<string, string>();
    const name = await claimTabOutbox(P, {
      session: { getItem: (k) => session.get(k) ?? null, setItem: (k, v) => void session.set(k, v) },
      locks: failing,
      databases: async () => [{ name: `${P}maybe-live` }],
      randomId: () => 'x',
    });
    expect(name).toBe(`${P}x`);
    expect(session.get(`${P}tab`)).toBe(`${P}x`);
  });

  it('a failing database list or a nameless database still yields an outbox', async () => {
    const locks = new WebLocks();
    const broken = envOf(locks, () => Promise.reject(new Error('blocked')), ['a']);
    expect(await claimTabOutbox(P, broken.env)).toBe(`${P}a`);
    const nameless = envOf(locks, async () => [{}, { name: `${P}closed` }], ['b']);
    expect(await claimTabOutbox(P, nameless.env)).toBe(`${P}closed`);
  });

  it('draws a new id when a drawn one is taken, and stops after five draws', async () => {
    const locks = new WebLocks();
    locks.take(`${P}a:tab`);
    const clash = envOf(locks, async () => [], ['a', 'b']);
    expect(await claimTabOutbox(P, clash.env)).toBe(`${P}b`);
    const ids = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    for (const id of ids) locks.take(`${P}${id}:tab`);
    const stuck = envOf(locks, async () => [], [...ids, 'free']);
    expect(await claimTabOutbox(P, stuck.env)).toBe(`${P}c4`);
  });
});

describe('claimTabOutbox with the browser globals', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function sessionStorageStub() {
    const map = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    });
    return map;
  }

  it('uses sessionStorage, navigator.locks and indexedDB.databases of the page', async () => {
    const session = sessionStorageStub();
    vi.stubGlobal('navigator', { locks: new WebLocks() });
    vi.stubGlobal('indexedDB', { databases: async () => [{ name: `${P}closed` }] });
    expect(await claimTabOutbox(P)).toBe(`${P}closed`);
    expect(session.get(`${P}tab`)).toBe(`${P}closed`);
  });

  it('without navigator or indexedDB (Node, old browsers) still gives each tab a random outbox', async () => {
    const session = sessionStorageStub();
    expect(typeof navigator).toBe('undefined');
    expect(typeof indexedDB).toBe('undefined');
    const name = await claimTabOutbox(P);
    expect(name).toMatch(/^chartmark-sync-[0-9a-z]{1,8}$/);
    expect(session.get(`${P}tab`)).toBe(name);
    vi.stubGlobal('navigator', {});
    const other = sessionStorageStub();
    const second = await claimTabOutbox(P);
    expect(second).toMatch(/^chartmark-sync-[0-9a-z]{1,8}$/);
    expect(second).not.toBe(name);
    expect(other.get(`${P}tab`)).toBe(second);
  });
});
