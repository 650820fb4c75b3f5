import { letterStatsResponseSchema, publicLetterListResponseSchema, staffLetterListResponseSchema, staffLetterResponseSchema } from '@govpocket/shared';
import { sendOverdueNotices } from '../../bff/src/modules/mailbox/jobs';
import { bigramsOf, jaccard } from '../../bff/src/modules/mailbox/text-similarity';
import { act, api, createResident, reply, startMailboxEnv, submit, toReplied, type MailboxEnv } from './mailbox-env';

/** The department desk (keyset, urgency colours), 督办 and the daily notice, public list, statistics, smart help. */
let env: MailboxEnv;

beforeAll(async () => {
  env = await startMailboxEnv('2026-11-02 09:30');
}, 60000);
afterAll(async () => {
  await env.close();
});

const w = () => env.world;
const deskOf = async (departmentId: string, who = w().handlerA, query: Record<string, string | number> = {}) =>
  staffLetterListResponseSchema.parse((await api(env).get(`/staff/departments/${departmentId}/letters`).set(who.auth).query(query)).body);

async function assignedOn(day: string): Promise<string> {
  env.setNow(`${day} 09:30`);
  const { id } = await submit(env, await createResident(env));
  await act(env, w().office, id, 'accept');
  await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
  return id;
}

describe('the department desk, 督办 and the daily notice', () => {
  let early: string;
  let middle: string;
  let late: string;

  beforeAll(async () => {
    early = await assignedOn('2026-11-02');
    middle = await assignedOn('2026-11-09');
    late = await assignedOn('2026-11-20');
  });

  it('orders by urgency (overdue red, due within 2 working days yellow) and pages by keyset', async () => {
    // 11-02 + 15 → 11-23; 11-09 + 15 → 11-30; 11-20 + 15 → 12-11.
    env.setNow('2026-11-26 10:00');
    const desk = await deskOf(w().departmentA.id);
    expect(desk.letters.map((letter) => letter.id)).toEqual([early, middle, late]);
    expect(desk.letters.map((letter) => letter.urgency)).toEqual(['OVERDUE', 'DUE_SOON', 'NORMAL']);
    const first = await deskOf(w().departmentA.id, w().handlerA, { limit: 2 });
    expect(first.letters.map((letter) => letter.id)).toEqual([early, middle]);
    const second = await deskOf(w().departmentA.id, w().handlerA, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.letters.map((letter) => letter.id)).toEqual([late]);
    expect(second.nextCursor).toBeNull();
    expect((await api(env).get(`/staff/departments/${w().departmentA.id}/letters`).set(w().handlerA.auth).query({ cursor: 'garbage' })).status).toBe(400);
    expect((await deskOf(w().departmentB.id, w().handlerB)).letters).toEqual([]);
  });

  it('lists overdue letters for the office and admins, and the daily job tells handler and office once a day', async () => {
    env.setNow('2026-11-26 08:00');
    expect(await sendOverdueNotices(env.jobs, { now: env.clock.now })).toEqual({ overdue: 0, dueSoon: 0, notices: 0 });
    env.setNow('2026-11-26 09:05');
    const office = staffLetterListResponseSchema.parse((await api(env).get(`/staff/offices/${w().officeId}/overdue`).set(w().office.auth)).body);
    expect(office.letters.map((letter) => letter.id)).toEqual([early]);
    const admin = staffLetterListResponseSchema.parse((await api(env).get('/staff/letters/overdue').set(w().admin.auth)).body);
    expect(admin.letters.map((letter) => letter.id)).toContain(early);
    const report = await sendOverdueNotices(env.jobs, { now: env.clock.now });
    expect(report).toMatchObject({ overdue: 1, dueSoon: 1 });
    const overdueNotices = await env.prisma.notification.findMany({ where: { eventType: 'LETTER_OVERDUE', userId: { in: [w().handlerA.userId, w().office.userId] } } });
    expect(overdueNotices.map((row) => row.userId).sort()).toEqual([w().handlerA.userId, w().office.userId].sort());
    expect(await env.prisma.notification.count({ where: { eventType: 'LETTER_DEADLINE_WARNING', userId: w().handlerA.userId } })).toBe(1);
    // Running again the same day sends nothing new; the next day the overdue letter is announced again.
    expect((await sendOverdueNotices(env.jobs, { now: env.clock.now })).notices).toBe(0);
    env.setNow('2026-11-27 09:05');
    await sendOverdueNotices(env.jobs, { now: env.clock.now });
    expect(await env.prisma.notification.count({ where: { eventType: 'LETTER_OVERDUE', userId: w().handlerA.userId } })).toBe(2);
  });

  it('leaves the desk once the reply is approved', async () => {
    env.setNow('2026-11-26 10:00');
    await act(env, w().handlerA, early, 'reply', { body: reply, isSubmitted: true });
    expect((await deskOf(w().departmentA.id)).letters.find((letter) => letter.id === early)?.statusLabel).toBe('答复审核中');
    await act(env, w().office, early, 'review-reply', { decision: 'APPROVE' });
    expect((await deskOf(w().departmentA.id)).letters.map((letter) => letter.id)).not.toContain(early);
  });
});

