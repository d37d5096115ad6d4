// Bundle budgets, measured as a consumer measures them: small apps that import the *built*
// package through its `exports` (never src/), bundled by Vite with everything inside and minified;
// sizes are gzip (level 9) in kB of 1,000 bytes.
//   editor  the editor embed (`mountAnalysisEditor` from `chartmark`), over a bare lightweight-charts page  ≤ 60
//           (its initial chunks; each chunk it loads on use is printed on its own: the panel's
//           parts, sync, validation, and the overlay's Konva layer `konva/interactive-layer`)
//   view    the read-only view (`mountAnalysisView` from `chartmark/view`), over the same bare page        ≤ 12
//           (the lean view a post ships; its opt-in parts are measured with it, unbudgeted, as
//           `view+parts`: `viewOutcomes` and `viewCrossings`, what the root entry's view shows)
//   svg     the SVG renderer alone (`renderAnalysisSvg` from `chartmark/svg`)                               ≤ 12
//           (without its opt-in outcome part, measured with it, unbudgeted, as `svg+outcome`)
//   schema  the schema alone (the three request schemas and the error envelope from `chartmark/schema`)    ≤ 25
// "Over a bare page" is the page's gzip minus the gzip of the same page without chartmark: what an
// app that already shows a lightweight-charts chart pays. Each app also must not contain the
// packages its part has no use for (a post's view never ships konva, zod or immer).
// Usage:
//   node scripts/bundle-budget.mjs [--app=DIR] [--editor=KB] [--view=KB] [--svg=KB] [--schema=KB]
// --app: a consumer project with chartmark and its peers installed (the consumer test passes its
// own); without it, the repository's build (`npm run build` first) is linked into a temporary one.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
// Budgets are about production builds, whatever the caller's NODE_ENV (vitest sets `test`).
process.env.NODE_ENV = 'production';

/** Budgets in kB (1,000 bytes) of gzip. */
export const BUDGETS = { editor: 60, view: 12, svg: 12, schema: 25 };

export const BARE = `import { CandlestickSeries, createChart } from 'lightweight-charts';
const chart = createChart(document.body);
const series = chart.addSeries(CandlestickSeries);
series.setData([{ time: 1767225600, open: 1, high: 2, low: 0.5, close: 1.5 }]);
globalThis.page = { chart, series };
`;

/**
 * The apps: what each imports (kept reachable through `globalThis`), whether it is measured over
 * the bare chart page, and the packages it must not contain.
 */
export const APPS = {
  editor: {
    overBare: true,
    // Measured as a consumer's Vite splits it: the budget is the initial chunks (see splitSizes).
    split: true,
    // The root entry is the embed facade; until a package has one, the parts it is made of.
    code: (pkg) =>
      pkg.exports['.']
        ? `import { mountAnalysisEditor } from 'chartmark';\nglobalThis.cm = { mountAnalysisEditor };`
        : `import { createEditor } from 'chartmark/editor';\nimport { mountEditorOverlay } from 'chartmark/konva';\nimport { createChartViewport } from 'chartmark/chart';\nglobalThis.cm = { createEditor, mountEditorOverlay, createChartViewport };`,
    forbidden: [],
  },
  view: {
    overBare: true,
    code: () => `import { mountAnalysisView } from 'chartmark/view';\nglobalThis.cm = { mountAnalysisView };`,
    forbidden: ['konva', 'zod', 'immer'],
  },
  // Not budgeted: what the view's opt-in parts add (packages without them have neither).
  'view+parts': {
    overBare: true,
    code: () =>
      `import { mountAnalysisView, viewCrossings, viewOutcomes } from 'chartmark/view';\nglobalThis.cm = { mountAnalysisView, viewCrossings, viewOutcomes };`,
    forbidden: ['konva', 'zod', 'immer'],
  },
  svg: {
    overBare: false,
    code: () => `import { renderAnalysisSvg } from 'chartmark/svg';\nglobalThis.cm = { renderAnalysisSvg };`,
    forbidden: ['lightweight-charts', 'konva', 'zod', 'immer'],
  },
  // Not budgeted: what the SVG's opt-in outcome part adds (evaluation, badge scene, words).
  'svg+outcome': {
    overBare: false,
    code: () =>
      `import { renderAnalysisSvg, svgOutcome } from 'chartmark/svg';\nglobalThis.cm = { renderAnalysisSvg, svgOutcome };`,
    forbidden: ['lightweight-charts', 'konva', 'zod', 'immer'],
  },
  schema: {
    overBare: false,
    code: () =>
      `import { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest, toErrorEnvelope } from 'chartmark/schema';\nglobalThis.cm = { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest, toErrorEnvelope };`,
    forbidden: ['lightweight-charts', 'konva', 'immer'],
  },
};

