import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import sirv from 'sirv';

/**
 * Serves a built H5 app with sirv: hashed assets (`js/app.1a2b3c4d.js`) cached for a year as
 * immutable, index.html always revalidated, any other path without a file extension answered
 * with index.html (the app routes by hash), text assets gzip- or brotli-compressed as the browser
 * accepts. sirv serves precompressed `.br` / `.gz` siblings; the build has none, so they are made
 * once per build in a staging copy under `.data/h5-static/` (hard links to the build's files, plus
 * the compressed siblings), reused while the build is unchanged. A path that is not valid
 * percent-encoding (`/%E0%A4%A`) answers 400; the server keeps serving.
 */
export type StaticServer = { url: string; port: number; close: () => Promise<void> };

const repositoryRoot = path.resolve(__dirname, '..');
const compressible = /\.(?:html|js|mjs|css|json|map|svg|txt|xml|ttf|ico)$/i;
const hashedName = /[.-][0-9a-f]{8,}\.\w+$/i;
const minCompressBytes = 1024;

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, base);
    return entry.isFile() ? [path.relative(base, full)] : [];
  });
}

/** A copy of the build (hard links where the file system allows) with `.br` and `.gz` beside every text asset. */
function stageCompressed(root: string): string {
  const files = filesUnder(root).filter((name) => !/\.(?:br|gz)$/.test(name)).sort();
  const fingerprint = createHash('sha256');
  fingerprint.update(root);
  for (const name of files) {
    const info = statSync(path.join(root, name));
    fingerprint.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
  }
  const stagingRoot = path.join(repositoryRoot, '.data', 'h5-static');
  const staging = path.join(stagingRoot, fingerprint.digest('hex').slice(0, 16));
  if (existsSync(staging)) return staging;
  // Built aside and renamed into place: suites starting servers in parallel never see half of one.
  const building = `${staging}.${process.pid}.${Date.now()}.tmp`;
  for (const name of files) {
    const source = path.join(root, name);
    const target = path.join(building, name);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
    if (!compressible.test(name)) continue;
    const bytes = readFileSync(source);
    if (bytes.length < minCompressBytes) continue;
    writeFileSync(`${target}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(`${target}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  }
  try {
    renameSync(building, staging);
  } catch (error) {
    // Another server staged the same build first: use that one.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(staging)) throw error;
  }
  // Staging copies of builds a day old and more are gone builds.
  for (const entry of readdirSync(stagingRoot)) {
    const full = path.join(stagingRoot, entry);
    if (full !== staging && Date.now() - statSync(full).mtimeMs > 24 * 3600 * 1000) rmSync(full, { recursive: true, force: true });
  }
  return staging;
}

function isWellFormedPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export async function serveStatic({ dir, port = 0, host = '127.0.0.1' }: { dir: string; port?: number; host?: string }): Promise<StaticServer> {
  const root = path.resolve(dir);
  const indexFile = path.join(root, 'index.html');
  const indexExists = existsSync(indexFile) && statSync(indexFile).isFile();
  if (!indexExists) throw new Error(`${indexFile} is missing: build the H5 app first (npm run build:h5 -w miniprogram)`);

  const serve = sirv(stageCompressed(root), {
    single: true,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (response, pathname) => {
      const isIndex = pathname === '/' || pathname.endsWith('.html') || !/\.\w+$/.test(pathname);
      response.setHeader('Cache-Control', isIndex ? 'no-cache' : hashedName.test(pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      response.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });

  const server = http.createServer((request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Method Not Allowed');
        return;
      }
      if (!isWellFormedPath(request.url ?? '/')) {
        response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Bad Request');
        return;
      }
      serve(request, response);
    } catch {
      // Whatever a request does, it ends here and not in the process.
      if (!response.headersSent) response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
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
