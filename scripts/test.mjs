// `npm test`: every check in order — types, layers, lint, unit, browser, e2e, consumer — then one
// summary line with the number of tests that passed, failed and were skipped across all suites.
// A skipped test fails the run unless test/allowed-skips.json allows it (with a reason); the
// counting lives in test-summary.mjs, which has its own tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './find-chromium.mjs';
import { countTests, judgeSkips, summaryLine, testsOf } from './test-summary.mjs';

const OUT = 'test-results/summary';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'layers', cmd: ['node', 'scripts/check-layers.mjs'] },
  { name: 'lint', cmd: [bin('biome'), 'check', '.'] },
  { name: 'openapi', cmd: ['node', 'scripts/lint-openapi.mjs'] },
  {
    name: 'unit',
    cmd: [
      bin('vitest'),
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/unit.json`,
    ],
    report: `${OUT}/unit.json`,
  },
  {
    name: 'browser',
    chromium: true,
    cmd: [
      bin('vitest'),
      'run',
      '--project',
      'browser',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/browser.json`,
    ],
    report: `${OUT}/browser.json`,
  },
  {
    name: 'e2e',
    chromium: true,
    cmd: [bin('playwright'), 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/e2e.json` },
    report: `${OUT}/e2e.json`,
  },
  {
    // The packed package in a blank Vite app and a blank Node project (npm registry, cached).
    name: 'consumer',
    chromium: true,
    cmd: ['node', 'test/consumer/run.mjs'],
    report: `${OUT}/consumer.json`,
  },
];

function testsOfStep(step) {
  if (!step.report || !existsSync(step.report)) return [];
  return testsOf(JSON.parse(readFileSync(step.report, 'utf8')));
}

const allowances = JSON.parse(readFileSync('test/allowed-skips.json', 'utf8'));
let chromium;
const tests = [];
const failedSteps = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  if (step.chromium && !chromium) chromium = ensureChromium();
  const env = { ...process.env, ...(step.env ?? {}), ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env });
  const found = testsOfStep(step);
  tests.push(...found);
  // A runner that exits 0 without writing its report counted nothing: that is a failure too.
  if (r.status !== 0 || (step.report && !existsSync(step.report))) failedSteps.push(step.name);
}
const { allowed, refused } = judgeSkips(tests, allowances, process.env);
for (const t of allowed) console.log(`skipped (allowed: ${t.reason}): ${t.name}`);
for (const t of refused) console.log(`skipped, NOT allowed (test/allowed-skips.json): ${t.name}`);
if (refused.length) failedSteps.push(`skips (${refused.length} not allowed)`);
console.log(`\nsteps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(summaryLine(countTests(tests)));
process.exit(failedSteps.length ? 1 : 0);
