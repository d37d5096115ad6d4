// Moved to storage/database-url.ts (driver-free); kept for existing imports.
export { describeDatabase, isPostgresUrl } from '../database-url';
