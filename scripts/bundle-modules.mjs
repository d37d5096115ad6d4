// Which modules make a budget part big: bundles one of scripts/bundle-budget.mjs's apps (the same
// consumer build of dist/) and prints each module's tree-shaken code, minified, and its gzip alone,
// largest first, then the sums per package or chartmark folder. Per-module gzip misses what
// modules share, so the sum is above the part's real gzip: use it to rank, and
// scripts/bundle-budget.mjs for the figure. Modules already on the bare chart page are left out.
// The editor, which a consumer's bundler splits, is ranked over its initial chunks only.
// Usage: node scripts/bundle-modules.mjs editor|view|svg|schema [--top=N]   (npm run build first)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'rolldown/utils';
import { APPS, BARE, bundle, linkedApp, splitSizes } from './bundle-budget.mjs';

const [name, ...rest] = process.argv.slice(2);
const app = APPS[name];
if (!app) throw new Error(`part: expected one of ${Object.keys(APPS).join(', ')}, got ${name}`);
const topArg = rest.map((a) => /^--top=(\d+)$/.exec(a)).find(Boolean);
const top = topArg ? Number(topArg[1]) : 40;

/** `…/node_modules/konva/lib/Node.js` → `konva/lib/Node.js`; `…/dist/lib/view/x.js` → `chartmark/view/x.js`. */
const short = (id) =>
  id.replace(/^.*\/node_modules\/(?!.*node_modules\/)/, '').replace(/^.*\/dist\/lib\//, 'chartmark/');
const kb = (n) => (n / 1000).toFixed(2).padStart(6);

const dir = linkedApp();
try {
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/chartmark/package.json'), 'utf8'));
  const bare = new Set(app.overBare ? (await bundle(dir, 'bare', BARE)).modules.map((m) => m.id) : []);
  const r = await bundle(dir, name, (app.overBare ? BARE : '') + app.code(pkg), { split: !!app.split });
  // A split part (the editor) is ranked over its initial chunks: what its budget counts.
  const initial = app.split ? splitSizes(r.chunks).initialFiles : null;
  const modules = initial
    ? r.chunks
        .filter((c) => initial.has(c.fileName))
        .flatMap((c) => Object.entries(c.modules ?? {}).map(([id, m]) => ({ id, code: m.code ?? '' })))
    : r.modules;
  const rows = modules
    .filter((m) => !bare.has(m.id) && m.code.trim() && !m.id.includes('.chartmark-budget'))
    .map((m) => {
      const min = minifySync(short(m.id), m.code, { compress: true, mangle: true }).code;
      return { id: short(m.id), min: min.length, gzip: gzipSync(min, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  console.log(
    `${name}: ${rows.length} modules${initial ? ' in the initial chunks' : ''}${app.overBare ? ' beyond the bare page' : ''}; kB gzip alone, kB minified`,
  );
  for (const x of rows.slice(0, top)) console.log(`${kb(x.gzip)} ${kb(x.min)}  ${x.id}`);
  const byPackage = new Map();
  for (const x of rows) {
    const parts = x.id.split('/');
    const key = parts[0] === 'chartmark' || parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    byPackage.set(key, (byPackage.get(key) ?? 0) + x.gzip);
  }
  console.log('per package or chartmark folder (sums of gzip alone):');
  for (const [key, gzip] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`${kb(gzip)}  ${key}`);
  const sum = rows.reduce((s, x) => s + x.gzip, 0);
  console.log(`${kb(sum)}  sum of gzip alone (the part's gzip as one file: scripts/bundle-budget.mjs)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
