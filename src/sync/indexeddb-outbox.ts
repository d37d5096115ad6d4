// The outbox in IndexedDB, one object store of records by key. Writes are issued in call order on
// one store, and IndexedDB runs overlapping read-write transactions in the order they were made,
// so a later write never lands before an earlier one.
import { memoryOutbox, type OutboxRecord, type OutboxStore, storageOutbox } from './outbox';
import { decodeOutboxRecord } from './outbox-version';

const STORE = 'outbox';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

// Opened at whatever version the database has (version 1 when it is new): a newer build that
// upgraded it must not make this one fail to open and fall back to a second, separate outbox.
function openDb(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
  };
  return request(open);
}

/**
 * An outbox in the IndexedDB database `name`; where IndexedDB is missing (or refuses to open, as in
 * some private modes) it falls back to localStorage, and without that to memory. The connection
 * opens on first use and is given up when another page upgrades the database or on `close()`.
 */
export function indexedDbOutbox(name: string): OutboxStore {
  if (typeof indexedDB === 'undefined') {
    return typeof localStorage !== 'undefined' ? storageOutbox(localStorage, `${name}:`) : memoryOutbox();
  }
  let fallback: OutboxStore | null = null;
  let conn: Promise<IDBDatabase | null> | null = null;
  // The last operation issued: close() waits for it, so no write is cut off.
  let last: Promise<unknown> = Promise.resolve();
  const db = (): Promise<IDBDatabase | null> => {
    conn ??= openDb(name).then(
      (d) => {
        // A newer version opened elsewhere would wait for this connection forever.
        d.onversionchange = () => {
          d.close();
          conn = null;
        };
        return d;
      },
      () => {
        fallback =
          typeof localStorage !== 'undefined' ? storageOutbox(localStorage, `${name}:`) : memoryOutbox();
        return null;
      },
    );
    return conn;
  };
  const issue = <T>(op: Promise<T>): Promise<T> => {
    last = op.catch(() => {});
    return op;
  };
  async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const d = await db();
    if (!d) throw new Error('indexedDbOutbox: no database');
    const t = d.transaction(STORE, mode);
    const result = request(run(t.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error ?? new Error('indexedDbOutbox: transaction aborted'));
    });
    return result;
  }
  return {
    read(key) {
      return issue(
        db().then(async () => {
          if (fallback) return fallback.read(key);
          const raw: unknown = await tx('readonly', (s) => s.get(key));
          return raw === undefined ? undefined : decodeOutboxRecord(raw, `outbox ${key}`);
        }),
      );
    },
    write(key, record) {
      // Copy now: the caller keeps mutating its objects after this returns.
      const copy = JSON.parse(JSON.stringify(record)) as OutboxRecord;
      return issue(
        db().then(() =>
          fallback ? fallback.write(key, copy) : tx('readwrite', (s) => s.put(copy, key)).then(() => {}),
        ),
      );
    },
    remove(key) {
      return issue(
        db().then(() =>
          fallback ? fallback.remove(key) : tx('readwrite', (s) => s.delete(key)).then(() => {}),
        ),
      );
    },
    keys() {
      return issue(
        db().then(async () => {
          if (fallback) return fallback.keys();
          return ((await tx('readonly', (s) => s.getAllKeys())) as IDBValidKey[]).map(String);
        }),
      );
    },
    async close() {
      // Operations issued while waiting are waited for too.
      for (let seen = null as unknown; seen !== last; ) {
        seen = last;
        await seen;
      }
      const open = conn;
      conn = null;
      (await open)?.close();
    },
  };
}
