import { publicLetterListResponseSchema, publishPreviewResponseSchema, residentLetterResponseSchema, staffLetterListResponseSchema, staffLetterResponseSchema } from '@govpocket/shared';
import { closeUnratedLetters } from '../../bff/src/modules/mailbox/jobs';
import type { LoggedIn } from '../support/factories';
import { act, api, createResident, reply, shanghaiDate, staffPost, startMailboxEnv, statusOf, submit, toReplied, type MailboxEnv } from './mailbox-env';

/** The whole letter state machine through the API: every legal path, illegal transitions, roles × scopes. */
let env: MailboxEnv;

beforeAll(async () => {
  env = await startMailboxEnv('2026-11-02 09:30');
}, 60000);
afterAll(async () => {
  await env.close();
});
beforeEach(() => env.setNow('2026-11-02 09:30'));

const w = () => env.world;
const eventsOf = async (letterId: string) => (await env.prisma.letterEvent.findMany({ where: { letterId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map((event) => `${event.action}:${event.fromStatus ?? '-'}>${event.toStatus ?? '-'}`);
const notices = (userId: string, eventType: string) => env.prisma.notification.count({ where: { userId, eventType: eventType as never } });
const residentView = async (resident: LoggedIn, letterId: string) => residentLetterResponseSchema.parse((await api(env).get(`/letters/${letterId}`).set(resident.auth)).body).letter;

describe('legal paths', () => {
  it('submitted → accepted → assigned → reply drafted → replied → rated 满意 → closed, with events, audit and notifications', async () => {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    const accepted = await act(env, w().office, id, 'accept');
    expect(accepted.status).toBe('ACCEPTED');
    // accepted Mon 11-02 + 15 working days → Mon 11-23
    expect(shanghaiDate(accepted.replyDueAt)).toBe('2026-11-23');
    const assigned = await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id, instructions: '请核实后答复' });
    expect(assigned).toMatchObject({ status: 'ASSIGNED', departmentId: w().departmentA.id });
    const handlerList = staffLetterListResponseSchema.parse((await api(env).get(`/staff/departments/${w().departmentA.id}/letters`).set(w().handlerA.auth)).body);
    expect(handlerList.letters.map((letter) => letter.id)).toContain(id);
    const noted = await staffPost(env, w().handlerA, id, 'notes', { body: '已联系公交公司' });
    expect(noted.status).toBe(201);
    expect(staffLetterResponseSchema.parse(noted.body).letter.notes.map((note) => note.body)).toEqual(['已联系公交公司']);
    await act(env, w().handlerA, id, 'reply', { body: '草稿：正在核实中，稍后补充完整答复内容。', isSubmitted: false });
    expect(await statusOf(env, id)).toBe('ASSIGNED');
    const drafted = await act(env, w().handlerA, id, 'reply', { body: reply, isSubmitted: true });
    expect(drafted.status).toBe('REPLY_DRAFTED');
    expect(drafted.replies).toHaveLength(1);
    expect(await notices(w().office.userId, 'LETTER_REPLY_SUBMITTED')).toBeGreaterThanOrEqual(1);
    const replied = await act(env, w().office, id, 'review-reply', { decision: 'APPROVE' });
    expect(replied.status).toBe('REPLIED');
    const seen = await residentView(resident, id);
    expect(seen.reply?.body).toBe(reply);
    expect(seen.canRate).toBe(true);
    expect(seen.timeline.map((entry) => entry.label)).toEqual(['提交来信', '已受理', `转${w().departmentA.name}办理`, '已答复']);
    const rated = await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED', comment: '答复及时' });
    expect(rated.status).toBe(200);
    expect(await statusOf(env, id)).toBe('CLOSED');
    expect(await eventsOf(id)).toEqual([
      'SUBMIT:->SUBMITTED', 'ACCEPT:SUBMITTED>ACCEPTED', 'ASSIGN:ACCEPTED>ASSIGNED', 'DRAFT_REPLY:ASSIGNED>REPLY_DRAFTED',
      'APPROVE_REPLY:REPLY_DRAFTED>REPLIED', 'RATE:REPLIED>REPLIED', 'CLOSE:REPLIED>CLOSED',
    ]);
    expect(await env.prisma.auditLog.count({ where: { entityType: 'Letter', entityId: id, action: { startsWith: 'LETTER_' } } })).toBeGreaterThanOrEqual(7);
    expect(await notices(resident.userId, 'LETTER_ACCEPTED')).toBe(1);
    expect(await notices(resident.userId, 'LETTER_REPLIED')).toBe(1);
    expect(await notices(w().handlerA.userId, 'LETTER_ASSIGNED')).toBeGreaterThanOrEqual(1);
  });

  it('not accepted with a reason from the list (+ text), and the resident is told', async () => {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    expect((await staffPost(env, w().office, id, 'not-accept', { reasonCode: 'OTHER' })).status).toBe(400);
    const refused = await act(env, w().office, id, 'not-accept', { reasonCode: 'LITIGATION', text: '已进入诉讼程序' });
    expect(refused.status).toBe('NOT_ACCEPTED');
    expect((await residentView(resident, id)).notAcceptedReason).toBe('涉诉涉法：已进入诉讼程序');
    expect(await notices(resident.userId, 'LETTER_NOT_ACCEPTED')).toBe(1);
  });

  it('returned within 1 working day, then assigned elsewhere; a late return is refused', async () => {
    const { id } = await submit(env, await createResident(env));
    await act(env, w().office, id, 'accept');
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    env.setNow('2026-11-03 16:00');
    const returned = await staffPost(env, w().handlerA, id, 'return', { reason: '不属于本部门职责' });
    expect(returned.status).toBe(204);
    expect(await statusOf(env, id)).toBe('RETURNED');
    expect(await notices(w().office.userId, 'LETTER_RETURNED')).toBeGreaterThanOrEqual(1);
    expect((await api(env).get(`/staff/letters/${id}`).set(w().handlerA.auth)).status).toBe(403);
    await act(env, w().office, id, 'assign', { departmentId: w().departmentB.id });
    env.setNow('2026-11-05 09:00');
    const late = await staffPost(env, w().handlerB, id, 'return', { reason: '不属于本部门职责' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('退回时限');
  });

  it('re-assigned with a reason: the old department loses it, the new one gets it', async () => {
    const { id } = await submit(env, await createResident(env));
    await act(env, w().office, id, 'accept');
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    expect((await staffPost(env, w().office, id, 'reassign', { departmentId: w().departmentB.id })).status).toBe(400);
    const moved = await act(env, w().office, id, 'reassign', { departmentId: w().departmentB.id, reason: '属于交通部门职责' });
    expect(moved).toMatchObject({ status: 'ASSIGNED', departmentId: w().departmentB.id });
    expect((await staffPost(env, w().handlerA, id, 'reply', { body: reply, isSubmitted: true })).status).toBe(403);
    expect((await staffPost(env, w().office, id, 'reassign', { departmentId: w().departmentB.id, reason: '再转一次' })).status).toBe(409);
    const assignments = await env.prisma.letterAssignment.findMany({ where: { letterId: id }, orderBy: { createdAt: 'asc' } });
    expect(assignments.map((row) => [row.departmentId, row.endedAt !== null])).toEqual([[w().departmentA.id, true], [w().departmentB.id, false]]);
  });

  it('a reply sent back with comments goes back to the department, then is approved', async () => {
    const { id } = await submit(env, await createResident(env));
    await act(env, w().office, id, 'accept');
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    await act(env, w().handlerA, id, 'reply', { body: '已收到，我们会研究处理这个问题的。', isSubmitted: true });
    expect((await staffPost(env, w().office, id, 'review-reply', { decision: 'SEND_BACK' })).status).toBe(400);
    const back = await act(env, w().office, id, 'review-reply', { decision: 'SEND_BACK', comment: '答复过于简单，请写明处理措施和时间' });
    expect(back.status).toBe('ASSIGNED');
    expect(back.replies[0]).toMatchObject({ status: 'SENT_BACK', reviewComment: '答复过于简单，请写明处理措施和时间' });
    const sentBack = await env.prisma.notification.findFirst({ where: { userId: w().handlerA.userId, eventType: 'LETTER_SENT_BACK', link: { contains: id } } });
    expect(sentBack?.body).toContain('答复过于简单，请写明处理措施和时间');
    await act(env, w().handlerA, id, 'reply', { body: reply, isSubmitted: true });
    expect((await act(env, w().office, id, 'review-reply', { decision: 'APPROVE' })).status).toBe('REPLIED');
    expect((await env.prisma.letterReply.findMany({ where: { letterId: id } })).map((row) => row.status)).toEqual(['APPROVED']);
  });

  it('extension: once, ≤ 15 working days, approved by the office, moves the deadline and tells the resident', async () => {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    await act(env, w().office, id, 'accept');
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    expect((await staffPost(env, w().handlerA, id, 'extension', { days: 16, reason: '需要现场勘查' })).status).toBe(400);
    expect((await staffPost(env, w().office, id, 'review-extension', { decision: 'APPROVE' })).status).toBe(409);
    await act(env, w().handlerA, id, 'extension', { days: 10, reason: '需要多部门现场勘查' });
    const asked = await env.prisma.notification.findFirst({ where: { userId: w().office.userId, eventType: 'LETTER_EXTENSION_REQUESTED', link: { contains: id } } });
    expect(asked?.body).toMatch(/延期10个工作日，理由：需要多部门现场勘查/);
    const second = await staffPost(env, w().handlerA, id, 'extension', { days: 5, reason: '再延期一次' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe('每封来信只能申请一次延期');
    const approved = await act(env, w().office, id, 'review-extension', { decision: 'APPROVE' });
    // 11-23 + 10 working days → 12-07
    expect(shanghaiDate(approved.replyDueAt)).toBe('2026-12-07');
    expect(approved.extensionDays).toBe(10);
    expect(await notices(resident.userId, 'LETTER_EXTENDED')).toBe(1);
    expect((await residentView(resident, id)).timeline.find((entry) => entry.action === 'APPROVE_EXTENSION')?.reason).toBe('需要多部门现场勘查');
  });

  it('supplement: the clock stops until the resident answers, and the deadline moves by the working time waited', async () => {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    const before = await env.prisma.letter.findUniqueOrThrow({ where: { id } });
    expect(shanghaiDate(before.acceptDueAt.toISOString())).toBe('2026-11-04');
    const asked = await act(env, w().office, id, 'supplement-request', { request: '请补充具体位置和照片' });
    expect(asked.isAwaitingSupplement).toBe(true);
    expect(asked.urgency).toBe('PAUSED');
    expect(await notices(resident.userId, 'LETTER_SUPPLEMENT_REQUESTED')).toBe(1);
    const blocked = await staffPost(env, w().office, id, 'accept');
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('等待来信人补充材料');
    expect((await residentView(resident, id)).supplementRequest?.request).toBe('请补充具体位置和照片');
    // Answered three working days later (Thu 11-05 09:30): the deadline moves from 11-04 to 11-09.
    env.setNow('2026-11-05 09:30');
    const answered = await api(env).post(`/letters/${id}/supplement`).set(resident.auth).send({ response: '位置在滨江路与江南大道交叉口东侧50米' });
    expect(answered.status).toBe(200);
    const after = await env.prisma.letter.findUniqueOrThrow({ where: { id } });
    expect(after.isAwaitingSupplement).toBe(false);
    expect(shanghaiDate(after.acceptDueAt.toISOString())).toBe('2026-11-09');
    expect(after.pausedWorkingSeconds).toBe(3 * 24 * 3600);
    // The office was waiting (the letter is not accepted yet): it is told the clock runs again.
    expect(await env.prisma.notification.count({ where: { userId: w().office.userId, eventType: 'LETTER_SUPPLEMENTED', link: { contains: id } } })).toBe(1);
    expect((await api(env).post(`/letters/${id}/supplement`).set(resident.auth).send({ response: '再补充一次内容' })).status).toBe(409);
    expect((await act(env, w().office, id, 'accept')).status).toBe('ACCEPTED');
  });
});

describe('rating and reopening', () => {
  it('不满意 reopens once with a new deadline; the second 不满意 closes it', async () => {
    const resident = await createResident(env);
    const id = await toReplied(env, resident);
    env.setNow('2026-11-04 10:00');
    await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'DISSATISFIED', comment: '问题没有解决' });
    const reopened = await env.prisma.letter.findUniqueOrThrow({ where: { id } });
    expect(reopened).toMatchObject({ status: 'REOPENED', reopenedCount: 1, openDepartmentId: w().departmentA.id });
    expect(shanghaiDate(reopened.replyDueAt?.toISOString())).toBe('2026-11-25');
    await act(env, w().handlerA, id, 'reply', { body: '经再次核实，站台将于下月动工建设，请您留意。', isSubmitted: true });
    await act(env, w().office, id, 'review-reply', { decision: 'APPROVE' });
    expect((await residentView(resident, id)).reply?.body).toBe('经再次核实，站台将于下月动工建设，请您留意。');
    await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'DISSATISFIED' });
    expect(await statusOf(env, id)).toBe('CLOSED');
    expect((await eventsOf(id)).filter((event) => event.startsWith('REOPEN'))).toHaveLength(1);
  });

  it('rating is open for 7 days; after that the job closes the letter as 满意', async () => {
    const resident = await createResident(env);
    const id = await toReplied(env, resident);
    env.setNow('2026-11-09 10:00');
    const late = await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('评价期限已过');
    expect(await closeUnratedLetters(env.jobs, { now: env.clock.now })).toBeGreaterThanOrEqual(1);
    expect(await env.prisma.letter.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CLOSED', satisfaction: 'SATISFIED', isSatisfactionDefaulted: true });
  });
});

describe('publishing (信件选登)', () => {
  it('publishes a closed letter with consent after the masked preview: phone, ID number and names masked', async () => {
    const resident = await createResident(env);
    const body = '我叫张三丰，住在滨江路18号，电话13812345678，身份证330102198001011234，小区门口路灯坏了三个月。';
    const id = await toReplied(env, resident, { title: '滨江路小区门口路灯损坏', body });
    expect((await staffPost(env, w().office, id, 'publish')).status).toBe(409);
    await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' });
    const preview = publishPreviewResponseSchema.parse((await api(env).get(`/staff/letters/${id}/publish-preview`).set(w().office.auth)).body).preview;
    expect(preview.body).toContain('138********');
    expect(preview.body).toContain('3301**********1234');
    expect(preview.body).toContain('我叫张**');
    expect(preview.body).not.toMatch(/13812345678|330102198001011234|张三丰/);
    expect((await staffPost(env, w().office, id, 'publish')).status).toBe(200);
    expect((await staffPost(env, w().office, id, 'publish')).status).toBe(409);
    expect(await notices(resident.userId, 'LETTER_PUBLISHED')).toBe(1);
    const list = publicLetterListResponseSchema.parse((await api(env).get('/public/letters').query({ mailboxId: w().mailboxId })).body);
    const shown = list.letters.find((letter) => letter.id === id);
    expect(shown?.body).toBe(preview.body);
    expect(JSON.stringify(list)).not.toContain('13812345678');
    expect((await api(env).get(`/public/letters/${id}`)).status).toBe(200);
  });

  it('refuses letters without consent; 举报 is never public', async () => {
    const noConsent = await createResident(env);
    const id = await toReplied(env, noConsent, { isPublishAgreed: false });
    await api(env).post(`/letters/${id}/rating`).set(noConsent.auth).send({ satisfaction: 'SATISFIED' });
    const refused = await staffPost(env, w().office, id, 'publish');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('来信人未同意公开，不能公开');
    const reporter = await createResident(env);
    const report = await toReplied(env, reporter, { type: 'REPORT', title: '举报某餐馆无证经营', body: '滨江路某餐馆长期无证经营，卫生条件很差。' });
    await api(env).post(`/letters/${report}/rating`).set(reporter.auth).send({ satisfaction: 'SATISFIED' });
    expect((await staffPost(env, w().office, report, 'publish')).body.error.message).toBe('举报类来信不公开');
  });
});

describe('merging duplicates', () => {
  it('shows the similar open letter, merges the duplicate into it and tells its writer', async () => {
    const first = await submit(env, await createResident(env), { title: '江南大道路面塌陷', body: '江南大道与滨江路交叉口路面塌陷，已有车辆受损，请尽快修复。' });
    const writer = await createResident(env);
    const duplicate = await submit(env, writer, { title: '江南大道路面塌陷', body: '江南大道与滨江路交叉口路面出现塌陷，有车辆受损，请尽快修复处理。' });
    const view = staffLetterResponseSchema.parse((await api(env).get(`/staff/letters/${duplicate.id}`).set(w().office.auth)).body).letter;
    expect(view.similarLetters.map((letter) => letter.id)).toContain(first.id);
    const merged = await act(env, w().office, duplicate.id, 'merge', { intoLetterId: first.id });
    expect(merged).toMatchObject({ status: 'NOT_ACCEPTED', mergedIntoTrackingCode: first.trackingCode });
    expect(await notices(writer.userId, 'LETTER_NOT_ACCEPTED')).toBe(1);
    expect((await residentView(writer, duplicate.id)).notAcceptedReason).toBe('与其他市民的来信内容重复，已合并到该来信一并办理');
    expect((await eventsOf(first.id)).at(-1)).toBe('MERGE:SUBMITTED>SUBMITTED');
    expect((await staffPost(env, w().office, first.id, 'merge', { intoLetterId: duplicate.id })).status).toBe(409);
  });
});

describe('illegal transitions (409 with a readable message)', () => {
  type Step = { who: () => LoggedIn; action: string; body: () => object };
  const steps: Record<string, Step> = {
    accept: { who: () => w().office, action: 'accept', body: () => ({}) },
    notAccept: { who: () => w().office, action: 'not-accept', body: () => ({ reasonCode: 'DUPLICATE' }) },
    assign: { who: () => w().office, action: 'assign', body: () => ({ departmentId: w().departmentB.id }) },
    reassign: { who: () => w().office, action: 'reassign', body: () => ({ departmentId: w().departmentB.id, reason: '改由交通部门办理' }) },
    submitReply: { who: () => w().handlerA, action: 'reply', body: () => ({ body: reply, isSubmitted: true }) },
    approve: { who: () => w().office, action: 'review-reply', body: () => ({ decision: 'APPROVE' }) },
    publish: { who: () => w().office, action: 'publish', body: () => ({}) },
  };
  const legal: Record<string, string[]> = {
    SUBMITTED: ['accept', 'notAccept'],
    ACCEPTED: ['assign'],
    ASSIGNED: ['reassign', 'submitReply'],
    REPLY_DRAFTED: ['approve'],
    REPLIED: [],
    CLOSED: ['publish'],
    NOT_ACCEPTED: [],
  };

  async function letterIn(status: string): Promise<string> {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    if (status === 'SUBMITTED') return id;
    if (status === 'NOT_ACCEPTED') return (await act(env, w().office, id, 'not-accept', { reasonCode: 'OUT_OF_SCOPE' })).id;
    await act(env, w().office, id, 'accept');
    if (status === 'ACCEPTED') return id;
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    if (status === 'ASSIGNED') return id;
    await act(env, w().handlerA, id, 'reply', { body: reply, isSubmitted: true });
    if (status === 'REPLY_DRAFTED') return id;
    await act(env, w().office, id, 'review-reply', { decision: 'APPROVE' });
    if (status === 'REPLIED') return id;
    await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' });
    return id;
  }

  it.each(Object.keys(legal))('from %s every other action is refused with 409', async (status) => {
    const id = await letterIn(status);
    expect(await statusOf(env, id)).toBe(status);
    for (const [name, step] of Object.entries(steps)) {
      if (legal[status]?.includes(name)) continue;
      // A letter not (yet) in department A is outside handler A's scope (403, see below): an admin tries instead.
      const who = name === 'submitReply' && ['SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED'].includes(status) ? w().admin : step.who();
      const response = await staffPost(env, who, id, step.action, step.body());
      expect({ name, status: response.status }).toEqual({ name, status: 409 });
      expect(response.body.error.code).toBe('ILLEGAL_TRANSITION');
      expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await statusOf(env, id)).toBe(status);
  });

  it('rating a letter that is not replied is refused', async () => {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    const response = await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('该来信当前为「待受理」，不能评价');
  });
});

describe('roles × scopes', () => {
  it('each staff action needs the right role for the right department; admins may act everywhere', async () => {
    const resident = await createResident(env);
    const { id } = await submit(env, resident);
    const forbidden = async (who: LoggedIn, action: string, body: object = {}) => expect((await staffPost(env, who, id, action, body)).status).toBe(403);
    await forbidden(resident, 'accept');
    await forbidden(w().handlerA, 'accept');
    await forbidden(w().otherOffice, 'accept');
    expect((await api(env).get(`/staff/letters/${id}`).set(w().otherOffice.auth)).status).toBe(403);
    expect((await api(env).get(`/staff/letters/${id}`).set(resident.auth)).status).toBe(403);
    expect((await act(env, w().admin, id, 'accept')).status).toBe('ACCEPTED');
    const acceptEvent = await env.prisma.letterEvent.findFirstOrThrow({ where: { letterId: id, action: 'ACCEPT' } });
    expect(acceptEvent.actorRole).toBe('ADMIN');
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    await forbidden(w().handlerB, 'reply', { body: reply, isSubmitted: true });
    await forbidden(w().office, 'reply', { body: reply, isSubmitted: true });
    await forbidden(w().handlerB, 'extension', { days: 5, reason: '需要更多时间' });
    await forbidden(w().handlerB, 'notes', { body: '不是我的信' });
    expect((await api(env).get(`/staff/letters/${id}`).set(w().handlerA.auth)).status).toBe(200);
    expect((await api(env).get(`/staff/offices/${w().officeId}/letters`).set(w().otherOffice.auth)).status).toBe(403);
    expect((await api(env).get(`/staff/offices/${w().officeId}/letters`).set(w().handlerA.auth)).status).toBe(403);
    expect((await api(env).get(`/staff/departments/${w().departmentA.id}/letters`).set(w().handlerB.auth)).status).toBe(403);
    expect((await api(env).get(`/staff/departments/${w().departmentA.id}/letters`).set(w().admin.auth)).status).toBe(200);
    expect((await api(env).get('/staff/letters/overdue').set(w().office.auth)).status).toBe(403);
    expect((await api(env).get('/staff/letters/overdue').set(w().admin.auth)).status).toBe(200);
    expect((await staffPost(env, w().office, 'no-such-letter', 'accept')).status).toBe(404);
  });
});
