import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerUnparsedRequest } from '../bff/src/platform/http/unparsed-request';
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
 *
 * Every answer carries security headers: a Content-Security-Policy made for the Taro H5 build
 * (scripts only from the origin plus the hashes of index.html's own inline scripts, styles from
 * the origin and inline — React style attributes and NutUI need them —, requests only to the
 * origin and the given BFF / fake-WeChat origins), frame-ancestors 'none' and X-Frame-Options
 * DENY, nosniff, no-referrer. Errors (400, 404, 405, 431, and requests Node cannot parse) answer
 * a small Chinese HTML page.
 */
export type StaticServer = { url: string; port: number; close: () => Promise<void> };

export type ServeStaticOptions = {
  dir: string;
  port?: number;
  host?: string;
  /**
   * Origins the app talks to (the BFF, the fake WeChat of the demo): CSP connect-src and img-src
   * (signed image URLs come from the BFF). Unset: any loopback port, which is exactly what the app
   * itself accepts as a `?api=` / `?wx=` override (tests run their BFF on a free port).
   */
  connectOrigins?: readonly string[];
};

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

const loopbackOrigins = ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'];

/** The origin (scheme://host[:port]) of a URL, refusing anything that is not http(s) or would break the header. */
function originOf(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`connectOrigins: ${url} is not an http(s) URL`);
  return parsed.origin;
}

/** sha256 sources of the inline scripts of index.html (Taro's template puts its rem-sizing script inline). */
function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', content = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || content === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export function contentSecurityPolicy(indexHtml: string, connectOrigins?: readonly string[]): string {
  const remotes = connectOrigins ? connectOrigins.map(originOf) : loopbackOrigins;
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(indexHtml)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...remotes].join(' '),
    "font-src 'self' data:",
    // blob: / data: — Taro's H5 uploadFile reads the chosen image's object URL with an XHR.
    ["connect-src 'self' blob: data:", ...remotes].join(' '),
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

const errorTexts: Record<number, { reason: string; title: string; hint: string }> = {
  400: { reason: 'Bad Request', title: '请求地址无效', hint: '请检查网址是否完整正确，或返回首页。' },
  404: { reason: 'Not Found', title: '页面不存在', hint: '您访问的文件不存在，请返回首页。' },
  405: { reason: 'Method Not Allowed', title: '不支持该请求方式', hint: '本站只提供页面浏览，请返回首页。' },
  408: { reason: 'Request Timeout', title: '请求超时', hint: '请刷新后重试。' },
  431: { reason: 'Request Header Fields Too Large', title: '请求头过大', hint: '请清除本站的浏览数据后刷新重试。' },
};

/** The small Chinese page every error answers with. */
function errorPage(status: number): string {
  const text = errorTexts[status] ?? errorTexts[400]!;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${text.title} - 政务掌上通</title></head>` +
    `<body><h1>${text.title}</h1><p>${text.hint}</p><p><a href="/">返回首页</a></p></body></html>\n`;
}

function answerError(response: http.ServerResponse, status: number, headers: Record<string, string>, extra: Record<string, string> = {}): void {
  const body = errorPage(status);
  response.writeHead(status, { ...headers, ...extra, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store' });
  response.end(body);
}

export async function serveStatic({ dir, port = 0, host = '127.0.0.1', connectOrigins }: ServeStaticOptions): Promise<StaticServer> {
  const root = path.resolve(dir);
  const indexFile = path.join(root, 'index.html');
  const indexExists = existsSync(indexFile) && statSync(indexFile).isFile();
  if (!indexExists) throw new Error(`${indexFile} is missing: build the H5 app first (npm run build:h5 -w miniprogram)`);
  const headers = securityHeaders(contentSecurityPolicy(readFileSync(indexFile, 'utf8'), connectOrigins));

  const serve = sirv(stageCompressed(root), {
    single: true,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (response, pathname) => {
      const isIndex = pathname === '/' || pathname.endsWith('.html') || !/\.\w+$/.test(pathname);
      response.setHeader('Cache-Control', isIndex ? 'no-cache' : hashedName.test(pathname) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
    onNoMatch: (_request, response) => answerError(response, 404, headers),
  });

  const server = http.createServer((request, response) => {
    try {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        answerError(response, 405, headers, { Allow: 'GET, HEAD' });
        return;
      }
      if (!isWellFormedPath(request.url ?? '/')) {
        answerError(response, 400, headers);
        return;
      }
      serve(request, response);
    } catch {
      // Whatever a request does, it ends here and not in the process.
      if (!response.headersSent) answerError(response, 400, headers);
      else response.end();
    }
  });
  // Requests Node cannot parse get the error page and the security headers too, not Node's empty 400.
  server.on('clientError', (error: Error & { code?: string }, socket) =>
    answerUnparsedRequest(error, socket, (status) => ({ headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body: errorPage(status) })),
  );
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