describe('the office lists', () => {
  it('shows new letters in the inbox and letters needing a decision under review', async () => {
    env.setNow('2026-12-01 10:00');
    const { id } = await submit(env, await createResident(env));
    const inbox = staffLetterListResponseSchema.parse((await api(env).get(`/staff/offices/${w().officeId}/letters`).set(w().office.auth)).body);
    expect(inbox.letters.map((letter) => letter.id)).toContain(id);
    await act(env, w().office, id, 'accept');
    const review = staffLetterListResponseSchema.parse((await api(env).get(`/staff/offices/${w().officeId}/letters`).set(w().office.auth).query({ view: 'review' })).body);
    expect(review.letters.map((letter) => letter.id)).toContain(id);
    expect((await api(env).get(`/staff/offices/${w().officeId}/letters`).set(w().office.auth).query({ view: 'bogus' })).status).toBe(400);
  });
});

describe('statistics and 信件选登', () => {
  it('counts received, accepted, replied, on time and satisfaction per department for a month and a quarter', async () => {
    const month = '2027-01';
    // Four letters in January 2027: one replied on time and rated 满意, one replied late and rated
    // 不满意 twice (closed), one not accepted, one still waiting.
    env.setNow('2027-01-04 09:00');
    const happy = await createResident(env);
    const onTime = await toReplied(env, happy);
    await api(env).post(`/letters/${onTime}/rating`).set(happy.auth).send({ satisfaction: 'SATISFIED' });
    const grumpy = await createResident(env);
    const { id: lateId } = await submit(env, grumpy);
    await act(env, w().office, lateId, 'accept');
    await act(env, w().office, lateId, 'assign', { departmentId: w().departmentB.id });
    env.setNow('2027-02-10 09:00');
    await act(env, w().handlerB, lateId, 'reply', { body: reply, isSubmitted: true });
    await act(env, w().office, lateId, 'review-reply', { decision: 'APPROVE' });
    await api(env).post(`/letters/${lateId}/rating`).set(grumpy.auth).send({ satisfaction: 'BASICALLY_SATISFIED' });
    env.setNow('2027-01-05 09:00');
    const { id: refused } = await submit(env, await createResident(env));
    await act(env, w().office, refused, 'not-accept', { reasonCode: 'OUT_OF_SCOPE' });
    await submit(env, await createResident(env));

    const stats = letterStatsResponseSchema.parse((await api(env).get('/public/letter-stats').query({ period: 'month', value: month })).body);
    expect(stats.total).toMatchObject({ received: 4, accepted: 2, replied: 2, repliedOnTime: 1, onTimeRate: 0.5, rated: 2, satisfied: 2, satisfactionRate: 1 });
    expect(stats.departments.find((row) => row.departmentId === w().departmentA.id)).toMatchObject({ received: 1, replied: 1, repliedOnTime: 1, onTimeRate: 1 });
    expect(stats.departments.find((row) => row.departmentId === w().departmentB.id)).toMatchObject({ received: 1, replied: 1, repliedOnTime: 0, onTimeRate: 0 });
    expect(stats.departments.find((row) => row.departmentId === w().officeId)).toMatchObject({ received: 2, accepted: 0, replied: 0, onTimeRate: null });
    const quarter = letterStatsResponseSchema.parse((await api(env).get('/public/letter-stats').query({ period: 'quarter', value: '2027-Q1' })).body);
    expect(quarter).toMatchObject({ from: '2027-01-01', to: '2027-04-01' });
    expect(quarter.total.received).toBe(4);
    expect((await api(env).get('/public/letter-stats').query({ period: 'quarter', value: '2027-01' })).status).toBe(400);
  });

  it('lists only published letters, filtered by type, mailbox, department and month', async () => {
    env.setNow('2027-03-01 09:00');
    const resident = await createResident(env);
    const id = await toReplied(env, resident, { type: 'CONSULT', title: '咨询公积金提取流程', body: '请问租房提取公积金需要准备哪些材料，多久可以到账？' });
    await api(env).post(`/letters/${id}/rating`).set(resident.auth).send({ satisfaction: 'SATISFIED' });
    expect((await api(env).post(`/staff/letters/${id}/publish`).set(w().office.auth)).status).toBe(200);
    expect((await api(env).post(`/staff/letters/${id}/publish`).set(w().office.auth)).status).toBe(409);
    const list = async (query: Record<string, string>) => publicLetterListResponseSchema.parse((await api(env).get('/public/letters').query(query)).body).letters.map((letter) => letter.id);
    expect(await list({ type: 'CONSULT' })).toEqual([id]);
    expect(await list({ type: 'SUGGEST', month: '2027-03' })).toEqual([]);
    expect(await list({ departmentId: w().departmentA.id, month: '2027-03' })).toEqual([id]);
    expect(await list({ month: '2027-02' })).not.toContain(id);
    expect((await api(env).get('/public/letters').query({ month: '2027-13' })).status).toBe(400);
  });

  it('never lists a 举报 letter, even one marked published and asked for by type', async () => {
    const resident = await createResident(env);
    const id = await toReplied(env, resident, { type: 'REPORT', title: '举报某餐馆占道经营', body: '某餐馆长期占用人行道摆放桌椅，行人只能走机动车道，存在安全隐患。' });
    // Publishing a 举报 is refused; a row marked published by any other path must still stay private.
    await env.prisma.letter.update({ where: { id }, data: { isPublished: true, publishedAt: new Date(), publicTitle: '举报', publicBody: '举报', publicReply: '答复' } });
    const listed = publicLetterListResponseSchema.parse((await api(env).get('/public/letters').query({ type: 'REPORT' })).body).letters;
    expect(listed).toEqual([]);
    expect((await api(env).get(`/public/letters/${id}`)).status).toBe(404);
  });
});

