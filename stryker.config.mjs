// StrykerJS over the code the tests must guard most (issue 18 item 3). One area at a time keeps a
// run tractable on 2 cores: `MUTATION_AREA=core|sync|schema` (scripts/mutation.mjs sets it) picks
// the files mutated, the unit tests run (vitest.mutation.config.ts reads the same variable), the
// report and the incremental file; without it every area is mutated against every test.
// `npm run test:mutation -- --mutate src/core/geometry.ts` narrows it further from the command line.

/** Files each area mutates. */
export const AREAS = {
  core: ['src/core/geometry.ts', 'src/core/geometry-clip.ts', 'src/core/extent.ts', 'src/core/hit-test.ts'],
  sync: ['src/sync/**/*.ts', '!src/sync/index.ts', '!src/sync/indexeddb-outbox.ts'],
  schema: ['src/schema/**/*.ts', '!src/schema/index.ts'],
};

const area = process.env.MUTATION_AREA;
if (area !== undefined && !(area in AREAS))
  throw new Error(`MUTATION_AREA: must be one of ${Object.keys(AREAS).join(', ')} (got "${area}")`);
const name = area ?? 'all';

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: area ? AREAS[area] : Object.values(AREAS).flat(),
  // Two test runners: each runs one mutant at a time in one worker; on 2 shared cores a second
  // runner overlaps one's vitest start-up with the other's tests.
  concurrency: 2,
  coverageAnalysis: 'perTest',
  // A static mutant (in code that runs once at import: a constant table, a default) is covered by
  // no test in particular, so perTest runs the whole area's suite for it — ~50 s each for sync on
  // 2 busy cores. They are left out of the run (reported as Ignored, outside the score; the
  // README says how many); the tests that read those constants still guard them.
  ignoreStatic: true,
  // A mutant run may take its dry-run time × 1.5 plus this before it counts as a Timeout (which
  // scores as detected): at load 15–20 a run's time swings by seconds, and Stryker's 5 s default
  // turned slow runs into "timeouts" that were neither kills nor loops.
  timeoutMS: 15_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Used with --incremental: only mutants in changed code (or covered by changed tests) run again.
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Points at a missing file on purpose: Stryker's tsconfig rewriting calls the TypeScript JS API,
  // which TypeScript 7 lacks.
  tsconfigFile: '.stryker-no-tsconfig.json',
  ignorePatterns: ['dist', 'test-results', 'reports', '.data', 'playwright-report', 'test/browser', 'test/e2e', 'bench'],
};
