import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveStatic, type StaticServer } from '../../scripts/static-server';

/** The H5 static server (sirv) on a small build of its own: caching, compression, SPA fallback, malformed URLs. */
let dir: string;
let server: StaticServer;
/** Like the one Taro's H5 template inlines (rem sizing). */
const inlineScript = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const appJs = `console.log(${JSON.stringify('政务掌上通'.repeat(400))});\n`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govpocket-h5-'));
  mkdirSync(path.join(dir, 'js'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><script>${inlineScript}</script><script src="/js/app.1a2b3c4d.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`);
  writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), appJs);
  writeFileSync(path.join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  server = await serveStatic({ dir });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rawRequest(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(bytes);
  });
}

const rawGet = (target: string): Promise<string> => rawRequest(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

/** The security headers every answer carries (names lower-case, as fetch or a raw answer shows them). */
function expectSecurityHeaders(get: (name: string) => string | null | undefined, label: string): void {
  expect([label, get('x-frame-options'), get('x-content-type-options'), get('referrer-policy')]).toEqual([label, 'DENY', 'nosniff', 'no-referrer']);
  expect([label, get('content-security-policy')]).toEqual([label, expect.stringContaining("frame-ancestors 'none'")]);
}

function rawHeader(answer: string): (name: string) => string | undefined {
  const head = answer.slice(0, answer.indexOf('\r\n\r\n'));
  return (name) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1];
}

