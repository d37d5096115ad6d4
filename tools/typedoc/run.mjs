// `npm run docs`: the API reference from TSDoc into dist/api, one module per package entry point
// (read from package.json `exports`). TypeDoc needs TypeScript's compiler API, which TypeScript 7
// does not have, so it lives here with TypeScript 6 and its own lockfile, installed on first use;
// the repository's lockfile never sees it. An export without TSDoc fails the run (notDocumented).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureToolInstalled } from '../install-tool.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: HERE, stdio: 'inherit' }).status ?? 1;

ensureToolInstalled(HERE, 'typedoc', 'docs: TypeDoc');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const entryPoints = Object.values(pkg.exports)
  .filter((e) => typeof e === 'object')
  .map((e) => join(ROOT, e.import.replace(/^\.\/dist\/lib\/(.+)\.js$/, 'src/$1.ts')));
const args = ['--options', join(HERE, 'typedoc.json'), ...entryPoints.flatMap((e) => ['--entryPoints', e])];
process.exit(run(join(HERE, 'node_modules/.bin/typedoc'), args));
