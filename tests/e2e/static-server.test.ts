// The e2e server must behave like a strict static host: exact files with their MIME types (WASM as
// application/wasm, which streaming compilation requires), a 404 for anything missing instead of an
// HTML fallback, and nothing outside its folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

describe('static server', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dll-static-'));
    mkdirSync(join(dir, 'site/chapters/intro'), { recursive: true });
    writeFileSync(join(dir, 'site/index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(dir, 'site/chapters/intro/index.html'), '<!doctype html><title>intro</title>');
    writeFileSync(join(dir, 'site/engine.wasm'), Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    writeFileSync(join(dir, 'site/app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside the site');
    server = await serveStatic(join(dir, 'site'), '/book/');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(server.origin + path, { redirect: 'manual' });

  it('serves files under the base path with their MIME types', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/book\/$/);
    const wasm = await get('/book/engine.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    expect((await get('/book/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    const page = await get('/book/chapters/intro/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>intro</title>');
  });

  it('redirects a folder without its slash, as static hosts do', async () => {
    const res = await get('/book/chapters/intro');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/book/chapters/intro/');
  });

  it('answers 404 for missing files and paths outside the base, never an HTML page', async () => {
    for (const path of ['/book/missing.js', '/book/chapters/nowhere/', '/index.html', '/book/tfjs-backend-wasm-simd.wasm']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/plain/);
    }
  });

  it('serves nothing outside its folder', async () => {
    for (const path of ['/book/../secret.txt', '/book/%2e%2e/secret.txt', '/book/..%2fsecret.txt']) {
      const res = await get(path);
      expect([403, 404], path).toContain(res.status);
      expect(await res.text(), path).not.toContain('outside the site');
    }
  });
});
