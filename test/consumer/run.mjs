// The consumer test (a step of `npm test`, after the repository's own suites): the package as
// someone outside this repository gets it. It packs the tarball (`npm pack` runs the build), then
//   vite-app  a blank Vite vanilla-ts app (create-vite 9.3.0's template, its tsconfig plus strict,
//             noUncheckedIndexedAccess, exactOptionalPropertyTypes, skipLibCheck: false) installs
//             the tarball with the LOWEST peer versions we claim (lightweight-charts 5.0.0, konva
//             10.0.0): `tsc`, `vite build`, then the built page in Chromium under a strict CSP
//             (no 'unsafe-eval'), where a line is drawn with the mouse, and the schema validates a
//             valid and an invalid payload with no console error; the bundle budgets are measured
//             on this app;
//   node-app  a blank Node project installs the tarball with the NEWEST peers in range: plain
//             `node` imports and requires chartmark/schema and chartmark/svg, imports every browser
//             entry, type-checks the server entry (NodeNext), and runs the `chartmark` bin without
//             then with the server's peers.
// Everything comes from the npm registry through a cache kept in node_modules/.cache, so a second
// run is offline-fast; the apps live in a temporary directory outside the repository so nothing
// resolves from the repository's own node_modules. Writes test-results/summary/consumer.json
// (each check as a test, in vitest's report shape, which scripts/test.mjs counts).
//   node test/consumer/run.mjs [--keep]
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/find-chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const HERE = import.meta.dirname;
const CACHE = join(ROOT, 'node_modules/.cache/chartmark-consumer-npm');
const REPORT = join(ROOT, 'test-results/summary/consumer.json');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The peers' range ends we install: the lowest in the vite app, the newest in the Node app. */
export const LOWEST_PEERS = { 'lightweight-charts': '5.0.0', konva: '10.0.0' };
const NEWEST_PEERS = {
  'lightweight-charts': pkg.peerDependencies['lightweight-charts'],
  konva: pkg.peerDependencies.konva,
};
/** The strict CSP the built page is served with (no 'unsafe-eval', no inline script). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const results = [];
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''} (${elapsed()})`);
  return ok;
}

function run(cmd, args, cwd, { env = {}, quiet = false } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 && !quiet)
    console.log(`$ ${cmd} ${args.join(' ')} (in ${cwd}) → ${r.status ?? r.signal}\n${out}`);
  return { ok: r.status === 0, status: r.status, out, stdout: r.stdout ?? '' };
}

const npm = (args, cwd) =>
  run(
    'npm',
    [...args, '--cache', CACHE, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    cwd,
  );

/** `npm pack` of the repository (prepack builds dist/) → the tarball's path. */
function pack(dir) {
  const r = run('npm', ['pack', '--pack-destination', dir, '--json', '--loglevel=error'], ROOT);
  if (!r.ok) return null;
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
  const files = info.files.map((f) => f.path);
  const outside = files.filter(
    (f) =>
      !/^(dist\/lib\/|dist\/chartmark\.iife\.js|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(f),
  );
  record(
    'the tarball ships only the build, README, LICENSE, CHANGELOG',
    outside.length === 0,
    outside.join(', '),
  );
  return join(dir, info.filename);
}

/** Packages only the reference server needs: a browser app must not get them. */
const SERVER_PACKAGES = ['hono', '@hono/node-server', 'pg', 'better-sqlite3', 'jose', 'swagger-ui-dist'];

/**
 * The installed packages `roots` bring in (their dependencies, installed optional and peer ones,
 * transitively), from the app's package-lock.json, each flagged native when it has an install
 * script or ships a compiled `.node` addon.
 */
function installedClosure(app, roots) {
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')).packages;
  const seen = new Map();
  const visit = (name) => {
    const key = `node_modules/${name}`;
    if (seen.has(name) || !lock[key]) return;
    const entry = lock[key];
    const dir = join(app, key);
    const addon = run('find', [dir, '-name', '*.node', '-not', '-path', `${dir}/node_modules/*`], app, {
      quiet: true,
    });
    seen.set(name, { name, native: entry.hasInstallScript === true || addon.stdout.trim() !== '' });
    const deps = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const dep of Object.keys(deps)) visit(dep);
  };
  for (const root of roots) visit(root);
  return [...seen.values()];
}

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Serves `dir` on a free port of 127.0.0.1 with the strict CSP on every response. */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { 'Content-Security-Policy': CSP }).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
    });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The README's plain-HTML example, with its script in a file (the strict CSP allows no inline script). */
