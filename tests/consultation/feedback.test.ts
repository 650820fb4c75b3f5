import { feedbackReportSchema, myOpinionsResponseSchema, openDataExportSchema, staffConsultationSchema, type StaffConsultation } from '@govpocket/shared';
import { closeDueConsultations } from '../../bff/src/modules/consultation';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createDepartment, createStaff, loginAs, type LoggedIn } from '../support/factories';
import { api, createOpenConsultation, submitOpinion } from './consultation-env';

let t: WechatTestApp;
let department: { id: string };
let otherDepartment: { id: string };
let editor: LoggedIn;
let otherEditor: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  department = await createDepartment(t.prisma);
  otherDepartment = await createDepartment(t.prisma);
  editor = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: department.id }]);
  otherEditor = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: otherDepartment.id }]);
}, 60000);
afterAll(async () => {
  await t.close();
});

async function close(consultationId: string): Promise<void> {
  const { endsAt } = await t.prisma.consultation.findUniqueOrThrow({ where: { id: consultationId } });
  await closeDueConsultations({ prisma: t.prisma }, { now: new Date(endsAt.getTime() + 1000) });
}

const base = (consultationId: string) => `/staff/departments/${department.id}/consultations/${consultationId}`;

async function staffView(consultationId: string): Promise<StaffConsultation> {
  return staffConsultationSchema.parse((await api(t).get(base(consultationId)).set(editor.auth)).body);
}

