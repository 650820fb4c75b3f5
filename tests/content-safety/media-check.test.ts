import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { appointmentResponseSchema, hallRatingsResponseSchema, residentLetterResponseSchema, staffLetterResponseSchema, staffPreReviewsResponseSchema, uploadedImageSchema } from '@govpocket/shared';
import { createConfiguredMediaChecks } from '../../bff/src/modules/content-safety';
import { createWechat } from '../../bff/src/modules/wechat';
import { loadDefaultWordFilter } from '../../bff/src/modules/content-safety/word-filter';
import { recheckPendingRatingTexts } from '../../bff/src/modules/booking/rating-service';
import type { App } from '../../bff/src/app';
import { loginAs, type LoggedIn } from '../support/factories';
import { api as bookingApi, createBookingHall, createHallStaff, slotAt, startBookingEnv, type BookingEnv, type TestHall } from '../booking/booking-env';
import { api, createResident, letterInput, startMailboxEnv, submit, type MailboxEnv } from '../mailbox/mailbox-env';

/**
 * Images residents attach are judged by WeChat's mediaCheckAsync: the BFF hands WeChat a signed URL
 * of the image, the fake WeChat downloads it from the BFF over HTTP, and pushes its verdict to the
 * BFF's 消息推送 URL, signed with the push token. Staff see each image with its status; nothing
 * public ever shows an image. Rating comments pass the text check like letters.
 */
const pushToken = 'govpocket-fake-push-token';

