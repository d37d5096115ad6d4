// Mutation testing of one area at a time, incrementally: `node scripts/mutation.mjs core|sync|schema
// [stryker flags…]` (npm run test:mutation:core, …). The area goes to stryker.config.mjs and
// vitest.mutation.config.ts through MUTATION_AREA; results are kept in
// reports/mutation/<area>-incremental.json so that the next run only tests mutants in changed code
// (pass --force to run every mutant again). Report: reports/mutation/<area>.html and .json.
import { spawnSync } from 'node:child_process';
import { AREAS } from '../stryker.config.mjs';

const [area, ...rest] = process.argv.slice(2);
if (!area || !(area in AREAS)) {
  console.error(`usage: node scripts/mutation.mjs <${Object.keys(AREAS).join('|')}> [stryker flags]`);
  process.exit(2);
}
const result = spawnSync('npx', ['stryker', 'run', '--incremental', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, MUTATION_AREA: area },
});
process.exit(result.status ?? 1);
