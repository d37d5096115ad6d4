// `serve` as a real process: it prints its URL, answers, and exits 0 on SIGTERM and on SIGINT
// after closing the server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function serve(): Promise<{
  url: string;
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }>;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0', '--db', ':memory:'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m && stdout.includes('Press Ctrl-C to stop.'))
        resolve({
          url: m[1]!,
          stop: async (signal) => {
            child.kill(signal);
            return { code: await exited, stderr };
          },
        });
    });
    exited.then((code) => reject(new Error(`serve exited early with ${code}: ${stderr}`)));
  });
}

describe('serve process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'answers, then shuts down cleanly on %s',
    async (signal) => {
      const s = await serve();
      const health = await fetch(`${s.url}/health`);
      expect(health.status).toBe(200);
      const { code, stderr } = await s.stop(signal);
      expect(code).toBe(0);
      expect(stderr).toBe(`${signal}: shutting down\n`);
      await expect(fetch(`${s.url}/health`)).rejects.toThrow('fetch failed');
    },
    30_000,
  );
});
