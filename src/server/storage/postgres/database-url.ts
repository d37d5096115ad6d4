// Which adapter a database setting selects, without loading either adapter.

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