function writeScriptTagPage(dist, iife) {
  cpSync(iife, join(dist, 'chartmark.iife.js'));
  writeFileSync(
    join(dist, 'script-tag.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
      '<script src="chartmark.iife.js"></script></head><body>' +
      '<div id="editor" style="width: 800px; height: 480px"></div><script src="script-tag.js"></script></body></html>',
  );
  writeFileSync(
    join(dist, 'script-tag.js'),
    `const candles = Array.from({ length: 60 }, (_, i) => ({ time: 1767571200 + i * 3600, open: 1.34, high: 1.35, low: 1.33, close: 1.345 }));
const editor = chartmark.mountAnalysisEditor(document.getElementById('editor'), { candles });
window.scriptTag = { editor, view: customElements.get('chartmark-view') !== undefined };`,
  );
}

/**
 * The README's plain-HTML snippet (docs/examples/script-tag.html) as it is written: its unpkg URL
 * answered with the packed IIFE, its inline script run; a line drawn with the element's toolbar
 * reaches the snippet's own chartmark-change listener.
 */
async function readmeScriptTag(browser, iife) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const logs = [];
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    else logs.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const html = readFileSync(join(ROOT, 'docs/examples/script-tag.html'), 'utf8');
  const unpkg = html.match(/<script src="(https:\/\/unpkg\.com\/chartmark\/[^"]+)"/)?.[1];
  await page.route('https://unpkg.com/**', (route) =>
    route.request().url() === unpkg
      ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(iife, 'utf8') })
      : route.fulfill({ status: 404 }),
  );
  await page.route('https://docs.example/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  let drawn = [];
  let exported = [];
  try {
    await page.goto('https://docs.example/script-tag.html');
    await page.locator('chartmark-editor canvas').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Line', exact: true }).click();
    const box = await page.locator('chartmark-editor canvas').first().boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
    for (let i = 0; i < 50 && !logs.includes('drawings 1'); i++)
      await page.evaluate(() => new Promise(requestAnimationFrame));
    drawn = logs.filter((l) => l.startsWith('drawings'));
    exported = await page.evaluate(() =>
      document
        .querySelector('chartmark-editor')
        .editor.exportDrawings()
        .map((d) => `${d.type}/${d.points.length}`),
    );
  } catch (e) {
    problems.push(e.message);
  } finally {
    await page.close();
  }
  record(
    "the README's script-tag snippet, as written, mounts the editor from the packed IIFE and its listener hears a drawn line",
    unpkg !== undefined &&
      drawn.includes('drawings 1') &&
      JSON.stringify(exported) === '["LINE/2"]' &&
      problems.length === 0,
    JSON.stringify({ unpkg, drawn: drawn.at(-1), exported, problems }),
  );
}

async function browserChecks(dist, iife) {
  const { chromium } = await import('playwright');
  writeScriptTagPage(dist, iife);
  const server = await serveStatic(dist);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'consumer' in window, null, { timeout: 20_000 });

    // Draw one line through the embed, as a user would: its toolbar's Line button, two clicks.
    await page.getByRole('button', { name: 'Line', exact: true }).click();
    const box = await page.locator('#editor canvas').first().boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
    const drawings = await page
      .waitForFunction(
        () => {
          const d = window.consumer.embed.exportDrawings();
          return d.length > 0 ? d : null;
        },
        null,
        { timeout: 10_000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => []);
    record(
      'the built page draws one line through the embed (toolbar Line, two clicks)',
      drawings.length === 1 && drawings[0].type === 'LINE' && drawings[0].points.length === 2,
      JSON.stringify(drawings.map((d) => d.type)),
    );
    record(
      'chartmark/elements defines <chartmark-editor> on import',
      await page.evaluate(() => window.consumer.elementDefined),
    );

    const validation = await page.evaluate(() => window.consumer.validation);
    // Expected from the spec's own error example (§1.3): a LINE needs exactly 2 points. The
    // compiled fast path needs eval, which the CSP forbids: the schema runs on zod's own path.
    const issue = validation.invalid[0] ?? {};
    record(
      'under a strict CSP the schema falls back from its compiled path, accepts the documented example and reports the exact issue of a one-point LINE',
      validation.compiled === false &&
        validation.valid === true &&
        validation.invalid.length === 1 &&
        JSON.stringify(issue.path) === JSON.stringify(['drawings', 1, 'points']) &&
        issue.code === 'too_small' &&
        issue.message.endsWith('LINE needs exactly 2 points'),
      JSON.stringify(validation),
    );
    const script = await browser.newPage();
    const scriptProblems = [];
    script.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') scriptProblems.push(`${m.type()}: ${m.text()}`);
    });
    script.on('pageerror', (e) => scriptProblems.push(`pageerror: ${e.message}`));
    await script.goto(`${origin}/script-tag.html`);
    const tag = await script
      .waitForFunction(() => window.scriptTag, null, { timeout: 20_000 })
      .then(async () => ({
        view: await script.evaluate(() => window.scriptTag.view),
        canvases: await script.locator('#editor canvas').count(),
      }))
      .catch((e) => ({ error: e.message }));
    record(
      'the script-tag build (dist/chartmark.iife.js) mounts the editor and defines the elements on a plain page',
      tag.view === true && tag.canvases > 0 && scriptProblems.length === 0,
      JSON.stringify({ ...tag, scriptProblems }),
    );
    await readmeScriptTag(browser, iife);
    const hasView = await page.locator('#view canvas').count();
    record(
      'the read-only view mounts (its chart canvases are in the page)',
      hasView > 0,
      `${hasView} canvases`,
    );
    record('the page logs no error or warning under the CSP', problems.length === 0, problems.join(' | '));
  } finally {
    await browser.close();
    server.close();
  }
}

