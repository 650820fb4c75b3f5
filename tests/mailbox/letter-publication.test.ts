import { publicLetterListResponseSchema, publishPreviewResponseSchema, residentLetterResponseSchema, staffLetterResponseSchema } from '@govpocket/shared';
import type { LoggedIn } from '../support/factories';
import { act, api, createResident, letterInput, postLetter, staffPost, startMailboxEnv, submit, toReplied, type MailboxEnv } from './mailbox-env';

/**
 * 信件选登 privacy through the API: the masked preview (every occurrence of a name, in title, body
 * and reply), the office's edit of the public copy (the resident's text untouched), withdrawal with
 * a reason, opt-in consent, and merged letters that never show another resident's tracking code.
 */
let env: MailboxEnv;

beforeAll(async () => {
  env = await startMailboxEnv('2026-11-02 09:30');
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => env.setNow('2026-11-02 09:30'));

const w = () => env.world;
const officeReply = '王小明同志：您好！您反映的滨江花园门口路灯损坏问题，经市城管局核实，已于11月5日修复。';
const letterText = {
  title: '王小明反映滨江路路灯损坏',
  body: '我叫王小明，住在滨江路18号3幢2单元501室，电话138-1234-5678。小区门口路灯坏了三个月，王小明已多次反映。',
};

/** A closed letter with consent, written with personal data, answered by a reply that names the writer. */
async function closedLetter(resident: LoggedIn, overrides: { title?: string; body?: string; reply?: string; supplement?: string } = {}): Promise<string> {
  const { reply = officeReply, supplement, ...text } = overrides;
  const { id } = await submit(env, resident, { ...letterText, ...text });
  if (supplement) {
    await act(env, w().office, id, 'supplement-request', { request: '请补充具体位置' });
    expect((await api(env).post(`/letters/${id}/supplement`).set(resident.auth).send({ response: supplement })).status).toBe(200);
  }
  await act(env, w().office, id, 'accept');
  await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
  await act(env, w().handlerA, id, 'reply', { body: reply, isSubmitted: true });
  await act(env, w().office, id, 'review-reply', { decision: 'APPROVE' });
  expect((await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' })).status).toBe(200);
  return id;
}

const preview = async (id: string) => publishPreviewResponseSchema.parse((await api(env).get(`/staff/letters/${id}/publish-preview`).set(w().office.auth).expect(200)).body);
const publicDetail = (id: string) => api(env).get(`/public/letters/${id}`);
const publicIds = async () => publicLetterListResponseSchema.parse((await api(env).get('/public/letters').query({ mailboxId: w().mailboxId, limit: 50 })).body).letters.map((letter) => letter.id);
const editText = (id: string, text: object) => api(env).put(`/staff/letters/${id}/public-text`).set(w().office.auth).send(text);

describe('the masked preview', () => {
  it('masks every occurrence of the name in the title, the body and the department’s reply, and the identifiers', async () => {
    const id = await closedLetter(await createResident(env));
    const { preview: copy, publication } = await preview(id);
    expect(copy).toEqual({
      title: '王**反映滨江路路灯损坏',
      body: '我叫王**，住在滨江路**号**幢**单元**室，电话138********。小区门口路灯坏了三个月，王**已多次反映。',
      reply: '王**同志：您好！您反映的滨江花园门口路灯损坏问题，经市城管局核实，已于11月5日修复。',
    });
    expect(publication).toEqual({ isPublished: false, isEdited: false, publishedAt: null, withdrawnAt: null, withdrawnReason: null });
    const published = publishPreviewResponseSchema.parse((await staffPost(env, w().office, id, 'publish')).body);
    expect(published.preview).toEqual(copy);
    expect(published.publication.isPublished).toBe(true);
    const shown = (await publicDetail(id).expect(200)).body.letter;
    expect(shown).toMatchObject({ title: copy.title, body: copy.body, reply: copy.reply });
    expect(JSON.stringify(shown)).not.toMatch(/王小明|小明|1234-5678|18号|501/);
  });

  it('masks a four-character compound-surname name and the resident’s registered name', async () => {
    const resident = await createResident(env);
    await env.prisma.user.update({ where: { id: resident.userId }, data: { nickname: '欧阳晓明' } });
    const id = await closedLetter(resident, { title: '学校门口早高峰拥堵严重', body: '欧阳晓明每天送孩子上学，校门口拥堵严重，希望增派交警疏导。电话１３９　１２３４　５６７８。' });
    const { preview: copy } = await preview(id);
    expect(copy.body).toBe('欧阳**每天送孩子上学，校门口拥堵严重，希望增派交警疏导。电话139********。');
  });
});

describe('the office edits the public copy', () => {
  it('publishes the edited copy; the resident’s own view and the staff view keep the original; edits are audited', async () => {
    const resident = await createResident(env);
    const id = await closedLetter(resident);
    const edited = { title: '反映滨江路路灯损坏', body: '小区门口路灯坏了三个月，多次反映未果。', reply: '您反映的路灯损坏问题已于11月5日修复。' };
    const saved = publishPreviewResponseSchema.parse((await editText(id, edited).expect(200)).body);
    expect(saved.preview).toEqual(edited);
    expect(saved.publication).toMatchObject({ isPublished: false, isEdited: true });
    expect(await publicIds()).not.toContain(id);
    await staffPost(env, w().office, id, 'publish').expect(200);
    expect((await publicDetail(id).expect(200)).body.letter).toMatchObject(edited);
    // re-edit after publication: the public page follows
    const again = { ...edited, body: '小区门口路灯坏了三个月。' };
    await editText(id, again).expect(200);
    expect((await publicDetail(id).expect(200)).body.letter.body).toBe(again.body);

    const own = residentLetterResponseSchema.parse((await api(env).get(`/letters/${id}`).set(resident.auth)).body).letter;
    expect({ title: own.title, body: own.body, reply: own.reply?.body }).toEqual({ ...letterText, reply: officeReply });
    const staff = staffLetterResponseSchema.parse((await api(env).get(`/staff/letters/${id}`).set(w().office.auth)).body).letter;
    expect({ title: staff.title, body: staff.body }).toEqual(letterText);
    expect(staff.events.filter((event) => event.action === 'EDIT_PUBLIC_TEXT')).toHaveLength(2);
    expect(await env.prisma.auditLog.count({ where: { entityId: id, action: 'LETTER_EDIT_PUBLIC_TEXT', actorUserId: w().office.userId } })).toBe(2);
    expect(await env.prisma.letter.findUniqueOrThrow({ where: { id }, select: { title: true, body: true } })).toEqual(letterText);
  });

  it('refuses an edit that un-masks a name, a phone or a door number, and edits by anyone but the owning office', async () => {
    const id = await closedLetter(await createResident(env));
    const withName = await editText(id, { title: '反映路灯损坏', body: '王小明反映路灯坏了。', reply: '已修复。' });
    expect(withName.status).toBe(400);
    expect(withName.body.error.message).toBe('公开文本中仍有未遮盖的个人信息（姓名），请遮盖后再保存');
    const withPhone = await editText(id, { title: '反映路灯损坏', body: '路灯坏了，电话138 1234 5678。', reply: '已修复，家住滨江路18号。' });
    expect(withPhone.status).toBe(400);
    expect(withPhone.body.error.message).toContain('电话、QQ号、微信号、查询码、身份证号、车牌或门牌号');
    for (const body of ['路灯坏了，电话一三八五七六一零零零二。', '路灯坏了，电话138.5761.0002。', '路灯坏了，电话138\u200b5761\u200b0002。', '路灯坏了，QQ：12345678。', '路灯坏了，微信号lf_2026。', '路灯坏了，查询码QJ8BHS4UUP。', '路灯坏了，电话138****0002。']) {
      expect((await editText(id, { title: '反映路灯损坏', body, reply: '已修复。' })).status).toBe(400);
    }
    expect((await editText(id, { title: '反映路灯损坏', body: '路灯坏了三个月。', reply: null })).body.error.message).toBe('请填写公开的答复内容');
    const foreign = await api(env).put(`/staff/letters/${id}/public-text`).set(w().otherOffice.auth).send({ title: '反映路灯损坏', body: '路灯坏了三个月。', reply: '已修复。' });
    expect(foreign.status).toBe(403);
    expect((await api(env).put(`/staff/letters/${id}/public-text`).set(w().handlerA.auth).send({ title: '反映路灯损坏', body: '路灯坏了三个月。', reply: '已修复。' })).status).toBe(403);
    expect((await preview(id)).publication.isEdited).toBe(false);
  });

  it('refuses editing a letter that is not closed or whose writer did not agree', async () => {
    const open = await submit(env, await createResident(env));
    const notClosed = await editText(open.id, { title: '反映路灯损坏', body: '路灯坏了三个月。', reply: null });
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.error.message).toMatch(/不能编辑公开文本/);
    const resident = await createResident(env);
    const id = await toReplied(env, resident, { isPublishAgreed: false });
    await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' });
    expect((await editText(id, { title: '反映路灯损坏', body: '路灯坏了三个月。', reply: '已修复。' })).body.error.message).toBe('来信人未同意公开，不能公开');
  });
});

describe('publishing runs the same check as an edit', () => {
  it('masks the new kinds automatically and publishes; refuses a stored public copy that still shows personal data, naming it', async () => {
    const id = await closedLetter(await createResident(env), {
      body: '我是住在江南区的王小明，路灯坏了三个月。电话一三八五七六一零零零二，QQ：12345678，微信号lf_2026，上次来信查询码QJ8BHS4UUP。',
      reply: '王小明先生：您好！路灯已修复，已联系您的手机138\u200b5761\u200b0002。',
    });
    const published = publishPreviewResponseSchema.parse((await staffPost(env, w().office, id, 'publish').expect(200)).body);
    expect(published.preview.body).toBe('我是住在江南区的王**，路灯坏了三个月。电话138********，QQ：******，微信号******，上次来信查询码QJ********。');
    expect(published.preview.reply).toBe('王**先生：您好！路灯已修复，已联系您的手机138********。');
    expect(JSON.stringify((await publicDetail(id).expect(200)).body)).not.toMatch(/王小明|0002|12345678|lf_2026|QJ8BHS4UUP/);

    // A public copy edited before the rules grew (written directly, as an older release stored it).
    const old = await closedLetter(await createResident(env));
    await env.prisma.letter.update({ where: { id: old }, data: { publicTitle: '反映路灯损坏', publicBody: '路灯坏了，电话138****5678，QQ号123456789。', publicReply: '已修复。', publicEditedAt: new Date() } });
    const refused = await staffPost(env, w().office, old, 'publish');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('公开文本中仍有未遮盖的个人信息（电话、QQ号、微信号、查询码、身份证号、车牌或门牌号），请修改公开文本后再公开');
    expect(await publicIds()).not.toContain(old);
    expect(await env.prisma.letterEvent.count({ where: { letterId: old, action: 'PUBLISH' } })).toBe(0);
    await env.prisma.letter.update({ where: { id: old }, data: { publicBody: '路灯坏了，王小明多次反映。' } });
    expect((await staffPost(env, w().office, old, 'publish')).body.error.message).toContain('（姓名）');
  });
});

describe('the anonymous look-up by tracking code and the last four digits', () => {
  it('answers with the title and the reply masked (the phone’s last four too); the writer’s own view keeps the original', async () => {
    const resident = await createResident(env, '13857610002');
    const reply = '王小明同志：您好！已联系您的手机13857610002，路灯已修复。';
    const id = await closedLetter(resident, { reply });
    const { trackingCode } = await env.prisma.letter.findUniqueOrThrow({ where: { id }, select: { trackingCode: true } });
    const found = (await api(env).post('/letters/lookup').send({ trackingCode, phoneLast4: '0002' }).expect(200)).body.letter;
    expect(found.title).toBe('王**反映滨江路路灯损坏');
    expect(found.reply.body).toBe('王**同志：您好！已联系您的手机138********，路灯已修复。');
    expect(JSON.stringify(found)).not.toMatch(/王小明|0002/);
    const published = publishPreviewResponseSchema.parse((await staffPost(env, w().office, id, 'publish').expect(200)).body);
    expect(JSON.stringify(published.preview)).not.toContain('0002');
    const own = residentLetterResponseSchema.parse((await api(env).get(`/letters/${id}`).set(resident.auth)).body).letter;
    expect({ title: own.title, reply: own.reply?.body }).toEqual({ title: letterText.title, reply });
  });
});

describe('a writer deletes the account (PIPL)', () => {
  it('the letters are kept anonymously: masked for staff, withdrawn from 信件选登 (audited), replies and supplements masked too', async () => {
    const resident = await createResident(env, '13857610002');
    await env.prisma.user.update({ where: { id: resident.userId }, data: { nickname: '王小明' } });
    const body = '我叫王小明，身份证330106199001011234，住在滨江路18号3幢2单元501室，电话138-5761-0002。小区门口路灯坏了三个月。';
    const published = await closedLetter(resident, { body, supplement: '补充：我家在滨江路18号3幢2单元501室，手机13857610002。' });
    await staffPost(env, w().office, published, 'publish').expect(200);
    const open = await submit(env, resident, { title: '小明反映噪音扰民', body: '本人王小明，电话13857610002，楼下商铺夜里噪音很大。' });
    expect(await publicIds()).toContain(published);

    await api(env).post('/me/delete-account').set(resident.auth).send({ confirm: '注销账号' }).expect(204);

    expect(await publicIds()).not.toContain(published);
    expect((await publicDetail(published)).body.error.message).toBe('该信件已撤回公开');
    const event = await env.prisma.letterEvent.findFirstOrThrow({ where: { letterId: published, action: 'UNPUBLISH' } });
    expect(event).toMatchObject({ reason: '来信人已注销账号', actorUserId: resident.userId, actorType: 'RESIDENT' });
    expect(await env.prisma.auditLog.count({ where: { entityId: published, action: 'LETTER_UNPUBLISH', actorUserId: resident.userId } })).toBe(1);
    expect((await env.prisma.auditLog.findFirstOrThrow({ where: { entityId: resident.userId, action: 'ACCOUNT_DELETED' } })).after).toMatchObject({ lettersAnonymised: 2, lettersWithdrawn: 1 });

    const personal = /王小明|小明|5761|0002。|330106199001011234|18号|501室/;
    for (const id of [published, open.id]) {
      const staff = (await api(env).get(`/staff/letters/${id}`).set(w().office.auth).expect(200)).body;
      expect(JSON.stringify(staff)).not.toMatch(personal);
      const stored = await env.prisma.letter.findUniqueOrThrow({ where: { id }, include: { replies: true, supplements: true } });
      expect(JSON.stringify({ title: stored.title, body: stored.body, publicBody: stored.publicBody, replies: stored.replies.map((r) => r.body), supplements: stored.supplements.map((x) => x.response) })).not.toMatch(personal);
    }
    const stored = await env.prisma.letter.findUniqueOrThrow({ where: { id: published }, include: { replies: true, supplements: true } });
    expect(stored.body).toBe('我叫王**，身份证3301**********1234，住在滨江路**号**幢**单元**室，电话138********。小区门口路灯坏了三个月。');
    expect(stored.replies[0]?.body).toBe('王**同志：您好！您反映的滨江花园门口路灯损坏问题，经市城管局核实，已于11月5日修复。');
    expect(stored.supplements[0]?.response).toBe('补充：我家在滨江路**号**幢**单元**室，手机138********。');
    expect((await env.prisma.letter.findUniqueOrThrow({ where: { id: open.id } })).title).toBe('**反映噪音扰民');
  });
});

describe('withdrawing a published letter', () => {
  it('takes it off the public list with a reason (audited); the detail says it was withdrawn; it may be published again', async () => {
    const resident = await createResident(env);
    const id = await closedLetter(resident);
    expect((await staffPost(env, w().office, id, 'withdraw-publication', { reason: '来信人要求撤回' })).status).toBe(409);
    await staffPost(env, w().office, id, 'publish').expect(200);
    expect(await publicIds()).toContain(id);
    expect((await staffPost(env, w().office, id, 'withdraw-publication', {})).status).toBe(400);
    expect((await staffPost(env, w().handlerA, id, 'withdraw-publication', { reason: '来信人要求撤回' })).status).toBe(403);
    env.setNow('2026-11-20 10:00');
    const withdrawn = publishPreviewResponseSchema.parse((await staffPost(env, w().office, id, 'withdraw-publication', { reason: '来信人要求撤回' }).expect(200)).body);
    expect(withdrawn.publication).toMatchObject({ isPublished: false, withdrawnReason: '来信人要求撤回', withdrawnAt: new Date('2026-11-20T02:00:00Z').toISOString() });
    expect(await publicIds()).not.toContain(id);
    const gone = await publicDetail(id);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('该信件已撤回公开');
    expect((await publicDetail('no-such-letter')).body.error.message).toBe('该信件未公开或不存在');
    const event = await env.prisma.letterEvent.findFirstOrThrow({ where: { letterId: id, action: 'UNPUBLISH' } });
    expect(event).toMatchObject({ reason: '来信人要求撤回', actorUserId: w().office.userId });
    expect(await env.prisma.auditLog.count({ where: { entityId: id, action: 'LETTER_UNPUBLISH' } })).toBe(1);
    const own = residentLetterResponseSchema.parse((await api(env).get(`/letters/${id}`).set(resident.auth)).body).letter;
    expect(own.timeline.map((entry) => entry.label).slice(-2)).toEqual(['已在信件选登公开', '已从信件选登撤回']);
    expect((await staffPost(env, w().office, id, 'withdraw-publication', { reason: '再次撤回' })).status).toBe(409);
    await staffPost(env, w().office, id, 'publish').expect(200);
    expect((await publicDetail(id)).status).toBe(200);
    expect((await preview(id)).publication).toMatchObject({ isPublished: true, withdrawnAt: null, withdrawnReason: null });
  });
});

describe('consent to publish is opt-in', () => {
  it('a letter submitted without the flag is stored as not agreed', async () => {
    const resident = await createResident(env);
    const { isPublishAgreed: _omitted, ...withoutFlag } = letterInput(env);
    const response = await postLetter(env, resident, withoutFlag);
    expect(response.status).toBe(201);
    const id = response.body.letter.id as string;
    expect((await env.prisma.letter.findUniqueOrThrow({ where: { id } })).isPublishAgreed).toBe(false);
  });
});

describe('merged letters never reveal another resident’s tracking code', () => {
  it('neither the duplicate’s writer nor the target’s writer reads the other code anywhere; staff still see both', async () => {
    const firstWriter = await createResident(env);
    const first = await submit(env, firstWriter, { title: '江南大道路面塌陷', body: '江南大道与滨江路交叉口路面塌陷，已有车辆受损，请尽快修复。' });
    const writer = await createResident(env);
    const duplicate = await submit(env, writer, { title: '江南大道路面塌陷', body: '江南大道与滨江路交叉口路面出现塌陷，有车辆受损，请尽快修复处理。' });
    const merged = await act(env, w().office, duplicate.id, 'merge', { intoLetterId: first.id });
    expect(merged.mergedIntoTrackingCode).toBe(first.trackingCode);
    expect(merged.events.find((event) => event.action === 'MERGE')?.reason).toBe(`与来信${first.trackingCode}内容重复，合并办理`);
    const target = staffLetterResponseSchema.parse((await api(env).get(`/staff/letters/${first.id}`).set(w().office.auth)).body).letter;
    expect(target.events.find((event) => event.action === 'MERGE')?.reason).toBe(`合并了重复来信${duplicate.trackingCode}`);

    const seenByWriter = [
      (await api(env).get(`/letters/${duplicate.id}`).set(writer.auth).expect(200)).body,
      (await api(env).get('/letters').set(writer.auth).expect(200)).body,
      (await api(env).get('/notifications').set(writer.auth).expect(200)).body,
      (await api(env).post('/letters/lookup').send({ trackingCode: duplicate.trackingCode, phoneLast4: writer.phone.slice(-4) }).expect(200)).body,
      await env.prisma.notification.findMany({ where: { userId: writer.userId } }),
      await env.prisma.outboxEvent.findMany({ where: { userId: writer.userId } }),
    ];
    const own = residentLetterResponseSchema.parse(seenByWriter[0]).letter;
    expect(own.notAcceptedReason).toBe('与其他市民的来信内容重复，已合并到该来信一并办理');
    expect(own.timeline.at(-1)).toMatchObject({ action: 'MERGE', reason: '与其他市民的来信内容重复，已合并到该来信一并办理' });
    expect(await env.prisma.notification.count({ where: { userId: writer.userId, eventType: 'LETTER_NOT_ACCEPTED' } })).toBe(1);
    expect(JSON.stringify(seenByWriter)).not.toContain(first.trackingCode);

    const seenByFirst = [
      (await api(env).get(`/letters/${first.id}`).set(firstWriter.auth).expect(200)).body,
      (await api(env).post('/letters/lookup').send({ trackingCode: first.trackingCode, phoneLast4: firstWriter.phone.slice(-4) }).expect(200)).body,
      (await api(env).get('/notifications').set(firstWriter.auth).expect(200)).body,
    ];
    expect(residentLetterResponseSchema.parse(seenByFirst[0]).letter.timeline.at(-1)).toMatchObject({ action: 'MERGE', reason: '已将内容相同的其他来信合并到本信一并办理' });
    expect(JSON.stringify(seenByFirst)).not.toContain(duplicate.trackingCode);
  });

  it('a merge recorded before the rule (the code in the stored reason) is shown without it', async () => {
    const first = await submit(env, await createResident(env), { title: '江北大道路面塌陷', body: '江北大道与江滨路交叉口路面塌陷，已有车辆受损，请尽快修复。' });
    const writer = await createResident(env);
    const duplicate = await submit(env, writer, { title: '江北大道路面塌陷', body: '江北大道与江滨路交叉口路面出现塌陷，请尽快修复处理。' });
    await act(env, w().office, duplicate.id, 'merge', { intoLetterId: first.id });
    const oldReason = `与来信${first.trackingCode}内容重复，合并办理`;
    await env.prisma.letter.update({ where: { id: duplicate.id }, data: { notAcceptedReason: oldReason } });
    // LetterEvent is append-only: an old-style event is appended as it used to be written.
    await env.prisma.letterEvent.create({ data: { letterId: duplicate.id, action: 'MERGE', fromStatus: 'SUBMITTED', toStatus: 'NOT_ACCEPTED', actorType: 'STAFF', actorUserId: w().office.userId, reason: oldReason, data: { intoLetterId: first.id } } });
    const body = (await api(env).get(`/letters/${duplicate.id}`).set(writer.auth).expect(200)).body;
    expect(JSON.stringify(body)).not.toContain(first.trackingCode);
  });
});
