// The generated-client check (issue 14 item 6), a step of `npm test`: start the reference server,
// fetch the OpenAPI document it serves, generate client types with openapi-typescript, compile
// flow.ts (create → get → list → update → append → preview → delete with openapi-fetch) under
// `strict` with TypeScript 5, refuse any type assertion in it, then run it against the server.
// openapi-typescript needs TypeScript 5 (its peer); the repository builds with TypeScript 7, so
// both live here with their own lockfile (tools/install-tool.mjs). Writes
// test-results/summary/openapi-client.json (each check as a test, in vitest's report shape).
//   node tools/openapi-client/run.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureToolInstalled } from '../install-tool.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const GENERATED = join(HERE, 'generated');
const REPORT = join(ROOT, 'test-results/summary/openapi-client.json');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FLOW = join(HERE, 'flow.ts');
const started = Date.now();

ensureToolInstalled(HERE, 'openapi-typescript', 'openapi client: openapi-typescript + TypeScript 5');
const ts = createRequire(join(HERE, 'package.json'))('typescript');

const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `\n${detail}` : ''}`);
  return ok;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: HERE, encoding: 'utf8', env: { ...process.env, ...env } });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Every type assertion in a source file: `x as T`, `<T>x`, `x!`, with its line. */
export function typeAssertions(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${path}:${line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A suppressed error is an assertion too.
  for (const m of source.text.matchAll(/@ts-(ignore|expect-error|nocheck)/g)) found.push(`${path}: ${m[0]}`);
  return found;
}

/** Starts reference-server.ts and resolves with its printed target and a stop function. */
function startServer() {
  const child = spawn(TSX, [join(HERE, 'reference-server.ts')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (b) => stderr.push(b.toString()));
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`reference server exited with ${code}: ${stderr.join('')}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      child.removeAllListeners('exit');
      const stop = () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.stdin.end();
        });
      ok({ target: JSON.parse(line), stop });
    });
  });
}

async function main() {
  const server = await startServer();
  try {
    mkdirSync(GENERATED, { recursive: true });
    const res = await fetch(`${server.target.baseUrl}/openapi.json`);
    const spec = join(GENERATED, 'openapi.json');
    writeFileSync(spec, await res.text());
    record('the server serves its OpenAPI document', res.status === 200);

    const gen = run(join(HERE, 'node_modules/.bin/openapi-typescript'), [spec, '-o', join(GENERATED, 'api.ts')]);
    if (!record('openapi-typescript generates the client types from it', gen.ok, gen.ok ? '' : gen.out)) return;

    const tsc = run(join(HERE, 'node_modules/.bin/tsc'), ['-p', join(HERE, 'tsconfig.json')]);
    record(`the flow compiles under strict with TypeScript ${ts.version}`, tsc.ok, tsc.out);

    const assertions = typeAssertions(FLOW);
    record('the flow has no type assertion (as, <T>, !, @ts-ignore)', assertions.length === 0, assertions.join('\n'));

    const flow = run(TSX, [join(HERE, 'run-flow.ts')], { FLOW_TARGET: JSON.stringify(server.target) });
    record('the flow runs against the reference server with the answers the types promise', flow.ok, flow.out);
  } finally {
    await server.stop();
    const failed = results.filter((r) => !r.ok).length;
    mkdirSync(join(REPORT, '..'), { recursive: true });
    const assertionResults = results.map((r) => ({
      ancestorTitles: ['openapi client'],
      title: r.name,
      status: r.ok ? 'passed' : 'failed',
    }));
    writeFileSync(
      REPORT,
      JSON.stringify({
        testResults: [
          { name: 'tools/openapi-client/run.mjs', status: failed ? 'failed' : 'passed', assertionResults },
        ],
      }),
    );
    console.log(`openapi client: ${results.length - failed} passed, ${failed} failed in ${Date.now() - started} ms`);
    process.exitCode = failed > 0 || results.length < 5 ? 1 : 0;
  }
}

await main();
