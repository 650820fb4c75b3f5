import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveStatic, type StaticServer } from '../../scripts/static-server';

/** The H5 static server (sirv) on a small build of its own: caching, compression, SPA fallback, malformed URLs. */
let dir: string;
let server: StaticServer;
const appJs = `console.log(${JSON.stringify('政务掌上通'.repeat(400))});\n`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'govpocket-h5-'));
  mkdirSync(path.join(dir, 'js'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><script src="/js/app.1a2b3c4d.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`);
  writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), appJs);
  writeFileSync(path.join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  server = await serveStatic({ dir });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rawGet(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
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
});
