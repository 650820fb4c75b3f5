import { uploadedImageSchema, letterLookupResponseSchema, letterReceiptResponseSchema, mailboxListResponseSchema, residentLetterResponseSchema } from '@govpocket/shared';
import sharp from 'sharp';
import { loadDefaultWordFilter } from '../../bff/src/modules/content-safety/word-filter';
import { recheckPendingLetters } from '../../bff/src/modules/mailbox/jobs';
import { createWechat } from '../../bff/src/modules/wechat';
import { loginAs } from '../support/factories';
import { api, createResident, letterInput, letterKey, postLetter, shanghaiDate, startMailboxEnv, submit, type MailboxEnv } from './mailbox-env';

/** The resident writes: mailboxes, validation, content safety, idempotency, limits, images, receipt, look-up. */
let env: MailboxEnv;

beforeAll(async () => {
  env = await startMailboxEnv('2026-09-29 10:00');
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => {
  env.setNow('2026-09-29 10:00');
  env.fake.control.setOutage('none');
});

describe('mailboxes', () => {
  it('lists active mailboxes with office, promised reply days and accept days', async () => {
    const response = await api(env).get('/mailboxes');
    expect(response.status).toBe(200);
    const mine = mailboxListResponseSchema.parse(response.body).mailboxes.find((mailbox) => mailbox.id === env.world.mailboxId);
    expect(mine).toMatchObject({ kind: 'LEADER', promisedDays: 15, acceptDays: 2 });
    expect(mine?.officeName).toMatch(/^测试市政府办公室/);
  });
});

describe('submitting a letter', () => {
  it('returns the tracking code and expected dates in working days (accept deadline after National Day)', async () => {
    const resident = await createResident(env);
    const response = await postLetter(env, resident, letterInput(env));
    expect(response.status).toBe(201);
    const { letter } = letterReceiptResponseSchema.parse(response.body);
    expect(letter.trackingCode).toMatch(/^QJ[A-Z2-9]{8}$/);
    expect(letter).toMatchObject({ status: 'SUBMITTED', contentCheckStatus: 'PASS' });
    // 09-29 (Tue) + 2 working days: 09-30, then 10-01…10-07 are the holiday → 10-08.
    expect(shanghaiDate(letter.expectedAcceptBy)).toBe('2026-10-08');
    // + 15 working days from 10-08, counting the 10-10 (Saturday) make-up workday → 10-28.
    expect(shanghaiDate(letter.expectedReplyBy)).toBe('2026-10-28');
    const row = await env.prisma.letter.findUniqueOrThrow({ where: { id: letter.id }, include: { events: true } });
    expect(row.contactPhoneEncrypted).not.toContain(resident.phone);
    expect(row.events.map((event) => event.action)).toEqual(['SUBMIT']);
    expect(await env.prisma.auditLog.count({ where: { entityId: letter.id, action: 'LETTER_SUBMIT' } })).toBe(1);
  });

  it('makes a double tap one letter with the Idempotency-Key, and refuses the key reused for other content', async () => {
    const resident = await createResident(env);
    const key = letterKey();
    const [first, second] = await Promise.all([postLetter(env, resident, letterInput(env), key), postLetter(env, resident, letterInput(env), key)]);
    expect([first.status, second.status].filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    const replay = await postLetter(env, resident, letterInput(env), key);
    expect(replay.status).toBe(201);
    expect(replay.body.letter.trackingCode).toBe(first.status === 201 ? first.body.letter.trackingCode : second.body.letter.trackingCode);
    expect(await env.prisma.letter.count({ where: { residentId: resident.userId } })).toBe(1);
    const reused = await postLetter(env, resident, letterInput(env, { title: '另一个不同的标题内容' }), key);
    expect(reused.status).toBe(422);
    const missing = await api(env).post('/letters').set(resident.auth).send(letterInput(env));
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error)).toContain('Idempotency-Key');
  });

  it('limits new letters per resident per hour (a replayed key does not count)', async () => {
    const resident = await createResident(env);
    for (let index = 0; index < 5; index += 1) expect((await postLetter(env, resident, letterInput(env))).status).toBe(201);
    const limited = await postLetter(env, resident, letterInput(env));
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toBe('提交信件过于频繁，请稍后再试');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('validates title, body, type, mailbox and images with readable messages', async () => {
    const resident = await createResident(env);
    const short = await postLetter(env, resident, letterInput(env, { title: '太短' }));
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(short.body.error)).toContain('标题至少5个字');
    expect((await postLetter(env, resident, letterInput(env, { body: '太短了' }))).status).toBe(400);
    expect((await postLetter(env, resident, { ...letterInput(env), type: 'PRAISE' } as never)).status).toBe(400);
    const noMailbox = await postLetter(env, resident, letterInput(env, { mailboxId: 'nonexistent' }));
    expect(noMailbox.status).toBe(404);
    expect((await postLetter(env, resident, letterInput(env, { imageFileIds: Array.from({ length: 10 }, (_, index) => `f${index}`) }))).status).toBe(400);
    expect((await postLetter(env, resident, letterInput(env, { imageFileIds: ['not-mine'] }))).status).toBe(400);
  });

  it('needs a bound phone and a login', async () => {
    const anonymous = await api(env).post('/letters').set('Idempotency-Key', letterKey()).send(letterInput(env));
    expect(anonymous.status).toBe(401);
    const { auth } = await loginAs(env);
    const noPhone = await api(env).post('/letters').set(auth).set('Idempotency-Key', letterKey()).send(letterInput(env));
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.message).toContain('手机号');
  });

  it('attaches up to 9 of the resident own uploaded images, shown back through signed URLs', async () => {
    const resident = await createResident(env);
    const bytes = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#2a7' } }).png().toBuffer();
    const ids: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const uploaded = await api(env).post('/files/images').set(resident.auth).field('purpose', 'LETTER_IMAGE').attach('file', bytes, { filename: `p${index}.png`, contentType: 'image/png' });
      expect(uploaded.status).toBe(201);
      ids.push(uploadedImageSchema.parse(uploaded.body).fileId);
    }
    const other = await createResident(env);
    expect((await postLetter(env, other, letterInput(env, { imageFileIds: ids }))).status).toBe(400);
    const receipt = await submit(env, resident, { imageFileIds: ids });
    const detail = residentLetterResponseSchema.parse((await api(env).get(`/letters/${receipt.id}`).set(resident.auth)).body).letter;
    expect(detail.images).toHaveLength(2);
    expect(detail.images[0]?.url).toMatch(/\/files\/.+sig=/);
  });

  it('refuses blocked or risky text (422) and stores nothing', async () => {
    const resident = await createResident(env);
    const blocked = await postLetter(env, resident, letterInput(env, { body: '有人在小区门口代开发票，请有关部门查处一下这个问题。' }));
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('CONTENT_REJECTED');
    expect(await env.prisma.letter.count({ where: { residentId: resident.userId } })).toBe(0);
  });

  it('stores the letter as pending review when msgSecCheck is down — not lost, not publishable until checked', async () => {
    const resident = await createResident(env);
    env.fake.control.setOutage('http-503', 'mini-program');
    const receipt = await submit(env, resident);
    expect(receipt.contentCheckStatus).toBe('PENDING');
    env.fake.control.setOutage('none');
    const wechat = createWechat(env.config, env.redis);
    expect(await recheckPendingLetters({ ...env.jobs, contentSafety: { wechat: wechat.miniProgram, words: loadDefaultWordFilter() } })).toBeGreaterThanOrEqual(1);
    expect((await env.prisma.letter.findUniqueOrThrow({ where: { id: receipt.id } })).contentCheckStatus).toBe('PASS');
  });

  it('never lets a 举报 be published, whatever the resident ticked', async () => {
    const resident = await createResident(env);
    const receipt = await submit(env, resident, { type: 'REPORT', title: '举报某餐馆无证经营', body: '滨江路某餐馆长期无证经营，卫生条件很差，请有关部门查处。', isPublishAgreed: true });
    expect((await env.prisma.letter.findUniqueOrThrow({ where: { id: receipt.id } })).isPublishAgreed).toBe(false);
  });
});

