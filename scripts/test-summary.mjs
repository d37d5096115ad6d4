// Counting for `npm test` (scripts/test.mjs), kept pure so that it has its own tests
// (test/unit/scripts/test-summary.test.ts): tests passed, failed and skipped from vitest's and
// Playwright's JSON reports, the summary line, and which skips are allowed.

/**
 * Every test in a vitest JSON report (`--reporter=json`): its full name and outcome. A file that
 * failed without a failing test (an import error, a crash in a hook) counts as one failed entry,
 * so that it cannot vanish from the count; describe blocks never count.
 */
export function vitestTests(report) {
  const out = [];
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      const name = [...(t.ancestorTitles ?? []), t.title].join(' > ');
      out.push({ name, file: file.name, outcome: outcomeOf(t.status) });
    }
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      out.push({ name: `(file) ${file.message || 'failed to run'}`, file: file.name, outcome: 'failed' });
    }
  }
  return out;
}

function outcomeOf(status) {
  if (status === 'passed') return 'passed';
  if (status === 'failed') return 'failed';
  // vitest writes skipped tests as "pending" (skip, skipIf) or "todo"; "disabled" for filtered-out ones.
  return 'skipped';
}

/** Every test in a Playwright JSON report: flaky tests (passed on retry) count as passed. */
export function playwrightTests(report) {
  const out = [];
  const walk = (suite, titles) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const outcome =
          t.status === 'skipped'
            ? 'skipped'
            : t.status === 'expected' || t.status === 'flaky'
              ? 'passed'
              : 'failed';
        out.push({ name: [...here, spec.title].join(' > '), file: spec.file ?? suite.file, outcome });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const s of report.suites ?? []) walk(s, []);
  return out;
}

/** The tests of either kind of report. */
export function testsOf(report) {
  return report.stats && 'expected' in report.stats ? playwrightTests(report) : vitestTests(report);
}

/** Passed, failed and skipped counts of a list of tests. */
export function countTests(tests) {
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const t of tests) c[t.outcome]++;
  return c;
}

/** The summary line: exactly `N passed, N failed, N skipped`. */
export const summaryLine = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

/**
 * Splits skipped tests into allowed and refused ones. An allowance has `pattern` (a regular
 * expression on the full test name), a `reason`, and optionally `unless`: the name of an
 * environment variable whose presence withdraws it (CI sets TEST_DATABASE_URL, so a skipped
 * PostgreSQL suite fails there).
 */
export function judgeSkips(tests, allowances, env) {
  const active = allowances.filter((a) => !(a.unless && env[a.unless]));
  const allowed = [];
  const refused = [];
  for (const t of tests) {
    if (t.outcome !== 'skipped') continue;
    const rule = active.find((a) => new RegExp(a.pattern).test(t.name));
    if (rule) allowed.push({ ...t, reason: rule.reason });
    else refused.push(t);
  }
  return { allowed, refused };
}
