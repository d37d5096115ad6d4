// `npm run build`: the npm package's build, written next to (never over) the demo's dist/demo.
//   dist/lib/**.js, .js.map  ESM, one module per source file (a consumer's bundler drops what it
//                           does not use), every dependency and peer left as an import;
//   dist/lib/**.d.ts         declarations from tsc (tsconfig.build.json), relative specifiers
//                           rewritten to the .js files beside them so that Node16/NodeNext
//                           resolution finds them as well as `bundler` resolution;
//   dist/chartmark.iife.js   the script-tag build: the root entry and the custom elements with everything inside
//                           (lightweight-charts and konva included), minified, global `chartmark`.
// The entry points are read from package.json `exports`: `./dist/lib/<p>.js` is built from
// `src/<p>.ts`, so adding a subpath is one line there. The bin (`chartmark`) is an entry too.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
// The published build is a production build, whatever the caller's NODE_ENV.
process.env.NODE_ENV = 'production';
const LIB = join(ROOT, 'dist/lib');
const IIFE = join(ROOT, 'dist/chartmark.iife.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The source file a built path comes from: `./dist/lib/core/index.js` → `src/core/index.ts`. */
export function sourceOf(built) {
  const m = /^(?:\.\/)?dist\/lib\/(.+)\.js$/.exec(built);
  if (!m) throw new Error(`package.json: ${built} must point into dist/lib/ and end in .js`);
  return join(ROOT, 'src', `${m[1]}.ts`);
}

/** Entry name (path under dist/lib without .js) → source file, from `exports` and `bin`. */
export function entries() {
  const built = [
    ...Object.values(pkg.exports)
      .filter((e) => typeof e === 'object')
      .map((e) => e.import),
    ...Object.values(typeof pkg.bin === 'string' ? { chartmark: pkg.bin } : (pkg.bin ?? {})),
  ];
  const out = {};
  for (const b of built) {
    const src = sourceOf(b);
    if (!existsSync(src))
      throw new Error(`package.json names ${b}, but its source ${relative(ROOT, src)} is missing`);
    out[b.replace(/^(?:\.\/)?dist\/lib\//, '').slice(0, -'.js'.length)] = src;
  }
  return out;
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Every bare specifier (dependency, peer, node builtin) stays an import in the ESM build. */
const isExternal = (id) =>
  !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id);

/**
 * package.json `sideEffects` tells consumers' bundlers about the *built* files; the bundler here
 * would apply it to src/ too and drop modules run for their top-level code (the CLI that bin.ts
 * imports is nothing else). Every source module keeps its side effects in our own build.
 */
const keepSourceSideEffects = {
  name: 'chartmark:keep-source-side-effects',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || resolved.external || !resolved.id.startsWith(join(ROOT, 'src'))) return resolved;
    return { ...resolved, moduleSideEffects: true };
  },
};

/**
 * The script-tag build is one file: the embed's `import()`s of its own modules (parts loaded on
 * use in a bundler's build) become static imports there, resolved at once, so the IIFE holds no
 * lazy-module wrappers and loads nothing later.
 */
const inlineOwnDynamicImports = {
  name: 'chartmark:inline-own-dynamic-imports',
  transform(code, id) {
    if (!id.startsWith(join(ROOT, 'src')) || !code.includes('import(')) return null;
    const specs = [];
    const out = code.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (_, _q, spec) => {
      specs.push(spec);
      return `Promise.resolve(__chartmarkPart${specs.length - 1})`;
    });
    if (specs.length === 0) return null;
    const head = specs.map((s, i) => `import * as __chartmarkPart${i} from ${JSON.stringify(s)};`).join('\n');
    return { code: `${head}\n${out}`, map: null };
  },
};

async function buildEsm() {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    publicDir: false,
    plugins: [keepSourceSideEffects],
    build: {
      outDir: LIB,
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      target: 'es2022',
      lib: { entry: entries(), formats: ['es'] },
      rolldownOptions: {
        checks: { pluginTimings: false },
        external: isExternal,
        output: {
          preserveModules: true,
          preserveModulesRoot: join(ROOT, 'src'),
          entryFileNames: '[name].js',
        },
      },
    },
  });
}

/**
 * The script-tag build: the root entry and the custom elements (defined on load) in one IIFE,
 * with lightweight-charts and konva inside; `window.chartmark` holds both entries' exports.
 */
async function buildIife() {
  const root = pkg.exports['.'];
  if (!root) return;
  const parts = [
    sourceOf(root.import),
    ...(pkg.exports['./elements'] ? [sourceOf(pkg.exports['./elements'].import)] : []),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'chartmark-iife-'));
  const entry = join(dir, 'chartmark.iife.ts');
  writeFileSync(entry, parts.map((p) => `export * from ${JSON.stringify(p)};`).join('\n'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: ROOT,
      publicDir: false,
      plugins: [keepSourceSideEffects, inlineOwnDynamicImports],
      // The page has no `process`: bundled libraries read process.env.NODE_ENV.
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: dirname(IIFE),
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        target: 'es2022',
        lib: { entry, formats: ['iife'], name: 'chartmark', fileName: () => 'chartmark.iife.js' },
        rolldownOptions: { checks: { pluginTimings: false }, external: (id) => NODE_BUILTINS.has(id) },
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** `from './x'` → `'./x.js'` or `'./x/index.js'`, whichever declaration exists beside the file. */
function fixDeclarationSpecifiers() {
  const rewrite = (file) => (whole, quote, spec) => {
    const base = resolve(dirname(file), spec);
    if (existsSync(`${base}.d.ts`))
      return whole.replace(`${quote}${spec}${quote}`, `${quote}${spec}.js${quote}`);
    if (existsSync(join(base, 'index.d.ts'))) {
      return whole.replace(`${quote}${spec}${quote}`, `${quote}${spec}/index.js${quote}`);
    }
    throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
  };
  for (const file of walk(LIB).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(
      /(?<=\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*?)\1/g,
      (whole, quote, spec) => (spec.endsWith('.js') ? whole : rewrite(file)(whole, quote, spec)),
    );
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

function declarations() {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const r = spawnSync(tsc, ['-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (exit ${r.status ?? r.signal})`);
  fixDeclarationSpecifiers();
}

/** The bin runs as `node dist/lib/server/bin.js`; npm wants it executable with a shebang. */
function markBin() {
  for (const b of Object.values(typeof pkg.bin === 'string' ? { chartmark: pkg.bin } : (pkg.bin ?? {}))) {
    const file = join(ROOT, b);
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${text}`);
    chmodSync(file, 0o755);
  }
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const started = Date.now();
  rmSync(LIB, { recursive: true, force: true });
  rmSync(IIFE, { force: true });
  rmSync(`${IIFE}.map`, { force: true });
  await buildEsm();
  declarations();
  markBin();
  await buildIife();
  console.log(
    `build: dist/lib and dist/chartmark.iife.js in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
