// The SQL port (../sql.ts) over one better-sqlite3 connection: `$n` parameters become positional
// `?`s, statements are prepared once per text, and sessions take turns through the storage's
// lock, so a session's statements (and a transaction it opens) never interleave with another
// caller's.
import type Database from 'better-sqlite3';
import type { SqlClient, SqlSession } from '../sql';

/** A `$n` statement as SQLite runs it: `?` placeholders and which parameter goes in each. */
interface Numbered {
  readonly text: string;
  readonly order: readonly number[];
}

const PARAM = /\$(\d+)/g;

/** Rewrites `$n` placeholders (which may repeat) into positional `?`s. */
export function positional(sql: string): Numbered {
  const order: number[] = [];
  const text = sql.replace(PARAM, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text, order };
}

/** A client whose sessions run on `db`, each inside `lock` (the storage's one-at-a-time chain). */
export function sqliteSqlClient(
  db: Database.Database,
  lock: <R>(fn: () => Promise<R>) => Promise<R>,
): SqlClient {
  const prepared = new Map<string, { stmt: Database.Statement; order: readonly number[] }>();
  const statement = (sql: string) => {
    let p = prepared.get(sql);
    if (!p) {
      const { text, order } = positional(sql);
      p = { stmt: db.prepare(text), order };
      prepared.set(sql, p);
    }
    return p;
  };
  const session: SqlSession = {
    async query(sql, params = []) {
      const { stmt, order } = statement(sql);
      const args = order.map((i) => params[i]);
      if (stmt.reader) return { rows: stmt.all(...args) as Record<string, unknown>[], changed: 0 };
      return { rows: [], changed: stmt.run(...args).changes };
    },
    async exec(sql) {
      db.exec(sql);
    },
  };
  return {
    dialect: 'sqlite',
    withSession: (fn) => lock(() => fn(session)),
    // The connection belongs to the storage, which closes it.
    end: async () => {},
  };
}
