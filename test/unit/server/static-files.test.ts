import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveStaticFiles } from '../../../src/server/static-files';

let root: string;
let outside: string;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cm-static-'));
  root = join(dir, 'demo');
  outside = join(dir, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'sub', 'index.html'), 'sub');
  writeFileSync(join(root, 'data.bin'), Buffer.from([1, 2, 3]));
  writeFileSync(outside, 'top secret');
  symlinkSync(outside, join(root, 'link.txt'));
});

const get = (path: string, method = 'GET') =>
  serveStaticFiles(root)(new Request(`http://h${path}`, { method }));

describe('serveStaticFiles', () => {
  it('serves index.html at / with an HTML type and no-cache', async () => {
    const res = (await get('/'))!;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('<!doctype html><title>x</title>');
  });

  it('gives scripts, styles and unknown files their types; hashed assets are immutable', async () => {
    const js = (await get('/assets/main-abc123.js'))!;
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/assets/style.css'))!.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const bin = (await get('/data.bin'))!;
    expect(bin.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await bin.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('serves a directory’s index.html, with or without the slash', async () => {
    expect(await (await get('/sub/'))!.text()).toBe('sub');
    expect(await (await get('/sub'))!.text()).toBe('sub');
  });

  it('answers HEAD with headers and no body', async () => {
    const res = (await get('/', 'HEAD'))!;
    expect(res.headers.get('content-length')).toBe('31');
    expect(await res.text()).toBe('');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/link.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/missing.js',
  ])('refuses %s (no file outside the root, no error)', async (path) => {
    expect(await get(path)).toBeNull();
  });

  it('leaves other methods to the API', async () => {
    expect(await get('/', 'POST')).toBeNull();
  });
});

describe('security headers of pages (spec §5.3)', () => {
  const STRICT =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  it('an HTML page gets the strict CSP, X-Frame-Options DENY and nosniff; other files only nosniff', async () => {
    const page = (await get('/'))!;
    expect(page.headers.get('content-security-policy')).toBe(STRICT);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const js = (await get('/assets/main-abc123.js'))!;
    expect([js.headers.get('content-security-policy'), js.headers.get('x-content-type-options')]).toEqual([
      null,
      'nosniff',
    ]);
  });

  it('frame-ancestors comes from configuration; X-Frame-Options cannot name sites and is left out', async () => {
    const res = (await serveStaticFiles(root, 'https://community.example')(new Request('http://h/')))!;
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://community.example');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });
});
