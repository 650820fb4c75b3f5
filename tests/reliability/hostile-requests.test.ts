import net from 'node:net';
import { errorBodySchema } from '@govpocket/shared';
import { startBffProcess, stopProcess, type BffProcess } from '../support/bff-process';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';
import { freePort } from '../support/private-server';

/**
 * Requests found by attacking a real BFF process from outside: each once took the process down
 * or answered 500 / an empty body. The process must answer each with the error shape and keep
 * serving.
 */
let t: WechatTestApp;
let bff: BffProcess;
let resident: LoggedIn;
let admin: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  resident = await loginAs(t);
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
  bff = await startBffProcess({
    port: await freePort(),
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: process.env.REDIS_URL ?? '',
      REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX,
      SHUTDOWN_TIMEOUT_MS: '2000',
    },
  });
}, 60_000);

afterAll(async () => {
  if (bff) await stopProcess(bff.child, 'SIGTERM');
  await t?.close();
});

type RawAnswer = { status: number; headers: string; body: string };

/** Sends bytes as they are (no client library tidies the request line up) and reads the answer. */
function raw(bytes: string | Buffer): Promise<RawAnswer> {
  const { port } = new URL(bff.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // The whole answer is in once a complete (or chunked, terminated) body follows the head.
      const text = Buffer.concat(chunks).toString('utf8');
      const length = /\r\ncontent-length: (\d+)/i.exec(text);
      const headEnd = text.indexOf('\r\n\r\n');
      if (headEnd >= 0 && ((length && Buffer.byteLength(text.slice(headEnd + 4)) >= Number(length[1])) || text.endsWith('\r\n0\r\n\r\n'))) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: rest.join('\r\n\r\n') });
    });
    // Written, not ended: a half-closed connection is one the server may drop without answering.
    socket.write(bytes);
    socket.setTimeout(5000, () => socket.destroy());
  });
}

async function expectAlive(): Promise<void> {
  expect(bff.child.exitCode).toBeNull();
  expect(bff.child.signalCode).toBeNull();
  const health = await fetch(`${bff.url}/healthz`);
  expect(health.status).toBe(200);
}

function expectErrorShape(answer: { status: number; body: string }, statuses: number[]): void {
  expect(statuses).toContain(answer.status);
  const body: unknown = JSON.parse(answer.body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, ''));
  const parsed = errorBodySchema.parse(body);
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe('a truncated multipart upload', () => {
  it('answers 400 and leaves the process serving (the 196-byte request that killed it)', async () => {
    const body = '--X\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 cut here';
    const request = `POST /files/images HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${resident.auth.Authorization}\r\nContent-Type: multipart/form-data; boundary=X\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\nConnection: close\r\n\r\n`;
    const answer = await raw(Buffer.concat([Buffer.from(request), Buffer.from(body, 'latin1')]));
    expectErrorShape(answer, [400]);
    await expectAlive();
  });

  it('answers 400 to a malformed multipart envelope (no boundary line, part without headers, an ignored second part cut off)', async () => {
    const bodies = [
      'garbage without any boundary',
      '--X\r\n\r\nno headers at all',
      '--X\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc\r\n--X\r\nContent-Disposition: form-data; name="other"; filename="b.jpg"\r\n\r\ncut',
    ];
    for (const body of bodies) {
      const answer = await fetch(`${bff.url}/files/images`, { method: 'POST', headers: { ...resident.auth, 'Content-Type': 'multipart/form-data; boundary=X' }, body });
      expect([body, answer.status]).toEqual([body, answer.status >= 400 && answer.status < 500 ? answer.status : 'a 4xx']);
      expect(errorBodySchema.safeParse(await answer.json()).success).toBe(true);
    }
    await expectAlive();
  });
});

