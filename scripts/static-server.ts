import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Serves a built H5 app: files by extension, index.html for anything else (hash routing). */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export type StaticServer = { url: string; port: number; close: () => Promise<void> };

export async function serveStatic({ dir, port = 0, host = '127.0.0.1' }: { dir: string; port?: number; host?: string }): Promise<StaticServer> {
  const root = path.resolve(dir);
  const indexFile = path.join(root, 'index.html');
  const indexExists = await stat(indexFile).then((info) => info.isFile(), () => false);
  if (!indexExists) throw new Error(`${indexFile} is missing: build the H5 app first (npm run build:h5 -w miniprogram)`);

  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const candidate = path.resolve(root, `.${pathname}`);
    const file = candidate.startsWith(root + path.sep) ? candidate : indexFile;
    void stat(file).then(
      (info) => (info.isFile() ? file : indexFile),
      () => indexFile,
    ).then((chosen) => {
      response.writeHead(200, {
        'Content-Type': contentTypes[path.extname(chosen)] ?? 'application/octet-stream',
        'Cache-Control': chosen === indexFile ? 'no-cache' : 'public, max-age=3600',
      });
      createReadStream(chosen).pipe(response);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
