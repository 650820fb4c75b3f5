import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { encryptPersonal, hashPersonal } from '@govpocket/db';
import { closeDueConsultations, openDueConsultations } from '../../bff/src/modules/consultation';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';
import { at, createBookingHall } from '../booking/booking-env';
import { startFeesEnv, type FeesEnv } from '../fees/fees-env';

/**
 * The authorisation matrix's world: hall A and hall B, department A (owns the item, the mailbox
 * and the consultations, and handles the letters) and department B, a resident who owns every
 * resident resource (residentA) and one who owns none (residentB), the staff of each scope and an
 * admin. Resources are made on demand, in the state a route needs, once shared (for the actors a
 * route refuses) or fresh (for an allowed actor whose request changes it).
 */
export const actors = ['anonymous', 'residentA', 'residentB', 'windowA', 'windowB', 'handlerA', 'handlerB', 'officeA', 'officeB', 'admin'] as const;
export type Actor = (typeof actors)[number];

export const today = '2026-11-25';
/** The last digits of residentA's phone: with a tracking code, what the anonymous look-up asks for. */
export const residentAPhoneLast4 = '1234';
const tomorrow = '2026-11-26';

export type LetterState = 'SUBMITTED' | 'ACCEPTED' | 'ASSIGNED' | 'REPLY_DRAFTED' | 'EXTENSION_REQUESTED' | 'REPLIED' | 'SUPPLEMENT_REQUESTED' | 'CLOSED' | 'PUBLISHED';
export type AppointmentState = 'BOOKED' | 'CHECKED_IN' | 'CALLED' | 'SERVING' | 'COMPLETED';
export type ConsultationState = 'DRAFT' | 'OPEN' | 'CLOSED' | 'ANSWERED' | 'FEEDBACK_PUBLISHED';

/** Path parameters a resource fills in (`id`, `fileId`, `opinionId`, …). */
export type Params = Record<string, string>;

export type World = {
  env: FeesEnv;
  sessions: Record<Actor, LoggedIn | null>;
  /** Ids that no request changes: the defaults of the path parameters. */
  fixed: Params;
  makers: Record<string, () => Promise<Params>>;
  /** A valid guide input of department A (the maintenance routes' body). */
  guideInput: (code: string) => Record<string, unknown>;
  nextGuideCode: () => string;
};

const unique = (): string => randomUUID().replace(/-/g, '').slice(0, 10);

