// The worker's pinned client against real local servers: the connection goes to the given
// address while the URL's name stays in Host and TLS (SNI, certificate check); redirects are
// answers, not followed. hooks.invalid never resolves, so only the pin can reach the servers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { expect, it } from 'vitest';
import { postPinned } from '../../../../src/server/webhooks/pinned-post';
import { startReceiver } from './receiver';

const LOCAL = { address: '127.0.0.1', family: 4 };

it('http: connects to the pinned address, sends the URL host, body and length', async () => {
  const r = await startReceiver([201]);
  try {
    const port = new URL(r.url).port;
    const status = await postPinned(
      `http://hooks.invalid:${port}/in`,
      { 'content-type': 'application/json' },
      '{"é":1}',
      LOCAL,
      2000,
    );
    expect(status).toBe(201);
    expect(r.received.map((x) => [x.headers.host, x.headers['content-length'], x.body])).toEqual([
      [`hooks.invalid:${port}`, '8', '{"é":1}'],
    ]);
  } finally {
    await r.close();
  }
});

it('http: a redirect is returned as its status, not followed', async () => {
  const r = await startReceiver([302]);
  try {
    const url = `http://hooks.invalid:${new URL(r.url).port}/in`;
    expect(await postPinned(url, {}, '{}', LOCAL, 2000)).toBe(302);
    expect(r.received).toHaveLength(1);
  } finally {
    await r.close();
  }
});

let openssl: string | null = null;
try {
  openssl = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
} catch {
  console.log('pinned https test: skipped, no openssl to make a certificate');
}

it.skipIf(openssl === null)(
  'https: the pin is used for the connection, the URL name for SNI and the certificate check',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=hooks.invalid',
        '-days',
        '2',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const context = createSecureContext({
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
    });
    const names: string[] = [];
    const server = createHttpsServer(
      {
        SNICallback: (name, done) => {
          names.push(name);
          done(null, context);
        },
      },
      (_req, res) => res.writeHead(200).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // The receiver's self-signed certificate is not trusted: the check ran against it.
      await expect(
        postPinned(`https://hooks.invalid:${port}/in`, {}, '{}', LOCAL, 2000),
      ).rejects.toMatchObject({
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      });
      expect(names).toEqual(['hooks.invalid']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  },
);
