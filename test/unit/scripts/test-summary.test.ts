// `npm test`'s counting, checked on reports written by vitest itself (a small suite run here in a
// child process) and on a Playwright report in its documented shape.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countTests,
  failureLines,
  judgeSkips,
  playwrightTests,
  summaryLine,
  testsOf,
  vitestTests,
} from '../../../scripts/test-summary.mjs';

// Inside the repository so that the suite's `import 'vitest'` resolves.
mkdirSync('test-results', { recursive: true });
const dir = mkdtempSync(join('test-results', 'summary-fixture-'));

/** One failing test two describes deep, two passing, one skipped, one todo, and a file that cannot load. */
const SUITE = `import { describe, expect, it } from 'vitest';
describe('outer', () => {
  describe('inner', () => {
    it('fails', () => expect(1).toBe(2));
    it('passes', () => expect(1).toBe(1));
  });
  it.skip('is skipped', () => {});
});
it('passes at the top', () => {});
it.todo('is to do');
`;

let report: unknown;
beforeAll(() => {
  writeFileSync(join(dir, 'sample.test.ts'), SUITE);
  writeFileSync(join(dir, 'broken.test.ts'), "import './missing-module';\n");
  writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
  const r = spawnSync(
    join(process.cwd(), 'node_modules/.bin/vitest'),
    ['run', '--reporter=json', '--outputFile=report.json'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(1);
  report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('test summary from a real vitest report', () => {
  it('counts one failing test in two describes as 1 failed, plus 1 for the file that could not load', () => {
    const tests = vitestTests(report);
    expect(countTests(tests)).toEqual({ passed: 2, failed: 2, skipped: 2 });
    expect(tests.filter((t) => t.outcome === 'failed').map((t) => t.name)).toEqual(
      expect.arrayContaining(['outer > inner > fails', expect.stringMatching(/^\(file\) /)]),
    );
  });

  it('names skipped and todo tests with their describes', () => {
    expect(
      vitestTests(report)
        .filter((t) => t.outcome === 'skipped')
        .map((t) => t.name)
        .sort(),
    ).toEqual(['is to do', 'outer > is skipped']);
  });

  it('repeats each failure with its file and the assertion vitest wrote, colours removed', () => {
    const lines = failureLines(vitestTests(report));
    expect(lines).toHaveLength(2);
    const failing = lines.find((l) => l.startsWith('FAILED: outer > inner > fails ('));
    expect(failing).toMatch(/sample\.test\.ts\)\n {4}AssertionError: expected 1 to be 2/);
    expect(failing?.includes('\u001b')).toBe(false);
    expect(lines.find((l) => l.startsWith('FAILED: (file) '))).toMatch(
      /broken\.test\.ts\)\n {4}.*missing-module/,
    );
  });

  it('prints exactly `N passed, N failed, N skipped`', () => {
    expect(summaryLine(countTests(testsOf(report)))).toBe('2 passed, 2 failed, 2 skipped');
  });
});

/** A Playwright JSON report (reporter `json`) in its documented shape: nested suites, specs, tests. */
const PLAYWRIGHT = {
  stats: { expected: 2, unexpected: 1, flaky: 1, skipped: 1 },
  suites: [
    {
      title: 'editor.spec.ts',
      file: 'editor.spec.ts',
      specs: [{ title: 'draws a line', file: 'editor.spec.ts', tests: [{ status: 'expected' }] }],
      suites: [
        {
          title: 'sync',
          specs: [
            { title: 'saves', tests: [{ status: 'flaky' }] },
            {
              title: 'reloads',
              tests: [
                {
                  status: 'unexpected',
                  results: [
                    { status: 'failed', error: { message: 'first try' } },
                    {
                      status: 'failed',
                      error: {
                        message:
                          '\u001b[31mError: expect(locator).toBeVisible() failed\u001b[39m\n\nLocator: x',
                      },
                    },
                  ],
                },
              ],
            },
            { title: 'later', tests: [{ status: 'skipped' }] },
            { title: 'again', tests: [{ status: 'expected' }] },
          ],
        },
      ],
    },
  ],
};

describe('test summary from a Playwright report', () => {
  it('counts flaky as passed, unexpected as failed, skipped as skipped, with suite titles in the name', () => {
    const tests = playwrightTests(PLAYWRIGHT);
    expect(countTests(tests)).toEqual({ passed: 3, failed: 1, skipped: 1 });
    expect(testsOf(PLAYWRIGHT)).toEqual(tests);
    expect(tests.find((t) => t.outcome === 'skipped')?.name).toBe('editor.spec.ts > sync > later');
  });

  it("repeats a failure with the last retry's error, colours removed", () => {
    expect(failureLines(playwrightTests(PLAYWRIGHT))).toEqual([
      'FAILED: editor.spec.ts > sync > reloads (editor.spec.ts)\n    Error: expect(locator).toBeVisible() failed\n    Locator: x',
    ]);
  });
});

describe('skips', () => {
  const tests = [
    { name: 'storage contract on postgres > lists', outcome: 'skipped' as const },
    { name: 'copies of the shared examples > are byte-identical', outcome: 'skipped' as const },
    { name: 'editor > draws', outcome: 'skipped' as const },
    { name: 'editor > moves', outcome: 'passed' as const },
  ];
  const allowances = [
    { pattern: ' on postgres( > |$)', unless: 'TEST_DATABASE_URL', reason: 'needs PostgreSQL' },
    { pattern: '^copies of the shared examples', reason: 'needs ../shared' },
  ];

  it('refuses a skip no allowance names', () => {
    const { allowed, refused } = judgeSkips(tests, allowances, {});
    expect(refused.map((t) => t.name)).toEqual(['editor > draws']);
    expect(allowed.map((t) => t.reason)).toEqual(['needs PostgreSQL', 'needs ../shared']);
  });

  it('withdraws an allowance when its `unless` variable is set (CI with PostgreSQL)', () => {
    const { refused } = judgeSkips(tests, allowances, { TEST_DATABASE_URL: 'postgres://x' });
    expect(refused.map((t) => t.name)).toEqual(['storage contract on postgres > lists', 'editor > draws']);
  });

  it('the real list allows the PostgreSQL suites to skip only while TEST_DATABASE_URL is unset', () => {
    const list = JSON.parse(readFileSync('test/allowed-skips.json', 'utf8'));
    const pg = [
      'storage contract on postgres > lists',
      'CLI commands on PostgreSQL > migrate',
      'openStorage > on the real PostgreSQL (TEST_DATABASE_URL) > opens',
    ].map((name) => ({ name, outcome: 'skipped' as const }));
    const other = [{ name: 'storage contract on pglite > lists', outcome: 'skipped' as const }];
    expect(judgeSkips([...pg, ...other], list, {}).refused).toEqual(other);
    expect(judgeSkips([...pg, ...other], list, { TEST_DATABASE_URL: 'postgres://x' }).refused).toEqual([
      ...pg,
      ...other,
    ]);
  });

  it('every allowance in test/allowed-skips.json has a pattern that compiles and a reason', () => {
    const list = JSON.parse(readFileSync('test/allowed-skips.json', 'utf8')) as {
      pattern: string;
      reason: string;
    }[];
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) {
      expect(() => new RegExp(a.pattern)).not.toThrow();
      expect(a.reason.length).toBeGreaterThan(10);
    }
  });
});
