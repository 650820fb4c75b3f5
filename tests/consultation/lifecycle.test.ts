import { consultationDetailSchema, consultationListResponseSchema, errorBodySchema, myOpinionsResponseSchema, staffConsultationSchema, uploadedDocumentSchema } from '@govpocket/shared';
import { closeDueConsultations, openDueConsultations, runConsultationLifecycle } from '../../bff/src/modules/consultation';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createHall, createStaff, loginAs, type LoggedIn } from '../support/factories';
import { api, createDraft, createOpenConsultation, draftInput, shanghaiToday, submitOpinion } from './consultation-env';

let t: WechatTestApp;
let department: { id: string; name: string };
let otherDepartment: { id: string; name: string };
let editor: LoggedIn;
let otherEditor: LoggedIn;
let admin: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  department = await createDepartment(t.prisma);
  otherDepartment = await createDepartment(t.prisma);
  editor = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
  otherEditor = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: otherDepartment.id }]);
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
}, 60000);
afterAll(async () => {
  await t.close();
});

const dayMs = 24 * 3600_000;
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * dayMs).toISOString().slice(0, 10);

describe('drafting a consultation', () => {
  it('defaults to a 30-day period and needs a reason for a shorter one', async () => {
    const today = shanghaiToday();
    const draft = await createDraft(t, editor, department.id);
    expect(draft).toMatchObject({ status: 'DRAFT', startDate: today, endDate: addDays(today, 29), shortenedReason: null });
    expect(draft.sections.map((section) => section.number)).toEqual([1, 2, 3]);

    const short = await api(t).post(`/staff/departments/${department.id}/consultations`).set(editor.auth).send(draftInput({ endDate: addDays(today, 9) }));
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'shortenedReason' })]));
    const withReason = await createDraft(t, admin, department.id, { endDate: addDays(today, 9), shortenedReason: '上级部署要求年底前出台，时间紧迫' });
    expect(withReason).toMatchObject({ endDate: addDays(today, 9), shortenedReason: '上级部署要求年底前出台，时间紧迫' });

    const past = await api(t).post(`/staff/departments/${department.id}/consultations`).set(editor.auth).send(draftInput({ startDate: addDays(today, -1) }));
    expect(past.status).toBe(400);
    const noSections = await api(t).post(`/staff/departments/${department.id}/consultations`).set(editor.auth).send(draftInput({ sections: [] }));
    expect(noSections.status).toBe(400);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: withReason.id, action: 'CONSULTATION_CREATED' } });
    expect(audit).toMatchObject({ actorUserId: admin.userId, actorRole: 'ADMIN' });
  });

  it('is scoped to the editor’s department and refuses residents and window staff', async () => {
    const draft = await createDraft(t, editor, department.id);
    const hall = await createHall(t.prisma);
    const windowStaff = await createStaff(t, [{ role: 'WINDOW_STAFF', hallId: hall.id }]);
    const resident = await loginAs(t);
    for (const who of [otherEditor, windowStaff, resident]) {
      expect((await api(t).post(`/staff/departments/${department.id}/consultations`).set(who.auth).send(draftInput())).status).toBe(403);
      expect((await api(t).get(`/staff/departments/${department.id}/consultations/${draft.id}`).set(who.auth)).status).toBe(403);
    }
    // Through one's own department, another department's consultation does not exist.
    expect((await api(t).get(`/staff/departments/${otherDepartment.id}/consultations/${draft.id}`).set(otherEditor.auth)).status).toBe(404);
    expect((await api(t).put(`/staff/departments/${otherDepartment.id}/consultations/${draft.id}`).set(otherEditor.auth).send(draftInput())).status).toBe(404);
    expect((await api(t).post(`/staff/departments/${department.id}/consultations`).send(draftInput())).status).toBe(401);
  });

  it('keeps a draft private and editable, with a PDF attachment from the files module', async () => {
    const draft = await createDraft(t, editor, department.id);
    expect((await api(t).get(`/consultations/${draft.id}`)).status).toBe(404);
    const list = consultationListResponseSchema.parse((await api(t).get('/consultations')).body);
    expect(list.items.map((item) => item.id)).not.toContain(draft.id);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const uploaded = await api(t).post('/files/documents').set(editor.auth).attach('file', pdf, { filename: '征求意见稿全文.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    const document = uploadedDocumentSchema.parse(uploaded.body);
    expect(document.name).toBe('征求意见稿全文.pdf');
    const notPdf = await api(t).post('/files/documents').set(editor.auth).attach('file', Buffer.from('<html></html>'), { filename: 'x.pdf', contentType: 'application/pdf' });
    expect(notPdf.status).toBe(415);
    const notMultipart = await api(t).post('/files/documents').set(editor.auth).send({ file: 'x' });
    expect(notMultipart.status).toBe(415);
    expect(errorBodySchema.parse(notMultipart.body).error.message).toBe('上传方式不正确，请在小程序内选择文件上传');
    const resident = await loginAs(t);
    expect((await api(t).post('/files/documents').set(resident.auth).attach('file', pdf, 'a.pdf')).status).toBe(403);

    const edited = await api(t).put(`/staff/departments/${department.id}/consultations/${draft.id}`).set(editor.auth).send(
      draftInput({
        title: '《清江市测试管理办法（修改稿）》',
        sections: [{ heading: null, body: '第一条内容' }, { heading: null, body: '第二条内容' }],
        attachments: [{ name: '征求意见稿全文', fileId: document.fileId }, { name: '起草说明', url: 'https://www.qingjiang.example.cn/qcsm.pdf' }],
      }),
    );
    expect(edited.status).toBe(200);
    const staffView = staffConsultationSchema.parse(edited.body);
    expect(staffView.title).toBe('《清江市测试管理办法（修改稿）》');
    expect(staffView.sections).toHaveLength(2);
    expect(staffView.attachments.map((attachment) => [attachment.name, attachment.mimeType])).toEqual([['征求意见稿全文', 'application/pdf'], ['起草说明', 'application/pdf']]);

    // Staff-entered links are https only.
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'http://www.qingjiang.example.cn/qcsm.pdf', 'https://user:pw@evil.example/x.pdf', 'JaVaScRiPt:alert(1)']) {
      const refused = await api(t).put(`/staff/departments/${department.id}/consultations/${draft.id}`).set(editor.auth).send(draftInput({ attachments: [{ name: '起草说明', url }] }));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('https://');
    }

    // Someone else's upload cannot be attached.
    const stranger = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
    const foreign = await api(t).post(`/staff/departments/${department.id}/consultations`).set(stranger.auth).send(draftInput({ attachments: [{ name: '别人的文件', fileId: document.fileId }] }));
    expect(foreign.status).toBe(400);
    // A colleague re-saving the draft keeps its attachment.
    const colleague = await api(t).put(`/staff/departments/${department.id}/consultations/${draft.id}`).set(stranger.auth).send(draftInput({ attachments: [{ name: '征求意见稿全文', fileId: document.fileId }] }));
    expect(colleague.status).toBe(200);

    await openDueConsultations({ prisma: t.prisma }, { now: new Date() });
    const detail = consultationDetailSchema.parse((await api(t).get(`/consultations/${draft.id}`)).body);
    const fileUrl = detail.attachments[0]?.url ?? '';
    expect(fileUrl).toMatch(/\/files\/.+\?expires=/);
    const served = await api(t).get(fileUrl.replace(/^https?:\/\/[^/]+/, ''));
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    // Documents download; they are never rendered as a page on the API's origin.
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect((await api(t).put(`/staff/departments/${department.id}/consultations/${draft.id}`).set(editor.auth).send(draftInput())).status).toBe(409);
  });
});

