// `npm start`: build the demo with vite, then run the reference server in demo mode on PORT
// (default 8787) with the database in .data/. The server runs in a child Node with tsx's loader
// so that this script stays plain Node; signals are passed on so Ctrl-C shuts it down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (!existsSync(bin('vite')) || !existsSync(bin('tsx'))) {
  console.error('npm start: dependencies are missing; run `npm install` first.');
  process.exit(1);
}

console.log('Building the demo (vite build) …');
const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`npm start: vite build failed (exit ${build.status ?? build.signal})`);
  process.exit(build.status ?? 1);
}

const args = ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--demo', ...process.argv.slice(2)];
const env = { ...process.env, CHARTMARK_DB: process.env.CHARTMARK_DB ?? '.data/chartmark.sqlite' };
const server = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