function parseArgs(argv) {
  const budgets = { ...BUDGETS };
  let app;
  for (const a of argv) {
    const dir = /^--app=(.+)$/.exec(a);
    if (dir) {
      app = resolve(dir[1]);
      continue;
    }
    const m = /^--(editor|view|svg|schema)=(\d+(?:\.\d+)?)$/.exec(a);
    if (!m) throw new Error(`${a}: expected --app=DIR or --editor|view|svg|schema=KB`);
    budgets[m[1]] = Number(m[2]);
  }
  return { budgets, app };
}

/** A temporary consumer with the repository's build and its peers linked in as installed packages. */
export function linkedApp() {
  if (!existsSync(join(ROOT, 'dist/lib'))) throw new Error('dist/lib is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'chartmark-budget-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules/chartmark'), 'dir');
  for (const peer of ['lightweight-charts', 'konva']) {
    symlinkSync(join(ROOT, 'node_modules', peer), join(dir, 'node_modules', peer), 'dir');
  }
  return dir;
}

/**
 * Bundles `code` as an app in `dir` (everything inside, minified) → its size, the packages in it
 * and each module's tree-shaken code before minification (scripts/bundle-modules.mjs ranks them).
 */
export async function bundle(dir, name, code, { split = false } = {}) {
  const entry = join(dir, '.chartmark-budget', `${name}.js`);
  mkdirSync(join(entry, '..'), { recursive: true });
  writeFileSync(entry, code);
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      modulePreload: false,
      // One file unless asked to split: only the editor's split measurement keeps the chunks a
      // consumer's Vite makes of the embed's `import()`s (scripts/bundle-budget.mjs, `splitSizes`).
      rolldownOptions: { input: entry, output: split ? {} : { codeSplitting: false } },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out])
    .flatMap((o) => o.output)
    .filter((o) => o.type === 'chunk');
  const js = chunks.map((o) => o.code).join('\n');
  const modules = chunks.flatMap((c) =>
    Object.entries(c.modules ?? {}).map(([id, m]) => ({ id, code: m.code ?? '' })),
  );
  return { gzip: gzipSync(js, { level: 9 }).length, packages: packagesOf(chunks), modules, chunks };
}

/** The packages whose modules `chunks` hold. */
function packagesOf(chunks) {
  const packages = new Set();
  for (const c of chunks) {
    for (const id of c.moduleIds ?? Object.keys(c.modules ?? {})) {
      const m =
        /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(id) ?? /\/chartmark\/dist\//.exec(id);
      if (m) packages.add(m[1] ?? 'chartmark');
      // All of Konva (its index) instead of the classes used: reported as a package of its own.
      if (/konva\/lib\/(?:index|_FullInternals)\.js$/.test(id)) packages.add('konva (all of it)');
    }
  }
  return packages;
}

/** Gzip (level 9) of one chunk: each chunk is its own file, compressed on its own by the server. */
const gzipOf = (chunk) => gzipSync(chunk.code, { level: 9 }).length;

/** The chunk file names `from` loads before it runs: itself and its static imports, transitively. */
function staticClosure(byFile, from) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const f of byFile.get(file)?.imports ?? []) visit(f);
  };
  visit(from);
  return seen;
}

