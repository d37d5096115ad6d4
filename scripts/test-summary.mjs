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
      const outcome = outcomeOf(t.status);
      const entry = { name, file: file.name, outcome };
      if (outcome === 'failed') entry.message = firstLines(t.failureMessages?.[0]);
      out.push(entry);
    }
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      const message = firstLines(file.message);
      out.push({
        name: `(file) ${file.message || 'failed to run'}`,
        file: file.name,
        outcome: 'failed',
        message,
      });
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
  const walk = (suite, titles, parentFile) => {
    const suiteFile = suite.file ?? parentFile;
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const outcome =
          t.status === 'skipped'
            ? 'skipped'
            : t.status === 'expected' || t.status === 'flaky'
              ? 'passed'
              : 'failed';
        const entry = { name: [...here, spec.title].join(' > '), file: spec.file ?? suiteFile, outcome };
        if (outcome === 'failed') {
          const last = t.results?.[t.results.length - 1];
          entry.message = firstLines(last?.error?.message ?? last?.errors?.[0]?.message);
        }
        out.push(entry);
      }
    }
    for (const child of suite.suites ?? []) walk(child, here, suiteFile);
  };
  for (const s of report.suites ?? []) walk(s, []);
  return out;
}

// CI shows only the tail of its log, so the summary repeats why each test failed: the first lines
// of the message, without the terminal colours the runners put in it.
const MESSAGE_LINES = 6;
const NO_MESSAGE = 'no message in the report';
function firstLines(text) {
  if (!text) return NO_MESSAGE;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are what is removed.
  const plain = String(text).replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, MESSAGE_LINES)
    .join('\n');
}

/** One line per failed test, with where it lives and the start of its message, for the end of the log. */
export function failureLines(tests) {
  return tests
    .filter((t) => t.outcome === 'failed')
    .map((t) => `FAILED: ${t.name} (${t.file ?? 'file unknown'})\n${indent(t.message ?? NO_MESSAGE)}`);
}
const indent = (text) => text.replace(/^/gm, '    ');

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
