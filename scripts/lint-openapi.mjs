// `npm run lint:openapi`: writes the served OpenAPI document and lints it with redocly's
// `recommended` rules and spectral's `spectral:oas` (.spectral.yaml); any error or warning fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const out = join(root, 'dist', 'openapi.json');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });

let failed = 0;
const made = run(bin('tsx'), ['scripts/openapi.ts', out]);
if (made.status !== 0) {
  console.error(made.stdout + made.stderr);
  process.exit(1);
}
const redocly = run(bin('redocly'), ['lint', '--extends', 'recommended', '--format', 'stylish', out]);
const redoclyText = redocly.stdout + redocly.stderr;
// redocly exits 0 with warnings: count both.
const problems = (redoclyText.match(/^\s+\d+:\d+\s+(error|warning)\s/gm) ?? []).length;
console.log(`redocly (recommended): ${problems} problems`);
if (redocly.status !== 0 || problems > 0) {
  console.log(redoclyText);
  failed++;
}
const spectral = run(bin('spectral'), ['lint', '-r', join(root, '.spectral.yaml'), '-f', 'json', '-q', out]);
let results = [];
try {
  results = JSON.parse(spectral.stdout || '[]');
} catch {
  console.log(spectral.stdout + spectral.stderr);
  failed++;
}
console.log(`spectral (spectral:oas): ${results.length} problems`);
for (const r of results) console.log(`  ${r.code}: ${r.message} at ${r.path.join('.')}`);
if (results.length > 0) failed++;
JSON.parse(readFileSync(out, 'utf8'));
process.exit(failed ? 1 : 0);
