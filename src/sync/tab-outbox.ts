// Which outbox a browser tab uses. Each tab keeps its own (two tabs on one analysis must not
// overwrite each other's pending edits), named by an id kept in sessionStorage so that a reload
// finds it again. A tab closed with unsent edits leaves its outbox behind: the next tab that
// starts adopts it, and its engine sends what is pending there when it opens that analysis.
// A Web Lock held for a tab's whole life tells a live tab's outbox from an abandoned one; a
// duplicated tab (whose sessionStorage is a copy) finds the lock taken and starts its own.

/** The browser facilities claimTabOutbox uses; absent ones disable adoption, never the outbox. */
export interface TabOutboxEnv {
  /** Per-tab storage (sessionStorage). */
  readonly session: Pick<Storage, 'getItem' | 'setItem'>;
  /** Web Locks (navigator.locks); missing in old browsers and insecure contexts. */
  readonly locks?: Pick<LockManager, 'request'>;
  /** Names of this origin's IndexedDB databases (indexedDB.databases). */
  readonly databases?: () => Promise<readonly { readonly name?: string }[]>;
  /** A fresh random id. */
  readonly randomId?: () => string;
}

function browserEnv(): TabOutboxEnv {
  const idb = typeof indexedDB === 'undefined' ? undefined : indexedDB;
  return {
    session: sessionStorage,
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : undefined,
    databases: idb?.databases ? () => idb.databases() : undefined,
  };
}

const randomId = (): string => Math.random().toString(36).slice(2, 10);

/**
 * Takes the lock named `name` until `signal` aborts (without one, for the rest of the page's
 * life); false when another tab holds it.
 */
function hold(locks: Pick<LockManager, 'request'>, name: string, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        if (lock === null) return undefined;
        // Settles only on abort: otherwise the browser releases the lock when the page goes away.
        return new Promise<void>((release) => {
          if (signal?.aborted) release();
          else {
            // Stryker disable next-line ObjectLiteral,BooleanLiteral: an AbortSignal fires 'abort' at most once
            signal?.addEventListener('abort', () => release(), { once: true });
          }
        });
      })
      .catch(() => resolve(false));
  });
}

/**
 * The outbox name (`prefix` + id) this tab should use: its own after a reload, else one a closed
 * tab left behind, else a new one. Pass the name to `indexedDbOutbox`. The claim lasts until
 * `signal` aborts (an embed that is destroyed), else for the page's life.
 */
export async function claimTabOutbox(
  prefix: string,
  env: TabOutboxEnv = browserEnv(),
  signal?: AbortSignal,
): Promise<string> {
  const key = `${prefix}tab`;
  const lockOf = (name: string) => `${name}:tab`;
  const { session, locks } = env;
  const take = (name: string): string => {
    session.setItem(key, name);
    return name;
  };
  const stored = session.getItem(key);
  if (!locks) return stored ?? take(prefix + (env.randomId ?? randomId)());
  if (stored && (await hold(locks, lockOf(stored), signal))) return stored;
  // Stryker disable next-line ArrayDeclaration: a non-object entry has no name and is skipped like none
  const names = env.databases ? await env.databases().catch(() => []) : [];
  for (const { name } of names) {
    if (!name?.startsWith(prefix) || name === stored) continue;
    if (await hold(locks, lockOf(name), signal)) return take(name);
  }
  // A random id is free but for a one-in-billions clash; a few draws settle even that.
  let fresh = prefix + (env.randomId ?? randomId)();
  for (let i = 0; i < 4 && !(await hold(locks, lockOf(fresh), signal)); i++)
    fresh = prefix + (env.randomId ?? randomId)();
  return take(fresh);
}
