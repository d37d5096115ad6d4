// Which backend a database setting selects, without loading either adapter: a postgres:// URL,
// a `sqlite:` URL, or (as before) a plain SQLite path or ':memory:'.

/** True for a postgres:// or postgresql:// URL (PostgreSQL); anything else is a SQLite path. */
export function isPostgresUrl(value: string | undefined): value is string {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value);
}

/** The database for log lines: a URL without its password. */
export function describeDatabase(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const u = new URL(db);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** A database setting, resolved: which backend, and its path or URL. */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * Resolves a database setting: `postgres://…` / `postgresql://…`, `sqlite:PATH` (also
 * `sqlite://PATH`, `sqlite:///abs/path`, `sqlite::memory:`), or a plain path / ':memory:'.
 */
export function parseDatabase(database: string): DatabaseTarget {
  if (database === '') throw new Error('database: must not be empty');
  if (isPostgresUrl(database)) return { kind: 'postgres', url: database };
  const m = /^sqlite:(?:\/\/)?(.*)$/i.exec(database);
  const path = m ? m[1]! : database;
  if (path === '') throw new Error(`database: ${JSON.stringify(database)} names no SQLite file`);
  return { kind: 'sqlite', path };
}