describe('answering and publishing the feedback', () => {
  it('answers privately, refuses publishing until all are answered, publishes once, notifies each contributor once', async () => {
    const consultation = await createOpenConsultation(t, editor, department.id);
    const [zhang, li, wang] = [await loginAs(t), await loginAs(t), await loginAs(t)];
    const sectionId = (number: number) => consultation.sections[number - 1]?.id ?? null;
    const submitted = [
      await submitOpinion(t, zhang, consultation.id, { sectionId: sectionId(1), body: '建议在第一条中写明本办法的立法目的包括保护环境。' }),
      await submitOpinion(t, zhang, consultation.id, { sectionId: sectionId(3), body: '年度计划报送时间过早，建议改为四月底前报送，联系电话13812345678。' }),
      await submitOpinion(t, li, consultation.id, { sectionId: sectionId(3), body: '同意上面的意见，报送时间建议推迟到四月底。' }),
      await submitOpinion(t, wang, consultation.id, { body: '建议整体上增加对小微单位的豁免条款，减轻负担。' }),
    ];
    const [purpose, deadline, sameDeadline, exemption] = submitted.map((response) => {
      expect(response.status).toBe(201);
      return response.body.opinion.id as string;
    });

    // Still open: nothing can be answered yet.
    expect((await api(t).put(`${base(consultation.id)}/opinions/${purpose}/outcome`).set(editor.auth).send({ outcome: 'ADOPTED' })).status).toBe(409);
    await close(consultation.id);

    const answer = (opinionId: string | undefined, body: object, who = editor, path = base(consultation.id)) => api(t).put(`${path}/opinions/${opinionId}/outcome`).set(who.auth).send(body);
    expect((await answer(exemption, { outcome: 'NOT_ADOPTED' })).status).toBe(400);
    expect((await answer(sameDeadline, { outcome: 'MERGED' })).status).toBe(400);
    expect((await answer(sameDeadline, { outcome: 'MERGED', mergedIntoOpinionId: sameDeadline })).status).toBe(400);
    const elsewhere = await createOpenConsultation(t, otherEditor, otherDepartment.id);
    const foreignOpinion = (await submitOpinion(t, wang, elsewhere.id, { body: '另一个征集里的意见，不能作为合并目标。' })).body.opinion.id as string;
    expect((await answer(sameDeadline, { outcome: 'MERGED', mergedIntoOpinionId: foreignOpinion })).status).toBe(400);
    expect((await answer(foreignOpinion, { outcome: 'ADOPTED' })).status).toBe(404);
    expect((await answer(purpose, { outcome: 'ADOPTED' }, otherEditor)).status).toBe(403);
    expect((await answer(purpose, { outcome: 'ADOPTED' }, otherEditor, `/staff/departments/${otherDepartment.id}/consultations/${consultation.id}`)).status).toBe(404);
    expect((await answer(purpose, { outcome: 'MAYBE' })).status).toBe(400);

    expect((await answer(purpose, { outcome: 'ADOPTED', summary: '第一条增加“保护生态环境”的表述' })).status).toBe(200);
    expect((await answer(deadline, { outcome: 'NOT_ADOPTED', reason: '上级规定须在三月底前完成报送' })).status).toBe(200);
    const blocked = await api(t).post(`${base(consultation.id)}/publish`).set(editor.auth).send({ explanation: '感谢社会各界的关注。' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('还有2条意见未答复');

    // Drafted answers stay private.
    const beforePublish = myOpinionsResponseSchema.parse((await api(t).get(`/me/opinions?consultationId=${consultation.id}`).set(zhang.auth)).body);
    expect(beforePublish.items.map((item) => [item.status, item.outcome])).toEqual([['SUBMITTED', null], ['SUBMITTED', null]]);
    expect((await api(t).get(`/consultations/${consultation.id}/feedback`)).status).toBe(404);
    expect(await t.prisma.notification.count({ where: { userId: { in: [zhang.userId, li.userId, wang.userId] } } })).toBe(0);

    // Bulk: the same answer for a group of similar opinions.
    const bulk = await api(t).post(`${base(consultation.id)}/outcomes`).set(editor.auth).send({ opinionIds: [sameDeadline, exemption], outcome: 'PARTIALLY_ADOPTED', summary: '部分吸收' });
    expect(bulk.status).toBe(200);
    expect(staffConsultationSchema.parse(bulk.body).unansweredCount).toBe(0);
    expect((await api(t).post(`${base(consultation.id)}/outcomes`).set(editor.auth).send({ opinionIds: [sameDeadline, foreignOpinion], outcome: 'ADOPTED' })).status).toBe(404);
    // Re-answer one of them as merged into the deadline opinion.
    expect((await answer(sameDeadline, { outcome: 'MERGED', mergedIntoOpinionId: deadline, reason: '与第2条意见相同' })).status).toBe(200);

    const published = await api(t).post(`${base(consultation.id)}/publish`).set(editor.auth).send({ explanation: '经认真研究，对各方意见作如下处理。' });
    expect(published.status).toBe(200);
    const report = feedbackReportSchema.parse(published.body);
    expect(report).toMatchObject({ version: 1, explanation: '经认真研究，对各方意见作如下处理。' });
    expect(report.report.totals).toEqual({ opinions: 4, ADOPTED: 1, PARTIALLY_ADOPTED: 1, NOT_ADOPTED: 1, MERGED: 1 });
    const bySection = Object.fromEntries(report.report.sections.map((section) => [String(section.number), [section.opinions, section.outcomes]]));
    expect(bySection).toEqual({
      null: [1, { ADOPTED: 0, PARTIALLY_ADOPTED: 1, NOT_ADOPTED: 0, MERGED: 0 }],
      1: [1, { ADOPTED: 1, PARTIALLY_ADOPTED: 0, NOT_ADOPTED: 0, MERGED: 0 }],
      2: [0, { ADOPTED: 0, PARTIALLY_ADOPTED: 0, NOT_ADOPTED: 0, MERGED: 0 }],
      3: [2, { ADOPTED: 0, PARTIALLY_ADOPTED: 0, NOT_ADOPTED: 1, MERGED: 1 }],
    });
    expect(report.report.adopted.map((entry) => entry.summary)).toEqual(['第一条增加“保护生态环境”的表述', '部分吸收']);
    expect(report.report.notAdopted).toEqual([{ opinionId: deadline, section: 3, reason: '上级规定须在三月底前完成报送', excerpt: expect.stringContaining('138****5678') }]);
    expect(report.report.merged).toEqual([{ opinionId: sameDeadline, mergedIntoOpinionId: deadline, reason: '与第2条意见相同' }]);

    const mine = myOpinionsResponseSchema.parse((await api(t).get(`/me/opinions?consultationId=${consultation.id}`).set(zhang.auth)).body);
    expect(mine.items.find((item) => item.id === deadline)).toMatchObject({ status: 'PUBLISHED', outcome: { outcome: 'NOT_ADOPTED', reason: '上级规定须在三月底前完成报送' } });
    const liMine = myOpinionsResponseSchema.parse((await api(t).get('/me/opinions').set(li.auth)).body);
    expect(liMine.items[0]?.outcome).toMatchObject({ outcome: 'MERGED', mergedIntoSectionNumber: 3 });

    // Exactly one message per contributor, zhang's covering both of zhang's opinions.
    for (const [who, text] of [[zhang, '采纳1条、不予采纳1条'], [li, '合并处理'], [wang, '部分采纳']] as const) {
      const messages = await t.prisma.notification.findMany({ where: { userId: who.userId, eventType: 'OPINION_OUTCOME_PUBLISHED' } });
      expect(messages).toHaveLength(1);
      expect(messages[0]?.body).toContain(text);
      expect(await t.prisma.outboxEvent.count({ where: { userId: who.userId, eventType: 'OPINION_OUTCOME_PUBLISHED' } })).toBe(1);
    }
    expect((await api(t).post(`${base(consultation.id)}/publish`).set(editor.auth).send({ explanation: '再发一次' })).status).toBe(409);
    expect((await answer(purpose, { outcome: 'NOT_ADOPTED', reason: '改主意了' })).status).toBe(409);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: consultation.id, action: 'CONSULTATION_FEEDBACK_PUBLISHED' } });
    expect(audit).toMatchObject({ actorUserId: editor.userId, actorRole: 'DEPARTMENT_HANDLER' });

    // A correction makes version 2; version 1 stays readable; nobody is notified again.
    const corrected = await api(t).post(`${base(consultation.id)}/corrections`).set(editor.auth).send({
      explanation: '经复核，第2条意见改为部分采纳。',
      changes: [{ opinionId: deadline, outcome: 'PARTIALLY_ADOPTED', summary: '报送时间调整为四月十五日前' }],
    });
    expect(corrected.status).toBe(200);
    const v2 = feedbackReportSchema.parse(corrected.body);
    expect(v2.version).toBe(2);
    expect(v2.report.totals).toMatchObject({ PARTIALLY_ADOPTED: 2, NOT_ADOPTED: 0 });
    expect(v2.versions.map((entry) => entry.version)).toEqual([1, 2]);
    const v1 = feedbackReportSchema.parse((await api(t).get(`/consultations/${consultation.id}/feedback?version=1`)).body);
    expect(v1.report.totals.NOT_ADOPTED).toBe(1);
    expect(feedbackReportSchema.parse((await api(t).get(`/consultations/${consultation.id}/feedback`)).body).version).toBe(2);
    expect((await api(t).get(`/consultations/${consultation.id}/feedback?version=9`)).status).toBe(404);
    expect(await t.prisma.notification.count({ where: { userId: zhang.userId, eventType: 'OPINION_OUTCOME_PUBLISHED' } })).toBe(1);
    expect((await api(t).post(`${base(consultation.id)}/corrections`).set(editor.auth).send({ explanation: '错误', changes: [{ opinionId: exemption, outcome: 'NOT_ADOPTED' }] })).status).toBe(400);
  });

  it('exports open data without personal data, as JSON and CSV', async () => {
    const consultation = await createOpenConsultation(t, editor, department.id);
    const resident = await loginAs(t);
    const opinion = (await submitOpinion(t, resident, consultation.id, { sectionId: consultation.sections[0]?.id, body: '请联系我13812345678，身份证330102199001011234，建议增加条款。' })).body.opinion.id as string;
    expect((await api(t).get(`/consultations/${consultation.id}/open-data`)).status).toBe(409);
    await close(consultation.id);
    await api(t).put(`${base(consultation.id)}/opinions/${opinion}/outcome`).set(editor.auth).send({ outcome: 'NOT_ADOPTED', reason: '超出本办法调整范围' });
    expect((await api(t).post(`${base(consultation.id)}/publish`).set(editor.auth).send({ explanation: '感谢参与。' })).status).toBe(200);

    const json = await api(t).get(`/consultations/${consultation.id}/open-data?format=json`);
    expect(json.status).toBe(200);
    const data = openDataExportSchema.parse(json.body);
    expect(data.opinions).toEqual([expect.objectContaining({ no: 1, section: 1, outcome: 'NOT_ADOPTED', reason: '超出本办法调整范围' })]);
    const text = JSON.stringify(json.body);
    for (const secret of [resident.userId, resident.openid, '13812345678', '330102199001011234', opinion]) expect(text).not.toContain(secret);
    expect(text).toContain('138****5678');

    const csv = await api(t).get(`/consultations/${consultation.id}/open-data?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,条款,提交日期,意见内容,处理结果,采纳情况,理由,合并至序号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('不予采纳');
    for (const secret of [resident.userId, resident.openid, '13812345678']) expect(csv.text).not.toContain(secret);
    expect((await api(t).get(`/consultations/${consultation.id}/open-data?format=xml`)).status).toBe(400);
  });

  it('lists the department’s consultations with what is left to answer', async () => {
    const consultation = await createOpenConsultation(t, editor, department.id);
    await submitOpinion(t, await loginAs(t), consultation.id, { body: '建议增加过渡期安排，给企业准备时间。' });
    const list = await api(t).get(`/staff/departments/${department.id}/consultations`).set(editor.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.find((item: { id: string }) => item.id === consultation.id)).toMatchObject({ status: 'OPEN', unansweredCount: 1, opinionCount: 1 });
    const view = await staffView(consultation.id);
    expect(view.opinions[0]).toMatchObject({ no: 1, status: 'SUBMITTED', contentCheckStatus: 'PASS', outcome: null });
  });
});
