// Bundle budget (issue 6): library builds of two entries with lightweight-charts and konva
// external, printing minified and gzip sizes, failing when one is over its budget.
//   read-only = core + svg + view (chart, reference text)  ≤ 20 kB gzip
//   editor    = core + editor + konva overlay (+ chart)     ≤ 40 kB gzip
// Each entry re-exports the whole public surface of its top layers; core comes in as far as those
// layers use it (an app never ships the editor's hit-testing in a read-only post). The full-core
// figure is printed too, for information. Usage:
//   node scripts/bundle-budget.mjs [--read-only=KB] [--editor=KB]
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const EXTERNAL = ['lightweight-charts', 'konva', /^konva\//, 'fancy-canvas'];

/** Budgets in kB (1,000 bytes) of gzip. */
export const BUDGETS = { 'read-only': 20, editor: 40 };

/** Packages the read-only bundle must not contain or import (design: small bundle for posts). */
const READ_ONLY_FORBIDDEN = ['konva', 'zod', 'immer'];

const ENTRIES = {
  'read-only': ['svg', 'view'],
  editor: ['editor', 'konva'],
};

function parseArgs(argv) {
  const budgets = { ...BUDGETS };
  for (const a of argv) {
    const m = /^--(read-only|editor)=(\d+(?:\.\d+)?)$/.exec(a);
    if (!m) throw new Error(`${a}: expected --read-only=KB or --editor=KB`);
    budgets[m[1]] = Number(m[2]);
  }
  return budgets;
}

async function measure(name, layers, dir) {
  const missing = layers.filter((l) => !existsSync(join(ROOT, 'src', l, 'index.ts')));
  if (missing.length) return { name, missing };
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, layers.map((l) => `export * from '${join(ROOT, 'src', l, 'index.ts')}';`).join('\n'));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      lib: { entry, formats: ['es'], fileName: name },
      rollupOptions: { external: EXTERNAL },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const code = chunks.map((o) => o.code).join('\n');
  const packages = new Set();
  for (const c of chunks) {
    for (const id of [...(c.moduleIds ?? Object.keys(c.modules ?? {})), ...(c.imports ?? [])]) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
      packages.add(m ? m[1] : id.startsWith('/') || id.startsWith('\0') ? null : id);
    }
  }
  packages.delete(null);
  return { name, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, packages };
}

const kb = (n) => (n / 1000).toFixed(1);

async function main() {
  const budgets = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'chartmark-budget-'));
  let failed = false;
  try {
    for (const [name, layers] of Object.entries(ENTRIES)) {
      const r = await measure(name, layers, dir);
      if (r.missing) {
        console.log(`${name}: FAIL — missing layer(s) ${r.missing.join(', ')}`);
        failed = true;
        continue;
      }
      const over = r.gzip > budgets[name] * 1000;
      failed ||= over;
      const banned = name === 'read-only' ? READ_ONLY_FORBIDDEN.filter((p) => r.packages.has(p)) : [];
      if (banned.length) {
        console.log(`${name}: FAIL — contains or imports ${banned.join(', ')}`);
        failed = true;
      }
      console.log(`${name} packages: ${[...r.packages].sort().join(', ') || 'none'}`);
      const full = await measure(`${name}-full-core`, ['core', ...layers], dir);
      console.log(
        `${name} (${layers.join(' + ')} + the core they use): ${kb(r.bytes)} kB min, ${kb(r.gzip)} kB gzip, budget ${budgets[name]} kB gzip — ${over ? 'FAIL' : 'ok'} (with all of core: ${kb(full.gzip)} kB gzip)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