/** `…/dist/lib/embed/style-panel.js` → `embed/style-panel`. */
const partName = (id) => (id ?? '?').replace(/^.*\/dist\/lib\//, '').replace(/\.js$/, '');

/**
 * The split editor as a page loads it: the initial chunks (the entry and what it imports
 * statically: what runs before the user can draw), each chunk loaded on use (an `import()`, with
 * the chunks only it needs), all chunks together, and the initial load with an `api` (initial
 * plus the sync part's chunks, which mount starts loading at once). Gzip per chunk file, summed.
 */
export function splitSizes(chunks) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('split bundle: no entry chunk');
  const initial = staticClosure(byFile, entry.fileName);
  const sum = (files) => [...files].reduce((s, f) => s + gzipOf(byFile.get(f)), 0);
  const onUse = chunks
    .filter((c) => c.isDynamicEntry && !initial.has(c.fileName))
    .map((c) => {
      const files = new Set([...staticClosure(byFile, c.fileName)].filter((f) => !initial.has(f)));
      return { name: partName(c.facadeModuleId), files, gzip: sum(files) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const sync = onUse.find((p) => p.name === 'embed/editor-sync');
  return {
    initial: sum(initial),
    initialFiles: initial,
    initialPackages: packagesOf([...initial].map((f) => byFile.get(f))),
    onUse,
    all: sum(byFile.keys()),
    withApi: sync ? sum(new Set([...initial, ...sync.files])) : undefined,
  };
}

const kb = (n) => (n / 1000).toFixed(2);

/** Measures every app in `dir`; returns one result per app with its verdict. */
export async function measureAll(dir, budgets = BUDGETS) {
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/chartmark/package.json'), 'utf8'));
  const bare = await bundle(dir, 'bare', BARE);
  const results = [];
  for (const [name, app] of Object.entries(APPS)) {
    const code = (app.overBare ? BARE : '') + app.code(pkg);
    const r = await bundle(dir, name.replace('+', '-'), code);
    const over = (gzip) => ({ size: app.overBare ? gzip - bare.gzip : gzip, total: gzip });
    const banned = app.forbidden.filter((p) => r.packages.has(p));
    const common = { bare: app.overBare ? bare.gzip : 0, packages: r.packages, banned };
    if (!app.split) {
      results.push({ name, ...over(r.gzip), ...common, budget: budgets[name] });
      continue;
    }
    const s = splitSizes((await bundle(dir, `${name}-split`, code, { split: true })).chunks);
    results.push({ name, ...over(s.initial), ...common, budget: budgets[name], note: 'initial chunks' });
    results.push({ name: `${name} initial`, packages: s.initialPackages });
    for (const part of s.onUse)
      results.push({ name: `${name} on use ${part.name}`, size: part.gzip, total: part.gzip, bare: 0 });
    if (s.withApi !== undefined)
      results.push({
        name: `${name}+api`,
        ...over(s.withApi),
        bare: common.bare,
        note: 'initial chunks and the sync part',
      });
    results.push({ name: `${name} all chunks`, ...over(s.all), bare: common.bare });
    results.push({ name: `${name} one file`, ...over(r.gzip), bare: common.bare, note: 'no code splitting' });
  }
  return results;
}

async function main() {
  const { budgets, app } = parseArgs(process.argv.slice(2));
  const dir = app ?? linkedApp();
  let failed = false;
  try {
    for (const r of await measureAll(dir, budgets)) {
      if (r.size === undefined) {
        console.log(`${r.name} packages: ${[...r.packages].sort().join(', ')}`);
        continue;
      }
      const over = r.budget !== undefined && r.size > r.budget * 1000;
      failed ||= over || (r.banned?.length ?? 0) > 0;
      const how = r.bare
        ? `over the bare chart page (${kb(r.total)} kB with it, ${kb(r.bare)} kB without)`
        : 'alone';
      if (r.packages) console.log(`${r.name} packages: ${[...r.packages].sort().join(', ')}`);
      if (r.note) console.log(`${r.name} counts: ${r.note}`);
      if (r.banned?.length) console.log(`${r.name}: FAIL — contains ${r.banned.join(', ')}`);
      const verdict =
        r.budget === undefined ? 'no budget' : `budget ${r.budget} kB — ${over ? 'FAIL' : 'ok'}`;
      console.log(`${r.name}: ${kb(r.size)} kB gzip ${how}, ${verdict}`);
    }
  } finally {
    if (app) rmSync(join(dir, '.chartmark-budget'), { recursive: true, force: true });
    else rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === import.meta.filename) await main();