describe('我的留言 and look-up', () => {
  it('lists my letters with the public timeline only, and hides other residents letters', async () => {
    const resident = await createResident(env);
    const receipt = await submit(env, resident);
    await api(env).post(`/staff/letters/${receipt.id}/notes`).set(env.world.office.auth).send({ body: '内部备注：与去年的来信相似' });
    const list = await api(env).get('/letters').set(resident.auth);
    expect(list.body.letters.map((letter: { id: string }) => letter.id)).toContain(receipt.id);
    const detail = residentLetterResponseSchema.parse((await api(env).get(`/letters/${receipt.id}`).set(resident.auth)).body).letter;
    expect(detail.timeline.map((entry) => entry.label)).toEqual(['提交来信']);
    expect(JSON.stringify(detail)).not.toContain('内部备注');
    const stranger = await createResident(env);
    expect((await api(env).get(`/letters/${receipt.id}`).set(stranger.auth)).status).toBe(404);
  });

  it('finds a letter without login by tracking code + last 4 phone digits; a wrong pair is 404', async () => {
    const resident = await createResident(env, '13912345678');
    const receipt = await submit(env, resident);
    const found = await api(env).post('/letters/lookup').send({ trackingCode: receipt.trackingCode.toLowerCase(), phoneLast4: '5678' });
    expect(found.status).toBe(200);
    const { letter } = letterLookupResponseSchema.parse(found.body);
    expect(letter).toMatchObject({ trackingCode: receipt.trackingCode, status: 'SUBMITTED', statusLabel: '待受理' });
    expect(JSON.stringify(found.body)).not.toContain('13912345678');
    const wrong = await api(env).post('/letters/lookup').send({ trackingCode: receipt.trackingCode, phoneLast4: '0000' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe('查询码或手机号后4位不正确');
    expect((await api(env).post('/letters/lookup').send({ trackingCode: receipt.trackingCode, phoneLast4: '56' })).status).toBe(400);
  });
});