describe('smart help for the office', () => {
  it('measures similarity on character bigrams', () => {
    const a = bigramsOf('江南大道路面塌陷，请尽快修复');
    expect(jaccard(a, bigramsOf('江南大道路面塌陷，请尽快修复'))).toBe(1);
    expect(jaccard(a, bigramsOf('江南大道路面出现塌陷请尽快修复处理'))).toBeGreaterThan(0.5);
    expect(jaccard(a, bigramsOf('公积金提取需要哪些材料'))).toBe(0);
  });

  it('suggests departments from their names, service items and similar past letters — shown, never applied', async () => {
    env.setNow('2027-03-02 09:00');
    await env.prisma.serviceItem.create({
      data: {
        code: `TWATER-${Date.now()}`, name: '供水报装', type: 'PUBLIC_SERVICE', departmentId: w().departmentA.id, audience: 'INDIVIDUAL', themes: [], keywords: ['自来水', '停水'], basis: [], conditions: [],
        statutoryDays: 10, promisedDays: 5, onSiteTrips: 0, onlineDepth: 'LEVEL_3', deliveryMethods: ['WINDOW_PICKUP'], isAppointmentEnabled: false, hours: '工作日', status: 'PUBLISHED', revisedAt: new Date(), publishedAt: new Date(),
      },
    });
    const { id } = await submit(env, await createResident(env), { type: 'HELP', title: '小区经常停水怎么办', body: '幸福小区最近一个月经常停水，自来水水压也很低，影响居民生活，请帮忙协调解决。' });
    const view = staffLetterResponseSchema.parse((await api(env).get(`/staff/letters/${id}`).set(w().office.auth)).body).letter;
    expect(view.suggestedDepartments[0]?.departmentId).toBe(w().departmentA.id);
    expect(view.suggestedDepartments[0]?.reasons.join('；')).toMatch(/停水|自来水/);
    expect(view.status).toBe('SUBMITTED');
    const handlerView = staffLetterResponseSchema.parse((await api(env).get(`/staff/letters/${id}`).set(w().admin.auth)).body).letter;
    expect(handlerView.suggestedDepartments.length).toBeGreaterThan(0);
  });
});
