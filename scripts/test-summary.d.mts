/** One test from a runner's JSON report. */
export interface TestOutcome {
  readonly name: string;
  readonly file?: string;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  /** The first lines of a failed test's message, colours removed. */
  readonly message?: string;
}
/** An allowed skip: a pattern on the full test name, why, and the variable whose presence withdraws it. */
export interface SkipAllowance {
  readonly pattern: string;
  readonly reason: string;
  readonly unless?: string;
}
/** Passed, failed and skipped counts. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}
/** Every test in a vitest JSON report; a file that failed without a failing test counts once. */
export function vitestTests(report: unknown): TestOutcome[];
/** Every test in a Playwright JSON report; flaky counts as passed. */
export function playwrightTests(report: unknown): TestOutcome[];
/** One `FAILED: name (file)` entry per failed test, its message indented below. */
export function failureLines(tests: readonly TestOutcome[]): string[];
/** The tests of either kind of report. */
export function testsOf(report: unknown): TestOutcome[];
/** Passed, failed and skipped counts of a list of tests. */
export function countTests(tests: readonly TestOutcome[]): TestCounts;
/** `N passed, N failed, N skipped`. */
export function summaryLine(counts: TestCounts): string;
/** Splits skipped tests into allowed and refused ones. */
export function judgeSkips(
  tests: readonly TestOutcome[],
  allowances: readonly SkipAllowance[],
  env: Readonly<Record<string, string | undefined>>,
): { allowed: (TestOutcome & { reason: string })[]; refused: TestOutcome[] };