describe('automatic open and close', () => {
  it('opens on the start date and closes after the end date, once', async () => {
    const today = shanghaiToday();
    const draft = await createDraft(t, editor, department.id, { startDate: addDays(today, 2), endDate: addDays(today, 40) });
    const beforeStart = new Date(Date.parse(`${addDays(today, 1)}T12:00:00+08:00`));
    await openDueConsultations({ prisma: t.prisma }, { now: beforeStart });
    expect((await t.prisma.consultation.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT');

    const startDay = new Date(Date.parse(`${addDays(today, 2)}T00:00:30+08:00`));
    const report = await runConsultationLifecycle({ prisma: t.prisma }, { now: startDay });
    expect(report.opened).toBeGreaterThanOrEqual(1);
    expect(await t.prisma.consultation.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'OPEN', openedAt: startDay });
    await openDueConsultations({ prisma: t.prisma }, { now: startDay });

    const lastDay = new Date(Date.parse(`${addDays(today, 40)}T23:59:00+08:00`));
    await closeDueConsultations({ prisma: t.prisma }, { now: lastDay });
    expect((await t.prisma.consultation.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('OPEN');
    const afterEnd = new Date(Date.parse(`${addDays(today, 41)}T00:00:10+08:00`));
    await closeDueConsultations({ prisma: t.prisma }, { now: afterEnd });
    await closeDueConsultations({ prisma: t.prisma }, { now: afterEnd });
    expect(await t.prisma.consultation.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'CLOSED', closedAt: afterEnd });
    const audit = await t.prisma.auditLog.findMany({ where: { entityId: draft.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['CONSULTATION_CREATED', 'CONSULTATION_OPENED', 'CONSULTATION_CLOSED']);
  });
});

describe('reading and commenting', () => {
  it('lists by phase with days left and filters by department', async () => {
    const open = await createOpenConsultation(t, editor, department.id);
    const elsewhere = await createOpenConsultation(t, otherEditor, otherDepartment.id);
    const all = consultationListResponseSchema.parse((await api(t).get('/consultations?status=OPEN')).body);
    expect(all.items.find((item) => item.id === open.id)).toMatchObject({ status: 'OPEN', daysLeft: 30, department: { id: department.id } });
    expect(all.departments.map((entry) => entry.id)).toEqual(expect.arrayContaining([department.id, otherDepartment.id]));
    const filtered = consultationListResponseSchema.parse((await api(t).get(`/consultations?departmentId=${department.id}`)).body);
    expect(filtered.items.every((item) => item.department.id === department.id)).toBe(true);
    expect(filtered.items.map((item) => item.id)).not.toContain(elsewhere.id);
    expect((await api(t).get('/consultations?status=DRAFT')).status).toBe(400);

    const detail = consultationDetailSchema.parse((await api(t).get(`/consultations/${open.id}`)).body);
    expect(detail).toMatchObject({ isAcceptingOpinions: true, contact: { name: '市测试局法规处' }, feedbackVersion: null });
    expect(detail.sections[2]).toMatchObject({ number: 3, heading: '第二章 管理' });
  });

  it('applies the opinion rules: length, content safety, section, idempotency', async () => {
    const open = await createOpenConsultation(t, editor, department.id);
    const other = await createOpenConsultation(t, otherEditor, otherDepartment.id);
    const resident = await loginAs(t);
    const section3 = open.sections[2]?.id ?? '';

    expect((await submitOpinion(t, resident, open.id, { body: '太短了九个字的意见' })).status).toBe(400);
    expect((await submitOpinion(t, resident, open.id, { body: '长'.repeat(1001) })).status).toBe(400);
    expect((await submitOpinion(t, resident, open.id, { body: '有人在群里说可以办假证，请严查此事' })).status).toBe(422);
    expect((await submitOpinion(t, resident, open.id, { sectionId: other.sections[0]?.id, body: '这一条写得不够清楚，建议修改。' })).status).toBe(400);
    expect((await api(t).post(`/consultations/${open.id}/opinions`).set(resident.auth).send({ body: '没有幂等键的意见，应该被拒绝。' })).status).toBe(400);
    expect((await api(t).post(`/consultations/${open.id}/opinions`).send({ body: '没有登录的意见，应该被拒绝。' })).status).toBe(401);
    expect(await t.prisma.opinion.count({ where: { userId: resident.userId } })).toBe(0);

    const exact = await submitOpinion(t, resident, open.id, { body: '十个字的意见刚刚好啊' }, 'key-exactly-ten');
    expect(exact.status).toBe(201);
    const longest = await submitOpinion(t, resident, open.id, { sectionId: section3, body: '建'.repeat(1000) });
    expect(longest.status).toBe(201);
    expect(longest.body.opinion).toMatchObject({ section: { number: 3 }, status: 'SUBMITTED', outcome: null });

    const replay = await submitOpinion(t, resident, open.id, { body: '十个字的意见刚刚好啊' }, 'key-exactly-ten');
    expect(replay.status).toBe(200);
    expect(replay.body.opinion.id).toBe(exact.body.opinion.id);
    expect((await submitOpinion(t, resident, open.id, { body: '换了内容却用同一个幂等键' }, 'key-exactly-ten')).status).toBe(422);
    expect(await t.prisma.opinion.count({ where: { userId: resident.userId } })).toBe(2);

    const mine = myOpinionsResponseSchema.parse((await api(t).get(`/me/opinions?consultationId=${open.id}`).set(resident.auth)).body);
    expect(mine.items).toHaveLength(2);
    expect((await api(t).get('/me/opinions')).status).toBe(401);
  });

  it('limits how fast one resident submits', async () => {
    const open = await createOpenConsultation(t, editor, department.id);
    const resident = await loginAs(t);
    for (let index = 0; index < 10; index += 1) {
      expect((await submitOpinion(t, resident, open.id, { body: `第${index + 1}条意见：建议进一步细化条款内容。` })).status).toBe(201);
    }
    const limited = await submitOpinion(t, resident, open.id, { body: '第十一条意见：建议进一步细化条款内容。' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('refuses opinions once closed', async () => {
    const open = await createOpenConsultation(t, editor, department.id);
    const resident = await loginAs(t);
    expect((await submitOpinion(t, resident, open.id, { body: '征集期间提交的意见，应当成功。' })).status).toBe(201);
    const endsAt = (await t.prisma.consultation.findUniqueOrThrow({ where: { id: open.id } })).endsAt;
    await closeDueConsultations({ prisma: t.prisma }, { now: new Date(endsAt.getTime() + 1) });
    const late = await submitOpinion(t, resident, open.id, { body: '结束之后提交的意见，应当被拒绝。' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('已结束');
    const detail = consultationDetailSchema.parse((await api(t).get(`/consultations/${open.id}`)).body);
    expect(detail).toMatchObject({ status: 'CLOSED', daysLeft: null, isAcceptingOpinions: false, opinionCount: 1 });
  });
});