describe('the H5 static server', () => {
  it('serves hashed assets as immutable for a year, compressed as the browser accepts', async () => {
    const plain = await fetch(`${server.url}/js/app.1a2b3c4d.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(appJs);

    // fetch() decompresses by itself: read the bytes through a raw socket instead.
    for (const [accept, encoding, decode] of [['br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
      const answer = await new Promise<{ headers: string; body: Buffer }>((resolve, reject) => {
        const socket = net.connect(server.port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('error', reject);
        socket.on('close', () => {
          const all = Buffer.concat(chunks);
          const split = all.indexOf('\r\n\r\n');
          resolve({ headers: all.subarray(0, split).toString('latin1'), body: all.subarray(split + 4) });
        });
        socket.write(`GET /js/app.1a2b3c4d.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${accept}\r\nConnection: close\r\n\r\n`);
      });
      expect(answer.headers).toMatch(new RegExp(`content-encoding: ${encoding}`, 'i'));
      expect(answer.headers).toMatch(/vary: accept-encoding/i);
      expect(answer.body.length).toBeLessThan(Buffer.byteLength(appJs) / 5);
      expect(decode(answer.body).toString('utf8')).toBe(appJs);
    }
  });

  it('revalidates index.html and answers any app path with it (hash routing); a missing asset is 404', async () => {
    for (const target of ['/', '/index.html', '/pages/guide/index', '/anything/deep']) {
      const answer = await fetch(`${server.url}${target}`);
      expect([target, answer.status, answer.headers.get('cache-control')]).toEqual([target, 200, 'no-cache']);
      expect(await answer.text()).toContain('/js/app.1a2b3c4d.js');
    }
    expect((await fetch(`${server.url}/js/missing.1a2b3c4d.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/favicon.ico`)).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers a malformed URL with 400 and keeps serving', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/js/%ZZ.js', '/%ED%A0%80', '/a%00b']) {
      const answer = await rawGet(target);
      expect([target, /^HTTP\/1\.1 (400|200|404) /.test(answer)]).toEqual([target, true]);
    }
    expect(await rawGet('/%E0%A4%A')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await rawGet('/a b c')).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('never leaves the build directory', async () => {
    for (const target of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/js/../../package.json']) {
      const answer = await rawGet(target);
      expect(answer).not.toContain('"name": "govpocket"');
    }
  });

  it('sends security headers on every answer, with a CSP that lets the inline script of index.html run and nothing else inline', async () => {
    const answers = await Promise.all(['/', '/js/app.1a2b3c4d.js', '/favicon.ico', '/js/missing.1a2b3c4d.js', '/%ZZ'].map(async (target) => [target, await fetch(`${server.url}${target}`)] as const));
    for (const [target, answer] of answers) expectSecurityHeaders((name) => answer.headers.get(name), target);
    const csp = answers[0]?.[1].headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
    const inlineHash = `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`;
    expect(directives.get('script-src')).toEqual(["'self'", inlineHash]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // Unset connect origins: the loopback ports the app itself accepts as overrides (tests run their BFF on a free port).
    expect(directives.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'http://127.0.0.1:*', 'http://localhost:*']));
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    // A 304 revalidation carries them too.
    const etag = answers[0]?.[1].headers.get('etag') ?? '';
    const revalidated = await fetch(`${server.url}/`, { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expectSecurityHeaders((name) => revalidated.headers.get(name), '304');
  });

  it('allows requests only to the origins it is given (the demo passes its BFF and fake WeChat)', async () => {
    const scoped = await serveStatic({ dir, connectOrigins: ['http://127.0.0.1:3000/', 'http://127.0.0.1:9800'] });
    try {
      const csp = (await fetch(`${scoped.url}/`)).headers.get('content-security-policy') ?? '';
      const connect = csp.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('connect-src'));
      expect(connect).toBe("connect-src 'self' blob: data: http://127.0.0.1:3000 http://127.0.0.1:9800");
      expect(csp).toContain("img-src 'self' data: blob: http://127.0.0.1:3000 http://127.0.0.1:9800");
      expect(csp).not.toContain('127.0.0.1:*');
    } finally {
      await scoped.close();
    }
    await expect(serveStatic({ dir, connectOrigins: ['javascript:alert(1)'] })).rejects.toThrow(/connectOrigins/);
  });

  it('answers errors with a small Chinese page: malformed paths 400, other methods 405 with Allow, missing assets 404', async () => {
    for (const target of ['/%', '/%ZZ', '/%ED%A0%80', '/static/%FF']) {
      const answer = await fetch(`${server.url}${target}`);
      expect([target, answer.status, answer.headers.get('content-type')]).toEqual([target, 400, 'text/html; charset=utf-8']);
      const page = await answer.text();
      expect(page).toContain('请求地址无效');
      expect(page).not.toContain('Bad Request');
      expectSecurityHeaders((name) => answer.headers.get(name), target);
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await fetch(`${server.url}/`, { method, body: method === 'POST' || method === 'PUT' ? 'x' : undefined });
      expect([method, answer.status, answer.headers.get('allow'), answer.headers.get('content-type')]).toEqual([method, 405, 'GET, HEAD', 'text/html; charset=utf-8']);
      expect(await answer.text()).toContain('不支持该请求方式');
      expectSecurityHeaders((name) => answer.headers.get(name), method);
    }
    const missing = await fetch(`${server.url}/js/missing.1a2b3c4d.js`);
    expect([missing.status, missing.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    expect(await missing.text()).toContain('页面不存在');
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('answers requests Node cannot parse (raw 0xFF target, 70 KB of headers, garbage) with the Chinese page and the security headers', async () => {
    const cases: [string, string | Buffer, number, string][] = [
      ['raw 0xFF', Buffer.concat([Buffer.from('GET /'), Buffer.from([0xff]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]), 400, '请求地址无效'],
      ['70 KB header', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\n\r\n`, 431, '请求头过大'],
      ['garbage', 'this is not http at all\r\n\r\n', 400, '请求地址无效'],
    ];
    for (const [label, bytes, status, title] of cases) {
      const answer = await rawRequest(bytes);
      expect([label, answer.split('\r\n')[0]]).toEqual([label, expect.stringMatching(new RegExp(`^HTTP/1\\.1 ${status} `))]);
      const header = rawHeader(answer);
      expect([label, header('content-type')]).toEqual([label, 'text/html; charset=utf-8']);
      expectSecurityHeaders(header, label);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      expect([label, Buffer.byteLength(body)]).toEqual([label, Number(header('content-length'))]);
      expect(body).toContain(title);
    }
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});