/** The BFF on a real port reserved before the app exists, so its config can carry the public base URL WeChat downloads from. */
async function publicServer(): Promise<{ base: string; use: (app: App) => void; close: () => Promise<void> }> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    use: (app) => {
      const callback = app.callback();
      handler = (req, res) => void callback(req, res);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const pngOf = (colour: string): Promise<Buffer> => sharp({ create: { width: 8, height: 6, channels: 3, background: colour } }).png().toBuffer();

async function uploadImage(app: App, who: LoggedIn, purpose: 'LETTER_IMAGE' | 'PRE_REVIEW', colour: string): Promise<string> {
  const uploaded = await request(app.callback()).post('/files/images').set(who.auth).field('purpose', purpose).attach('file', await pngOf(colour), { filename: 'photo.png', contentType: 'image/png' });
  expect(uploaded.status).toBe(201);
  return uploadedImageSchema.parse(uploaded.body).fileId;
}

function signedPushQuery(token: string, offsetSeconds = 0): string {
  const timestamp = String(Math.floor(Date.now() / 1000) + offsetSeconds);
  const nonce = String(Math.floor(Math.random() * 1e9));
  const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
  return new URLSearchParams({ signature, timestamp, nonce }).toString();
}

const mediaEvent = (traceId: string, suggest: 'pass' | 'risky' | 'review') => ({
  ToUserName: 'gh_9d2f0a1b3c4e', FromUserName: 'o_x', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'wxa_media_check',
  appid: 'wx5f4c0d1e2a3b4c5d', trace_id: traceId, version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
});

describe('letter images', () => {
  let env: MailboxEnv;
  let server: Awaited<ReturnType<typeof publicServer>>;

  beforeAll(async () => {
    server = await publicServer();
    env = await startMailboxEnv('2026-09-29 10:00', { MEDIA_CHECK_FILE_BASE: server.base, WECHAT_MESSAGE_PUSH_TOKEN: pushToken });
    server.use(env.app);
    env.fake.control.setMessagePushUrl(`${server.base}/wechat/message-push`);
  }, 60_000);
  afterAll(async () => {
    await env.close();
    await server.close();
  });
  afterEach(() => {
    env.fake.control.holdMediaVerdicts(false);
    env.fake.control.setOutage('none');
  });

  const staffView = async (letterId: string) => staffLetterResponseSchema.parse((await api(env).get(`/staff/letters/${letterId}`).set(env.world.office.auth)).body).letter;
  const imageRows = (letterId: string) => env.prisma.letterAttachment.findMany({ where: { letterId }, orderBy: { sortOrder: 'asc' } });

  it('sends every image to WeChat, records the pushed verdicts, shows staff each status, and never shows an image publicly', async () => {
    const resident = await createResident(env);
    const ids = [await uploadImage(env.app, resident, 'LETTER_IMAGE', '#2a7'), await uploadImage(env.app, resident, 'LETTER_IMAGE', '#a27'), await uploadImage(env.app, resident, 'LETTER_IMAGE', '#27a')];
    // The signed URL changes with every request: the fake judges the image by its path.
    env.fake.control.setMediaVerdict(`/files/${ids[1]}`, { suggest: 'risky', label: 20002 });
    env.fake.control.setMediaVerdict(`/files/${ids[2]}`, { suggest: 'review', label: 20012 });
    env.fake.control.holdMediaVerdicts(true);

    const receipt = await submit(env, resident, { imageFileIds: ids });
    // The requests reached WeChat with URLs it could download: the fake fetched every image from the BFF.
    await env.fake.control.idle();
    // Requested in parallel: put the checks in the order of the images.
    const fileOf = (url: string): string => new URL(url).pathname.replace('/files/', '');
    const checks = env.fake.state.mediaChecks.filter((check) => check.openid === resident.openid).sort((a, b) => ids.indexOf(fileOf(a.mediaUrl)) - ids.indexOf(fileOf(b.mediaUrl)));
    expect(checks).toHaveLength(3);
    for (const [index, check] of checks.entries()) {
      expect(check.mediaUrl).toMatch(new RegExp(`^${server.base}/files/${ids[index]}\\?expires=\\d+&sig=`));
      expect(check).toMatchObject({ scene: 3, mediaType: 2, fetch: { status: 200, contentType: 'image/png' } });
    }
    expect((await imageRows(receipt.id)).map((row) => [row.checkStatus, row.checkTraceId])).toEqual(checks.map((check) => ['PENDING', check.traceId]));

    // Unchecked: staff see the images marked as such; the resident sees their own.
    expect((await staffView(receipt.id)).images.map((image) => image.checkStatus)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    const own = residentLetterResponseSchema.parse((await api(env).get(`/letters/${receipt.id}`).set(resident.auth)).body).letter;
    expect(own.images).toHaveLength(3);

    // WeChat answers (asynchronously, signed pushes to the BFF).
    for (const check of checks) await env.fake.control.pushMediaVerdict(check.traceId);
    await env.fake.control.idle();
    const pushes = env.fake.state.deliveries.filter((delivery) => checks.some((check) => check.traceId === delivery.subject));
    expect(pushes.map((push) => push.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    const rows = await imageRows(receipt.id);
    expect(rows.map((row) => [row.checkStatus, row.checkLabel])).toEqual([['PASS', 100], ['RISKY', 20002], ['REVIEW', 20012]]);
    expect(rows.every((row) => row.checkedAt !== null)).toBe(true);
    expect((await staffView(receipt.id)).images.map((image) => image.checkStatus)).toEqual(['PASS', 'RISKY', 'REVIEW']);
    expect(await env.prisma.auditLog.count({ where: { action: 'MEDIA_CHECK_RESULT', entityId: { in: rows.map((row) => row.id) } } })).toBe(3);

    // A repeated push of the same trace_id changes nothing (WeChat resends unacknowledged pushes).
    const again = await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken)}`).send(mediaEvent(checks[1]?.traceId ?? '', 'pass'));
    expect(again.status).toBe(200);
    expect(again.text).toBe('success');
    expect((await imageRows(receipt.id)).map((row) => row.checkStatus)).toEqual(['PASS', 'RISKY', 'REVIEW']);
    expect(await env.prisma.auditLog.count({ where: { action: 'MEDIA_CHECK_RESULT', entityId: { in: rows.map((row) => row.id) } } })).toBe(3);

    // 信件选登 never carries an image, whatever its verdict.
    await env.prisma.letter.update({ where: { id: receipt.id }, data: { isPublished: true, publishedAt: new Date(), publicTitle: '建议增设公交站台', publicBody: '建议增设站台。', publicReply: '已纳入计划。' } });
    const published = await api(env).get(`/public/letters/${receipt.id}`);
    expect(published.status).toBe(200);
    expect(JSON.stringify(published.body)).not.toContain('/files/');
    const list = await api(env).get('/public/letters');
    expect(JSON.stringify(list.body)).not.toContain('/files/');
  });

  it('refuses an unsigned or forged push (403) and changes nothing; answers the URL check with echostr', async () => {
    const resident = await createResident(env);
    env.fake.control.holdMediaVerdicts(true);
    const receipt = await submit(env, resident, { imageFileIds: [await uploadImage(env.app, resident, 'LETTER_IMAGE', '#777')] });
    const [row] = await imageRows(receipt.id);
    const traceId = row?.checkTraceId ?? '';
    expect(traceId).not.toBe('');

    const unsigned = await api(env).post('/wechat/message-push').send(mediaEvent(traceId, 'pass'));
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.error).toMatchObject({ code: 'FORBIDDEN', message: '推送签名无效' });
    const forged = await api(env).post(`/wechat/message-push?${signedPushQuery('not-the-token')}`).send(mediaEvent(traceId, 'pass'));
    expect(forged.status).toBe(403);
    const tampered = new URLSearchParams(signedPushQuery(pushToken));
    tampered.set('nonce', `${tampered.get('nonce') ?? ''}1`);
    expect((await api(env).post(`/wechat/message-push?${tampered.toString()}`).send(mediaEvent(traceId, 'pass'))).status).toBe(403);
    expect((await imageRows(receipt.id))[0]?.checkStatus).toBe('PENDING');

    const echo = await api(env).get(`/wechat/message-push?${signedPushQuery(pushToken)}&echostr=hello123`);
    expect(echo.status).toBe(200);
    expect(echo.text).toBe('hello123');
    expect((await api(env).get('/wechat/message-push?echostr=hello123')).status).toBe(403);

    // A signed push for a trace id never sent is refused (404), so that WeChat pushes it again.
    expect((await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken)}`).send(mediaEvent('unknown-trace', 'pass'))).status).toBe(404);
    // A genuine push, signed with the token, is recorded (whatever Content-Type it comes with).
    const genuine = await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken)}`).set('Content-Type', 'text/plain').send(JSON.stringify(mediaEvent(traceId, 'risky')));
    expect(genuine.status).toBe(200);
    expect((await imageRows(receipt.id))[0]?.checkStatus).toBe('RISKY');
  });

  it('refuses a stale or replayed push (a captured query with another body), acknowledges WeChat resending the same push, and checks the signature before the body', async () => {
    const resident = await createResident(env);
    env.fake.control.holdMediaVerdicts(true);
    const receipt = await submit(env, resident, { imageFileIds: [await uploadImage(env.app, resident, 'LETTER_IMAGE', '#313'), await uploadImage(env.app, resident, 'LETTER_IMAGE', '#131')] });
    const [first, second] = (await imageRows(receipt.id)).map((row) => row.checkTraceId ?? '');
    expect(first).not.toBe('');
    expect(second).not.toBe('');
    const statuses = async () => (await imageRows(receipt.id)).map((row) => row.checkStatus);

    // Correctly signed, but more than 5 minutes old or ahead: refused, nothing recorded.
    for (const offset of [-301, -3600, 301]) {
      const stale = await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken, offset)}`).send(mediaEvent(first ?? '', 'risky'));
      expect(stale.status).toBe(403);
      expect(stale.body.error).toMatchObject({ code: 'FORBIDDEN', message: '推送已过期（时间戳超出有效期）' });
    }
    expect((await api(env).get(`/wechat/message-push?${signedPushQuery(pushToken, -301)}&echostr=x`)).status).toBe(403);
    expect(await statuses()).toEqual(['PENDING', 'PENDING']);

    // A genuine push is recorded; WeChat resending it (same query, same body) is answered success and changes nothing.
    const query = signedPushQuery(pushToken);
    const genuine = JSON.stringify(mediaEvent(first ?? '', 'pass'));
    const accepted = await api(env).post(`/wechat/message-push?${query}`).set('Content-Type', 'application/json').send(genuine);
    expect([accepted.status, accepted.text]).toEqual([200, 'success']);
    expect(await statuses()).toEqual(['PASS', 'PENDING']);
    const audited = await env.prisma.auditLog.count({ where: { action: 'MEDIA_CHECK_RESULT' } });
    const resent = await api(env).post(`/wechat/message-push?${query}`).set('Content-Type', 'application/json').send(genuine);
    expect([resent.status, resent.text]).toEqual([200, 'success']);
    expect(await statuses()).toEqual(['PASS', 'PENDING']);
    expect(await env.prisma.auditLog.count({ where: { action: 'MEDIA_CHECK_RESULT' } })).toBe(audited);

    // The captured query reused with a hand-made body (a "risky" verdict for the other image): refused.
    const replay = await api(env).post(`/wechat/message-push?${query}`).send(mediaEvent(second ?? '', 'risky'));
    expect(replay.status).toBe(403);
    expect(replay.body.error).toMatchObject({ code: 'FORBIDDEN', message: '推送已被使用（重复的随机数）' });
    expect(await statuses()).toEqual(['PASS', 'PENDING']);
    expect(await env.prisma.auditLog.count({ where: { action: 'MEDIA_CHECK_RESULT' } })).toBe(audited);

    // Unsigned: 403 before the body is read, whatever the body is (too large, not JSON).
    const large = await api(env).post('/wechat/message-push').set('Content-Type', 'application/json').send(`{"a":"${'x'.repeat(300 * 1024)}"}`);
    expect(large.status).toBe(403);
    expect(large.body.error).toMatchObject({ code: 'FORBIDDEN', message: '推送签名无效' });
    const garbage = await api(env).post('/wechat/message-push').set('Content-Type', 'application/json').send('{not json');
    expect(garbage.status).toBe(403);
    // Signed but too large: 413; signed, not JSON: 400 in the error shape.
    expect((await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken)}`).set('Content-Type', 'application/json').send(`{"a":"${'x'.repeat(70 * 1024)}"}`)).status).toBe(413);
    const notJson = await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken)}`).set('Content-Type', 'application/json').send('{not json');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/[\u4e00-\u9fa5]/);

    // Secure mode (encrypted only) is not supported: refused (400) rather than acknowledged and lost.
    const encrypted = await api(env).post(`/wechat/message-push?${signedPushQuery(pushToken)}`).send({ Encrypt: 'AAAA' });
    expect(encrypted.status).toBe(400);
    expect(encrypted.body.error).toMatchObject({ code: 'BAD_REQUEST', message: '不支持安全模式的加密推送，请在消息推送中选择明文模式或兼容模式' });
    expect(await statuses()).toEqual(['PASS', 'PENDING']);
  });

  it('takes the fake WeChat\'s retry of an unacknowledged push (same signed query, same body)', async () => {
    const resident = await createResident(env);
    env.fake.control.holdMediaVerdicts(true);
    const receipt = await submit(env, resident, { imageFileIds: [await uploadImage(env.app, resident, 'LETTER_IMAGE', '#535')] });
    const [row] = await imageRows(receipt.id);
    const traceId = row?.checkTraceId ?? '';
    expect(traceId).not.toBe('');
    // The BFF does not know the trace id yet: the first attempt is 404, and WeChat retries a second later.
    await env.prisma.letterAttachment.update({ where: { id: row?.id ?? '' }, data: { checkTraceId: `${traceId}-hidden` } });
    await env.fake.control.pushMediaVerdict(traceId, { suggest: 'risky', label: 20002 });
    const delivery = () => env.fake.state.deliveries.find((candidate) => candidate.subject === traceId);
    for (let waited = 0; (delivery()?.attempts.length ?? 0) < 1 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(delivery()?.attempts[0]).toMatchObject({ status: 404 });
    await env.prisma.letterAttachment.update({ where: { id: row?.id ?? '' }, data: { checkTraceId: traceId } });
    await env.fake.control.idle();
    expect(delivery()?.status).toBe('acknowledged');
    expect(delivery()?.attempts.map((attempt) => attempt.status)).toEqual([404, 200]);
    expect((await imageRows(receipt.id))[0]?.checkStatus).toBe('RISKY');
  });

  it('asks again for images WeChat could not take while it was down, and again when a verdict never came', async () => {
    const resident = await createResident(env);
    const fileId = await uploadImage(env.app, resident, 'LETTER_IMAGE', '#555');
    env.fake.control.setOutage('http-503', 'mini-program');
    const receipt = await submit(env, resident, { imageFileIds: [fileId] });
    env.fake.control.setOutage('none');
    const [stored] = await imageRows(receipt.id);
    expect(stored).toMatchObject({ checkStatus: 'PENDING', checkTraceId: null });
    expect(stored?.checkRequestedAt).not.toBeNull();

    const mediaChecks = createConfiguredMediaChecks({ config: env.config, prisma: env.prisma, wechat: createWechat(env.config, env.redis).miniProgram, now: () => env.clock.now });
    // Within the retry lease nothing is asked twice.
    expect(await mediaChecks.request({ letterId: receipt.id })).toBe(0);
    env.setNow('2026-09-29 10:06');
    env.fake.control.holdMediaVerdicts(true);
    expect(await mediaChecks.request({ letterId: receipt.id })).toBe(1);
    const first = (await imageRows(receipt.id))[0]?.checkTraceId;
    expect(first).toBeTruthy();

    // The verdict never arrives (held): two hours later it is asked again under a new trace id.
    env.setNow('2026-09-29 11:00');
    expect(await mediaChecks.request({ letterId: receipt.id })).toBe(0);
    env.setNow('2026-09-29 12:07');
    env.fake.control.holdMediaVerdicts(false);
    expect(await mediaChecks.request({ letterId: receipt.id })).toBe(1);
    await env.fake.control.idle();
    const [checked] = await imageRows(receipt.id);
    expect(checked?.checkTraceId).not.toBe(first);
    expect(checked?.checkStatus).toBe('PASS');
    // The late verdict of the first request finds nothing pending under its trace id.
    await env.fake.control.pushMediaVerdict(first ?? '', { suggest: 'risky', label: 20002 });
    await env.fake.control.idle();
    expect((await imageRows(receipt.id))[0]?.checkStatus).toBe('PASS');
  });

  it('limits getPhoneNumber calls per user', async () => {
    const resident = await loginAs(env);
    await api(env).post('/me/consents').set(resident.auth).send({ kind: 'PRIVACY_POLICY', version: env.config.PRIVACY_POLICY_VERSION });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const { code } = env.fake.control.mintPhoneCode(resident.openid);
      statuses.push((await api(env).post('/me/phone').set(resident.auth).send({ code })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('holds a letter text for review like before, independent of its images', async () => {
    const resident = await createResident(env);
    const receipt = await submit(env, resident, letterInput(env, { body: '建议在小区门口增设快递柜，有需要可以加微信联系我，谢谢。' }));
    expect(receipt.contentCheckStatus).toBe('REVIEW');
  });
});

describe('pre-review photos and rating comments', () => {
  let env: BookingEnv;
  let server: Awaited<ReturnType<typeof publicServer>>;
  let hall: TestHall;
  let staff: LoggedIn;
  let uploadDir: string;

  beforeAll(async () => {
    server = await publicServer();
    uploadDir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-prereview-'));
    env = await startBookingEnv('2026-12-01 08:00', { env: () => ({ MEDIA_CHECK_FILE_BASE: server.base, WECHAT_MESSAGE_PUSH_TOKEN: pushToken, FILE_STORAGE_DIR: uploadDir }) });
    server.use(env.app);
    env.fake.control.setMessagePushUrl(`${server.base}/wechat/message-push`);
    hall = await createBookingHall(env, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', capacity: 4, slotMinutes: 60 }] });
    staff = await createHallStaff(env, hall.hallId);
  }, 60_000);
  afterAll(async () => {
    await env.close();
    await server.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  const staffApi = (method: 'get' | 'post', route: string) => bookingApi(env)[method](`/staff/halls/${hall.hallId}${route}`).set(staff.auth);

  it('checks pre-review photos and shows window staff each status', async () => {
    const resident = await loginAs(env);
    const material = await env.prisma.serviceItemMaterial.findFirstOrThrow({ where: { itemId: env.itemId }, select: { id: true } });
    const good = await uploadImage(env.app, resident, 'PRE_REVIEW', '#3a3');
    const bad = await uploadImage(env.app, resident, 'PRE_REVIEW', '#a33');
    env.fake.control.setMediaVerdict(`/files/${bad}`, { suggest: 'risky', label: 20002 });
    const slot = await slotAt(env, hall.hallId, '2026-12-02 10:00');
    const booked = await bookingApi(env).post('/appointments').set(resident.auth).set('Idempotency-Key', randomUUID())
      .send({ itemCode: env.itemCode, slotId: slot.id, preReviewFileIds: [{ materialId: material.id, fileId: good }, { materialId: material.id, fileId: bad }] });
    expect(booked.status).toBe(201);
    const { appointment } = appointmentResponseSchema.parse(booked.body);
    await env.fake.control.idle();
    const checks = env.fake.state.mediaChecks.filter((check) => check.openid === resident.openid);
    expect(checks.map((check) => ({ scene: check.scene, fetched: check.fetch && 'status' in check.fetch ? check.fetch.status : null }))).toEqual([{ scene: 1, fetched: 200 }, { scene: 1, fetched: 200 }]);

    const queue = staffPreReviewsResponseSchema.parse((await staffApi('get', '/pre-reviews')).body).items.filter((item) => item.appointmentId === appointment.id);
    const byPhoto = queue.map((item) => [item.fileUrl.includes(`/files/${good}?`) ? 'good' : 'bad', item.checkStatus, item.checkStatusLabel]).sort();
    expect(byPhoto).toEqual([['bad', 'RISKY', '未通过'], ['good', 'PASS', '通过']]);
  });

  /** Books, checks in, calls, serves and completes one visit; returns the appointment id. */
  async function visit(resident: LoggedIn, time: string): Promise<string> {
    env.setNow(`${time.slice(0, 10)} 07:00`);
    const booked = await bookingApi(env).post('/appointments').set(resident.auth).set('Idempotency-Key', randomUUID()).send({ itemCode: env.itemCode, slotId: (await slotAt(env, hall.hallId, time)).id });
    const { appointment } = appointmentResponseSchema.parse(booked.body);
    await staffApi('post', '/check-in').send({ code: appointment.checkInCode });
    await staffApi('post', `/windows/${hall.windowIds[0]}/call-next`);
    await staffApi('post', `/appointments/${appointment.id}/serve`);
    expect((await staffApi('post', `/appointments/${appointment.id}/complete`).send({ isCaseFinished: true })).status).toBe(200);
    return appointment.id;
  }

  it('passes rating comments through content safety: a blocked word is refused, a review word held from the hall', async () => {
    const resident = await loginAs(env);
    const first = await visit(resident, '2026-12-03 09:00');
    const refused = await bookingApi(env).post(`/appointments/${first}/rating`).set(resident.auth).send({ level: 'DISSATISFIED', text: '窗口旁边有人在代开发票，没人管' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CONTENT_REJECTED');
    expect(await env.prisma.rating.count({ where: { appointmentId: first } })).toBe(0);

    const held = await bookingApi(env).post(`/appointments/${first}/rating`).set(resident.auth).send({ level: 'SATISFIED', text: '服务很好，有事可以加微信联系' });
    expect(held.status).toBe(201);
    expect(await env.prisma.rating.findUniqueOrThrow({ where: { appointmentId: first }, select: { textCheckStatus: true } })).toEqual({ textCheckStatus: 'REVIEW' });
    const second = await visit(resident, '2026-12-04 09:00');
    expect((await bookingApi(env).post(`/appointments/${second}/rating`).set(resident.auth).send({ level: 'VERY_SATISFIED', text: '办理很快，窗口人员很耐心' })).status).toBe(201);

    const ratings = hallRatingsResponseSchema.parse((await staffApi('get', '/ratings')).body).items;
    expect(ratings.find((rating) => rating.text === '办理很快，窗口人员很耐心')).toMatchObject({ isTextHeld: false, level: 'VERY_SATISFIED' });
    expect(ratings.find((rating) => rating.level === 'SATISFIED')).toMatchObject({ text: null, isTextHeld: true });
    expect(JSON.stringify(ratings)).not.toContain('加微信');

    // WeChat unreachable: the comment is stored held (PENDING), then checked by the job.
    const third = await visit(resident, '2026-12-07 09:00');
    env.fake.control.setOutage('http-503', 'mini-program');
    const pending = await bookingApi(env).post(`/appointments/${third}/rating`).set(resident.auth).send({ level: 'SATISFIED', text: '取号机很方便，赞一个' });
    env.fake.control.setOutage('none');
    expect(pending.status).toBe(201);
    const heldRatings = hallRatingsResponseSchema.parse((await staffApi('get', '/ratings')).body).items;
    expect(JSON.stringify(heldRatings)).not.toContain('取号机很方便');
    const contentSafety = { wechat: createWechat(env.config, env.redis).miniProgram, words: loadDefaultWordFilter() };
    expect(await recheckPendingRatingTexts({ prisma: env.prisma, contentSafety })).toBeGreaterThanOrEqual(1);
    const shown = hallRatingsResponseSchema.parse((await staffApi('get', '/ratings')).body).items;
    expect(shown.find((rating) => rating.text === '取号机很方便，赞一个')).toMatchObject({ isTextHeld: false });
  });
});
