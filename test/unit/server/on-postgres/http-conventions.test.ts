// ../http-conventions.test.ts, unchanged, with its harness on PostgreSQL (TEST_DATABASE_URL, else PGlite): see pg-harness.ts.
import { afterAll, beforeAll, vi } from 'vitest';
import { coolDown, warmUp } from './pg-harness';

vi.mock('../harness', async () => {
  const actual = await vi.importActual<typeof import('../harness')>('../harness');
  const { pgHarness } = await import('./pg-harness');
  return { ...actual, harness: pgHarness(actual) };
});

beforeAll(warmUp, 60_000);
afterAll(coolDown);

await import('../http-conventions.test');
