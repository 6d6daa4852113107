// A small static file server for the built site: exact files only, correct MIME types (WASM must be
// `application/wasm` for streaming compilation), and a plain 404 for anything missing, so that a
// missing asset shows up as a failed request instead of being answered with an HTML page.
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` under `base` (which starts and ends with `/`) on 127.0.0.1 at a free port.
 * A directory URL is answered with its `index.html`; a directory URL without its trailing slash is
 * redirected to it, as static hosts do.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const rootDir = resolve(root);
  const server: Server = createServer((req, res) => {
    const fail = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return fail(400, 'bad request');
    }
    if (!pathname.startsWith(base)) return fail(404, `not found: ${pathname}`);
    const relative = pathname.slice(base.length);
    const file = normalize(join(rootDir, relative));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return fail(403, 'forbidden');
    let target = file;
    let stat = statOrNull(target);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: pathname + '/' });
        return res.end();
      }
      target = join(target, 'index.html');
      stat = statOrNull(target);
    }
    if (!stat || !stat.isFile()) return fail(404, `not found: ${pathname}`);
    res.writeHead(200, {
      'content-type': mimeType(target),
      'content-length': stat.size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