describe('a Content-Encoding that does not match the body', () => {
  it.each(['gzip', 'br', 'deflate', 'compress', 'x-unknown'])('answers a plain JSON body declared %s with 400/415 in the error shape, anonymous or signed in', async (encoding) => {
    for (const [path, auth] of [['/auth/wechat', {}], ['/me/consents', resident.auth]] as const) {
      const answer = await fetch(`${bff.url}${path}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body: '{"code":"x"}' });
      expect([path, encoding, answer.status === 400 || answer.status === 415]).toEqual([path, encoding, true]);
      expect(errorBodySchema.safeParse(await answer.json()).success).toBe(true);
    }
    await expectAlive();
  });
});

describe('a lone UTF-16 surrogate in free text', () => {
  it('answers a clear 400, writes nothing, and is refused in any JSON body before a route sees it', async () => {
    const answer = await fetch(`${bff.url}/admin/calendar/days/2027-06-18`, { method: 'PUT', headers: { ...admin.auth, 'Content-Type': 'application/json' }, body: '{"kind":"HOLIDAY","name":"端午\\ud800节"}' });
    expect(answer.status).toBe(400);
    const body = errorBodySchema.parse(await answer.json());
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await t.prisma.calendarDay.count({ where: { date: new Date('2027-06-18T00:00:00Z') } })).toBe(0);
    // A low surrogate alone, and one inside a key, are refused as well.
    for (const text of ['{"kind":"HOLIDAY","name":"\\udc00"}', '{"kind":"HOLIDAY","name":"节","\\ud83d":1}']) {
      expect((await fetch(`${bff.url}/admin/calendar/days/2027-06-18`, { method: 'PUT', headers: { ...admin.auth, 'Content-Type': 'application/json' }, body: text })).status).toBe(400);
    }
    // A proper pair (an emoji) is text like any other.
    const emoji = await fetch(`${bff.url}/admin/calendar/days/2027-06-18`, { method: 'PUT', headers: { ...admin.auth, 'Content-Type': 'application/json' }, body: '{"kind":"HOLIDAY","name":"端午\\ud83c\\udf8b"}' });
    expect(emoji.status).toBe(200);
    await expectAlive();
  });

  it('is refused on every route that copies free text into the audit log (cancel reasons, schedule and hall-cancel reasons), with the field named', async () => {
    const targets = [
      ['POST', '/appointments/any/cancel', { reason: '临时有事\ud800' }],
      ['POST', '/staff/halls/any/days/2027-06-18/cancel', { reason: '\udfff停电' }],
      ['POST', '/staff/halls/any/slots/any/cancel', { reason: 'a\ud800b' }],
      ['POST', '/admin/halls/any/schedule-overrides', { date: '2027-06-18', isClosed: true, reason: '\ud800' }],
      ['POST', '/letters', { title: '标题', body: '正文\ud800' }],
    ] as const;
    const auditedBefore = await t.prisma.auditLog.count({ where: { actorUserId: admin.userId } });
    for (const [method, path, body] of targets) {
      const answer = await fetch(`${bff.url}${path}`, { method, headers: { ...admin.auth, 'Content-Type': 'application/json', 'Idempotency-Key': `surrogate-${path.length}-${Date.now()}` }, body: JSON.stringify(body) });
      const parsed = errorBodySchema.parse(await answer.json());
      expect([path, answer.status, parsed.error.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(parsed.error.details)).toMatch(/reason|body/);
    }
    expect(await t.prisma.auditLog.count({ where: { actorUserId: admin.userId } })).toBe(auditedBefore);
  });

  it('walks bodies nested thousands deep without overflowing (the check once answered 500 where JSON.parse did not)', async () => {
    for (const [body, status] of [['['.repeat(5000) + ']'.repeat(5000), 400], ['{"a":'.repeat(3000) + '"\\ud800"' + '}'.repeat(3000), 400]] as const) {
      const answer = await fetch(`${bff.url}/auth/wechat`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(answer.status).toBe(status);
      expect(errorBodySchema.safeParse(await answer.json()).success).toBe(true);
    }
    await expectAlive();
  });
});

describe('requests Node answers before the app', () => {
  it.each([
    ['a bad request target', 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a raw 0xFF in the path', Buffer.concat([Buffer.from('GET /guides/'), Buffer.from([0xff]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')])],
    ['a header line without a colon', 'GET /healthz HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n'],
  ] as const)('answer %s with an error-shaped 400', async (_name, bytes) => {
    const answer = await raw(bytes);
    expectErrorShape(answer, [400]);
    expect(answer.headers).toMatch(/content-type: application\/json/i);
    await expectAlive();
  });

  it('answers headers too large with an error-shaped 431', async () => {
    const answer = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectErrorShape(answer, [431]);
    await expectAlive();
  });

  it('answers too many query parameters with the error shape, never an empty body', async () => {
    const query = Array.from({ length: 2000 }, (_, index) => `p${index}=1`).join('&');
    const answer = await fetch(`${bff.url}/guides?${query}`);
    expect(answer.status).toBeLessThan(500);
    expect(errorBodySchema.safeParse(await answer.json()).success || answer.status === 200).toBe(true);
    await expectAlive();
  });
});