export async function startAuthorizationWorld(): Promise<World> {
  const env = await startFeesEnv(`${today} 08:00`);
  const api = () => request(env.app.callback());
  const item = await env.prisma.serviceItem.findUniqueOrThrow({ where: { id: env.itemId }, select: { departmentId: true, currentVersion: true } });
  const departmentA = item.departmentId;
  const departmentB = (await env.prisma.department.create({ data: { name: `测试乙局${unique()}` }, select: { id: true } })).id;
  const hallA = env.hall;
  const hallB = await createBookingHall(env, { rules: [{ weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00', capacity: 50, slotMinutes: 60 }], queuePrefix: 'B' });
  const mailbox = async (ownerDepartmentId: string) => (await env.prisma.mailbox.create({ data: { name: `测试局长信箱${unique()}`, kind: 'DEPARTMENT', ownerDepartmentId, description: '测试用信箱' }, select: { id: true } })).id;
  const mailboxA = await mailbox(departmentA);
  const mailboxB = await mailbox(departmentB);

  const residentA = await loginAs(env);
  const sessions: Record<Actor, LoggedIn | null> = {
    anonymous: null,
    residentA,
    residentB: await loginAs(env),
    windowA: env.staff,
    windowB: await createStaff(env, [{ role: 'WINDOW_STAFF', hallId: hallB.hallId }]),
    handlerA: await createStaff(env, [{ role: 'DEPARTMENT_HANDLER', departmentId: departmentA }]),
    handlerB: await createStaff(env, [{ role: 'DEPARTMENT_HANDLER', departmentId: departmentB }]),
    officeA: await createStaff(env, [{ role: 'MAILBOX_OFFICE', departmentId: departmentA }]),
    officeB: await createStaff(env, [{ role: 'MAILBOX_OFFICE', departmentId: departmentB }]),
    admin: await createStaff(env, [{ role: 'ADMIN' }]),
  };
  // Everyone has a bound phone (a letter needs it) and has agreed to the privacy guide.
  for (const [index, session] of Object.values(sessions).entries()) {
    if (!session) continue;
    const phone = session === residentA ? `1390000${residentAPhoneLast4}` : `1390001${String(index).padStart(4, '0')}`;
    await env.prisma.user.update({ where: { id: session.userId }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: session.userId }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
    await request(env.app.callback()).post('/me/consents').set(session.auth).send({ kind: 'PRIVACY_POLICY', version: env.config.PRIVACY_POLICY_VERSION });
  }
  const as = (actor: Actor): LoggedIn => {
    const session = sessions[actor];
    if (!session) throw new Error(`${actor} has no session`);
    return session;
  };
  const clearRateLimits = async (): Promise<void> => {
    const keys = await env.redis.keys(`${env.config.REDIS_KEY_PREFIX}rl:*`);
    if (keys.length > 0) await env.redis.del(...keys);
  };
  const expectOk = (what: string, response: request.Response): request.Response => {
    if (response.status >= 300) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  const slot = (hallId: string, date: string, time: string) => env.prisma.slot.findFirstOrThrow({ where: { hallId, startsAt: at(`${date} ${time}`) }, select: { id: true, date: true, startsAt: true, endsAt: true } });

  // ── appointments: written straight to the table, so residentA may hold as many as the matrix needs.
  let checkInSerial = 0;
  const appointment = async (state: AppointmentState): Promise<{ id: string; code: string }> => {
    const target = await slot(hallA.hallId, today, '10:00');
    const code = String(200000 + checkInSerial++); // unique per hall and day
    const now = new Date();
    const queue = { checkedInAt: now, queueNumber: `A${code.slice(0, 3)}` };
    const called = { ...queue, calledAt: now, calledWindowId: hallA.windowIds[0] };
    const stamps = { BOOKED: {}, CHECKED_IN: queue, CALLED: called, SERVING: { ...called, servingStartedAt: now }, COMPLETED: { ...queue, completedAt: now, actualTrips: 1 } }[state];
    const row = await env.prisma.appointment.create({
      data: {
        residentId: residentA.userId, itemId: env.itemId, itemVersion: item.currentVersion, hallId: hallA.hallId, slotId: target.id, date: target.date, startsAt: target.startsAt, endsAt: target.endsAt,
        status: state, idempotencyKey: `authz-${unique()}`, checkInCode: code, promisedTrips: 1, ...stamps,
      },
      select: { id: true },
    });
    await env.prisma.slot.update({ where: { id: target.id }, data: { bookedCount: { increment: 1 } } });
    return { id: row.id, code };
  };

  /** A booking and a free day to move it to: each move lands residentA on a day of its own. */
  const moveDays = ['2026-12-03', '2026-12-04', '2026-12-02'];
  let moveTurn = 0;
  const appointmentToMove = async (): Promise<Params> => ({ ...(await appointment('BOOKED')), moveSlotId: (await slot(hallA.hallId, moveDays[moveTurn++ % moveDays.length] ?? '2026-12-03', '10:00')).id });

  const preReview = async (): Promise<Params> => {
    const { id } = await appointment('BOOKED');
    const file = await env.prisma.preReviewFile.create({ data: { appointmentId: id, materialName: '居民身份证', fileUrl: 'https://example.invalid/id.jpg', storageKey: `authz/${unique()}.jpg`, mimeType: 'image/jpeg', sizeBytes: 1024 }, select: { id: true } });
    return { fileId: file.id };
  };

  const followUp = async (): Promise<Params> => {
    const { id } = await appointment('COMPLETED');
    const rating = await env.prisma.rating.create({ data: { appointmentId: id, residentId: residentA.userId, hallId: hallA.hallId, itemId: env.itemId, level: 'DISSATISFIED', tags: [] }, select: { id: true } });
    const row = await env.prisma.ratingFollowUp.create({ data: { ratingId: rating.id, hallId: hallA.hallId, dueAt: at('2026-12-20 17:00') }, select: { id: true } });
    return { id: row.id };
  };

  const feeOrder = async (): Promise<Params> => {
    const { id: appointmentId } = await appointment('CHECKED_IN');
    const issued = expectOk('issue fee order', await api().post(`/staff/halls/${hallA.hallId}/fee-orders`).set(as('windowA').auth).set('Idempotency-Key', `authz-${unique()}`).send({ appointmentId }));
    return { id: String(issued.body.feeOrder.id), appointmentId };
  };

  const notification = async (): Promise<Params> => {
    const row = await env.prisma.notification.create({ data: { userId: residentA.userId, title: '预约成功', body: '您已预约成功' }, select: { id: true } });
    return { id: row.id };
  };

  // ── letters: through the real workflow, residentA writing to department A's mailbox (or B's).
  const staffAct = async (actor: Actor, id: string, action: string, body: object = {}) => expectOk(`letter ${action}`, await api().post(`/staff/letters/${id}/${action}`).set(as(actor).auth).send(body));
  const letter = async (state: LetterState, side: 'A' | 'B' = 'A'): Promise<Params> => {
    const [office, handler, departmentId] = side === 'A' ? (['officeA', 'handlerA', departmentA] as const) : (['officeB', 'handlerB', departmentB] as const);
    await clearRateLimits();
    const submitted = expectOk('submit letter', await api().post('/letters').set(residentA.auth).set('Idempotency-Key', `authz-${unique()}`).send({
      mailboxId: side === 'A' ? mailboxA : mailboxB, type: 'SUGGEST', title: '建议增设滨江路公交站台', body: '滨江路沿线小区居民较多，但最近的公交站台相距一公里，老人出行很不方便，建议增设站台。', isPublishAgreed: true,
    }));
    const id = String(submitted.body.letter.id);
    const trackingCode = String(submitted.body.letter.trackingCode);
    if (state === 'SUPPLEMENT_REQUESTED') await staffAct(office, id, 'supplement-request', { request: '请补充具体路段' });
    if (state === 'SUBMITTED' || state === 'SUPPLEMENT_REQUESTED') return { id, trackingCode };
    await staffAct(office, id, 'accept');
    if (state === 'ACCEPTED') return { id, trackingCode };
    await staffAct(office, id, 'assign', { departmentId });
    if (state === 'EXTENSION_REQUESTED') await staffAct(handler, id, 'extension', { days: 5, reason: '需要实地勘察' });
    if (state === 'ASSIGNED' || state === 'EXTENSION_REQUESTED') return { id, trackingCode };
    await staffAct(handler, id, 'reply', { body: '您好，增设站台方案已纳入明年线网优化计划，感谢您的建议。', isSubmitted: true });
    if (state === 'REPLY_DRAFTED') return { id, trackingCode };
    await staffAct(office, id, 'review-reply', { decision: 'APPROVE' });
    if (state === 'REPLIED') return { id, trackingCode };
    await env.prisma.letter.update({ where: { id }, data: { status: 'CLOSED', closedAt: new Date() } });
    if (state === 'PUBLISHED') await staffAct(office, id, 'publish');
    return { id, trackingCode };
  };

  // ── consultations of department A (or B), drafted by its handler; residentA's opinion on each.
  const consultation = async (state: ConsultationState, side: 'A' | 'B' = 'A'): Promise<Params> => {
    const [handler, departmentId] = side === 'A' ? (['handlerA', departmentA] as const) : (['handlerB', departmentB] as const);
    const draft = expectOk('draft consultation', await api().post(`/staff/departments/${departmentId}/consultations`).set(as(handler).auth).send({
      title: `《清江市测试管理办法（征求意见稿）》${unique()}`, summary: '规范测试管理，公开征求意见。', background: '为规范本市测试管理工作，起草了本办法。', basis: '《中华人民共和国立法法》', startDate: today,
      contact: { name: '市测试局法规处', phone: '0576-88000000', email: 'fg@test.example.cn', address: '清江市市民大道1号' },
      sections: [{ heading: '第一章 总则', body: '为了规范测试管理，制定本办法。' }, { heading: '第二章 管理', body: '测试单位应当在每年三月底前报送年度测试计划。' }],
    }));
    const id = String(draft.body.id);
    if (state === 'DRAFT') return { id };
    await openDueConsultations({ prisma: env.prisma }, { now: env.clock.now });
    await clearRateLimits();
    const opinion = expectOk('submit opinion', await api().post(`/consultations/${id}/opinions`).set(residentA.auth).set('Idempotency-Key', `authz-${unique()}`).send({ body: '建议明确年度测试计划的报送方式，允许网上报送。' }));
    const opinionId = String(opinion.body.opinion.id);
    if (state === 'OPEN') return { id, opinionId };
    await env.prisma.consultation.update({ where: { id }, data: { endsAt: new Date(env.clock.now.getTime() - 60_000) } });
    await closeDueConsultations({ prisma: env.prisma }, { now: env.clock.now });
    if (state === 'CLOSED') return { id, opinionId };
    expectOk('answer opinion', await api().put(`/staff/departments/${departmentId}/consultations/${id}/opinions/${opinionId}/outcome`).set(as(handler).auth).send({ outcome: 'ADOPTED', summary: '已采纳，增加网上报送方式。' }));
    if (state === 'ANSWERED') return { id, opinionId };
    expectOk('publish feedback', await api().post(`/staff/departments/${departmentId}/consultations/${id}/publish`).set(as(handler).auth).send({ explanation: '感谢各位市民的意见。' }));
    return { id, opinionId };
  };

  const guideErrorReport = async (): Promise<Params> => {
    await clearRateLimits();
    const report = expectOk('report guide error', await api().post(`/guides/${env.itemCode}/error-reports`).set(residentA.auth).send({ category: 'MATERIALS', content: '材料清单缺少户口簿复印件的说明' }));
    return { reportId: String(report.body.id) };
  };

  const calendarDay = (() => {
    let day = 0;
    return async (): Promise<Params> => {
      day += 1;
      return { date: `2099-03-${String(day).padStart(2, '0')}` };
    };
  })();

  /** A day with an admin's override on it (the one a removal takes away). */
  const calendarOverride = async (): Promise<Params> => {
    const params = await calendarDay();
    expectOk('set calendar override', await api().put(`/admin/calendar/days/${params.date}`).set(as('admin').auth).send({ kind: 'HOLIDAY', name: '测试假日' }));
    return params;
  };

  const hallDay = (() => {
    let offset = 0;
    const days = ['2026-11-30', '2026-12-01', '2026-12-02'];
    return async (): Promise<Params> => ({ date: days[offset++ % days.length] ?? '2026-11-30' });
  })();

  let overrideDay = 0;
  const scheduleOverride = async (): Promise<Params> => {
    overrideDay += 1;
    const row = await env.prisma.scheduleOverride.create({ data: { hallId: hallA.hallId, date: new Date(Date.UTC(2027, 6, overrideDay)), kind: 'CLOSURE', reason: '设备检修' }, select: { id: true } });
    return { overrideId: row.id };
  };

  /** A template of hall A for a later year: saving it leaves this year's slots as they are. */
  const scheduleTemplate = async (): Promise<Params> => {
    const row = await env.prisma.scheduleTemplate.create({
      data: { hallId: hallA.hallId, name: `测试作息${unique()}`, validFrom: new Date('2027-06-01T00:00:00Z'), rules: { create: [{ weekday: 1, startTime: '09:00', endTime: '12:00', capacity: 10, slotMinutes: 60 }] } },
      select: { id: true },
    });
    return { templateId: row.id };
  };

  const staffAccount = async (): Promise<Params> => ({ id: (await env.prisma.staffAccount.create({ data: { name: `待绑定${unique()}` }, select: { id: true } })).id });

  let slotTurn = 0;
  const slotOf = async (): Promise<Params> => ({ slotId: (await slot(hallA.hallId, tomorrow, ['14:00', '15:00', '16:00'][slotTurn++ % 3] ?? '14:00')).id });

  // Guides of department A of their own, made by an admin as the maintenance screen does: the
  // maintenance routes publish, unpublish and edit them.
  let guideSerial = 1;
  const guideInput = (code: string) => ({
    code, name: '测试指南事项', type: 'PUBLIC_SERVICE', departmentId: departmentA, audience: 'INDIVIDUAL', themes: ['测试'], lifeEvents: [], keywords: ['测试'],
    basis: [{ law: '《测试管理条例》', article: '第三条' }], conditions: ['本市户籍居民'],
    materials: [{ name: '居民身份证', form: 'ORIGINAL', copies: 1, isRequired: true, condition: null, note: null, source: 'APPLICANT', isElectronicAccepted: true, blankFormUrl: null, sampleUrl: null }],
    steps: [{ name: '受理', actor: '窗口', description: '窗口受理申请', days: 1, countsTowardLimit: true }], statutoryDays: 1, promisedDays: 1,
    fee: { isCharged: false, standard: null, basis: null, amountFen: null, isOnlinePaymentEnabled: false }, onSiteTrips: 1, onlineDepth: 'LEVEL_2', deliveryMethods: ['WINDOW_PICKUP'],
    isAppointmentEnabled: false, hallIds: [hallA.hallId], hours: '工作日 9:00-17:00', consultPhone: null, supervisePhone: null, faq: [],
  });
  const nextGuideCode = (): string => `11331000AA-GG-${String(guideSerial++).padStart(4, '0')}`;
  const createGuide = async (): Promise<{ code: string }> => {
    const code = nextGuideCode();
    expectOk('create guide', await api().post('/admin/guides').set(as('admin').auth).send(guideInput(code)));
    expectOk('publish guide', await api().post(`/admin/guides/${code}/publish`).set(as('admin').auth));
    return { code };
  };
  const guide = await createGuide();
  const file = await env.prisma.uploadedFile.create({ data: { ownerId: residentA.userId, purpose: 'LETTER', storageKey: `authz/${unique()}.jpg`, sha256: '0'.repeat(64), contentType: 'image/jpeg', sizeBytes: 1024, width: 10, height: 10 }, select: { id: true } });
  const fixed: Params = {
    hallId: hallA.hallId, departmentId: departmentA, code: guide.code, itemCode: env.itemCode, year: '2026', version: '1', windowId: hallA.windowIds[0] ?? '', fileId: file.id,
    bookSlotId: (await slot(hallA.hallId, '2026-11-27', '10:00')).id, rescheduleSlotId: (await slot(hallA.hallId, tomorrow, '10:00')).id, otherWindowId: hallA.windowIds[1] ?? '', departmentB, mailboxA, hallB: hallB.hallId, hallBWindowId: hallB.windowIds[0] ?? '',
  };

  const makers: Record<string, () => Promise<Params>> = {
    'appointment:BOOKED': () => appointment('BOOKED'),
    'appointment:CHECKED_IN': () => appointment('CHECKED_IN'),
    'appointment:CALLED': () => appointment('CALLED'),
    'appointment:SERVING': () => appointment('SERVING'),
    'appointment:COMPLETED': () => appointment('COMPLETED'),
    appointmentToMove,
    preReview,
    followUp,
    feeOrder,
    notification,
    'letter:SUBMITTED': () => letter('SUBMITTED'),
    'letter:ACCEPTED': () => letter('ACCEPTED'),
    'letter:ASSIGNED': () => letter('ASSIGNED'),
    'letter:REPLY_DRAFTED': () => letter('REPLY_DRAFTED'),
    'letter:EXTENSION_REQUESTED': () => letter('EXTENSION_REQUESTED'),
    'letter:REPLIED': () => letter('REPLIED'),
    'letter:SUPPLEMENT_REQUESTED': () => letter('SUPPLEMENT_REQUESTED'),
    'letter:CLOSED': () => letter('CLOSED'),
    'letter:PUBLISHED': () => letter('PUBLISHED'),
    /** A duplicate and the open letter of the same office it is merged into. */
    letterToMerge: async () => ({ ...(await letter('SUBMITTED')), mergeTargetId: (await letter('ACCEPTED')).id ?? '' }),
    /** A letter of office A and one of office B: a merge never crosses offices. */
    letterToMergeAcrossOffices: async () => ({ ...(await letter('SUBMITTED')), mergeTargetId: (await letter('SUBMITTED', 'B')).id ?? '' }),
    'consultation:DRAFT': () => consultation('DRAFT'),
    'consultation:OPEN': () => consultation('OPEN'),
    'consultation:CLOSED': () => consultation('CLOSED'),
    'consultation:ANSWERED': () => consultation('ANSWERED'),
    'consultation:FEEDBACK_PUBLISHED': () => consultation('FEEDBACK_PUBLISHED'),
    /** Department B's closed consultation, with the id of an opinion on department A's. */
    consultationBWithForeignOpinion: async () => ({ ...(await consultation('CLOSED', 'B')), opinionId: (await consultation('OPEN')).opinionId ?? '' }),
    guideErrorReport,
    guide: async () => ({ code: (await createGuide()).code }),
    unpublishedGuide: async () => {
      const code = nextGuideCode();
      expectOk('create guide', await api().post('/admin/guides').set(as('admin').auth).send(guideInput(code)));
      return { code };
    },
    calendarDay,
    calendarOverride,
    hallDay,
    scheduleOverride,
    scheduleTemplate,
    staffAccount,
    slot: slotOf,
  };
  return { env, sessions, fixed, makers, guideInput, nextGuideCode };
}