async function binChecks(app) {
  const bin = join(app, 'node_modules/.bin/chartmark');
  const missing = run(bin, ['serve', '--port', '0'], app, { quiet: true });
  record(
    '`chartmark serve` without the server peers exits 1 naming them and the install command',
    missing.status === 1 &&
      missing.out.includes('needs hono, @hono/node-server, better-sqlite3, pg, jose') &&
      missing.out.includes('npm install hono @hono/node-server better-sqlite3 pg jose'),
    missing.out.trim().split('\n')[0],
  );
  // The peers as `npm install` would place them (linked from the repository's install, so that
  // better-sqlite3 is not compiled again for every run).
  for (const peer of ['hono', '@hono/node-server', 'better-sqlite3', 'pg', 'jose']) {
    mkdirSync(join(app, 'node_modules', peer, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', peer), join(app, 'node_modules', peer), 'dir');
  }
  const tsc = run(join(app, 'node_modules/.bin/tsc'), ['-p', '.'], app);
  record('tsc of a Node server app (NodeNext, strict, skipLibCheck false) against the declarations', tsc.ok);
  const db = join(app, 'data.sqlite');
  const child = spawn(bin, ['serve', '--host', '127.0.0.1', '--port', '0', '--db', db], {
    cwd: app,
    stdio: 'pipe',
  });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  let status = 0;
  let body = {};
  for (let i = 0; i < 150 && status === 0; i++) {
    // The server prints its address once listening (port 0: the system picks a free one).
    const url = /listening on (http:\/\/[\d.:]+)/.exec(log)?.[1];
    if (!url) {
      await sleep(100);
      continue;
    }
    try {
      const r = await fetch(`${url}/v1/analysis/65a1b2c3d4e5f6a7b8c9d0e1`);
      status = r.status;
      body = await r.json();
    } catch {
      await sleep(100);
    }
  }
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
  }
  record(
    '`npx chartmark serve` with the peers installed serves the API (401 envelope without a key)',
    status === 401 && body.status === 'error' && body.code === 'unauthorized',
    `${status} ${JSON.stringify(body)} ${status === 0 ? log : ''}`,
  );
}

async function main() {
  const keep = process.argv.includes('--keep');
  const work = mkdtempSync(join(tmpdir(), 'chartmark-consumer-'));
  mkdirSync(CACHE, { recursive: true });
  console.log(`consumer test in ${work}`);
  try {
    const tarball = pack(work);
    if (!record('npm pack builds and packs the package', tarball !== null && existsSync(tarball))) return;
    const example = join(ROOT, 'test/fixtures/spec-examples/create-analysis.request.json');

    // --- the Vite app, lowest peers
    const vite = join(work, 'vite-app');
    cpSync(join(HERE, 'vite-app'), vite, { recursive: true });
    cpSync(example, join(vite, 'src/create-example.json'));
    // The README's snippets (docs/examples) compile in the consumer too, under its strict settings:
    // the browser ones here, the token route (server code, Node globals) in the Node app below.
    cpSync(join(ROOT, 'docs/examples'), join(vite, 'src/examples'), {
      recursive: true,
      filter: (src) => !src.endsWith('token-server.ts'),
    });
    const viteDeps = [tarball, ...Object.entries(LOWEST_PEERS).map(([n, v]) => `${n}@${v}`)];
    const viteInstall = npm(['install', ...viteDeps, 'typescript@~7.0.2', 'vite@^8.3.4'], vite);
    const closure = viteInstall.ok ? installedClosure(vite, ['chartmark', ...Object.keys(LOWEST_PEERS)]) : [];
    const serverOnly = SERVER_PACKAGES.filter((p) => closure.some((c) => c.name === p));
    const natives = closure.filter((c) => c.native).map((c) => c.name);
    record(
      'a browser app installs chartmark with its peers and gets no server package and no native module',
      viteInstall.ok && closure.length > 0 && serverOnly.length === 0 && natives.length === 0,
      `${closure.length} packages: ${closure.map((c) => c.name).join(', ')}${serverOnly.length + natives.length ? ` — server: ${serverOnly.join(', ')}; native: ${natives.join(', ')}` : ''}`,
    );
    if (viteInstall.ok) {
      const tsc = run(join(vite, 'node_modules/.bin/tsc'), ['-p', '.'], vite);
      record(
        'tsc (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, skipLibCheck false)',
        tsc.ok,
      );
      const build = run(join(vite, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], vite);
      const iife = join(vite, 'node_modules/chartmark/dist/chartmark.iife.js');
      if (record('vite build', build.ok)) await browserChecks(join(vite, 'dist'), iife);
      const budget = run(process.execPath, [join(ROOT, 'scripts/bundle-budget.mjs'), `--app=${vite}`], ROOT, {
        quiet: true,
      });
      console.log(budget.out.trim());
      // The budgets are asserted, known failures included, by test/unit/bundle-budget.test.ts on
      // the same build; here they are printed for the consumer's own install (lowest peers).
      record('bundle budgets measured on the consumer build', /^editor: [\d.]+ kB gzip/m.test(budget.out));
    }

    // --- the Node project, newest peers in range
    const node = join(work, 'node-app');
    cpSync(join(HERE, 'node-app'), node, { recursive: true });
    cpSync(join(ROOT, 'docs/examples/token-server.ts'), join(node, 'token-server.ts'));
    cpSync(example, join(node, 'create-example.json'));
    const nodeDeps = [tarball, ...Object.entries(NEWEST_PEERS).map(([n, v]) => `${n}@${v}`)];
    // @types/better-sqlite3 and @types/pg: chartmark/server's declarations name their types.
    const nodeInstall = npm(
      [
        'install',
        ...nodeDeps,
        'typescript@~7.0.2',
        '@types/node@^20.19.0',
        '@types/better-sqlite3@^9.6.0',
        '@types/pg@^8.11.0',
      ],
      node,
    );
    if (record('a Node project installs chartmark with its peers', nodeInstall.ok)) {
      const browserEntries = Object.keys(pkg.exports)
        .filter((k) => k !== './package.json' && k !== './server')
        .map((k) => (k === '.' ? 'chartmark' : `chartmark/${k.slice(2)}`));
      const esm = run(process.execPath, ['validate.mjs', JSON.stringify(browserEntries)], node);
      const r = esm.ok ? JSON.parse(esm.stdout) : {};
      const invalid = (r.invalid ?? []).map(({ path, code, message }) => ({
        path,
        code,
        spec: message.endsWith('LINE needs exactly 2 points'),
      }));
      record(
        'node: import of chartmark/schema validates the documented example, rejects its LINE cut to one point',
        r.valid === true &&
          JSON.stringify(invalid) ===
            JSON.stringify([{ path: ['drawings', 1, 'points'], code: 'too_small', spec: true }]),
        JSON.stringify({ valid: r.valid, invalid: r.invalid }),
      );
      const drawings = JSON.parse(readFileSync(example, 'utf8')).drawings.length;
      record(
        'node: chartmark/svg renders the example with each of its drawings',
        r.svg?.root === '<svg' && r.svg?.drawings === drawings,
        JSON.stringify(r.svg),
      );
      const failedImports = Object.entries(r.imported ?? {}).filter(([, v]) => typeof v !== 'number');
      record(
        `node: every browser entry point imports without a DOM (${browserEntries.join(', ')})`,
        esm.ok && failedImports.length === 0 && Object.keys(r.imported).length === browserEntries.length,
        JSON.stringify(failedImports),
      );
      const cjs = run(process.execPath, ['validate.cjs'], node);
      const c = cjs.ok ? JSON.parse(cjs.stdout) : {};
      record(
        'node: require() of chartmark/schema and chartmark/svg',
        c.valid === true && typeof c.description === 'string' && c.description.length > 0,
        c.description,
      );
      await binChecks(node);
    }
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    mkdirSync(join(REPORT, '..'), { recursive: true });
    // In vitest's JSON report shape, which scripts/test-summary.mjs counts.
    const assertionResults = results.map((r) => ({
      ancestorTitles: ['consumer'],
      title: r.name,
      status: r.ok ? 'passed' : 'failed',
    }));
    const report = {
      testResults: [
        { name: 'test/consumer/run.mjs', status: failed > 0 ? 'failed' : 'passed', assertionResults },
      ],
    };
    writeFileSync(REPORT, JSON.stringify(report));
    console.log(`consumer: ${passed} passed, ${failed} failed in ${elapsed()}`);
    process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
  }
}

await main();
