import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loginAs } from '../support/factories';
import { actors, residentAPhoneLast4, today, startAuthorizationWorld, type Actor, type Params, type World } from './authorization-world';
import { routeKey, routesOf } from './routes';

/**
 * The authorisation matrix: every route of the router × every actor, each cell requested and its
 * status asserted. Resident resources (letter, appointment, fee order, opinion, notification,
 * file) belong to residentA; staff resources sit in hall A / department A. So residentB, windowB,
 * handlerB and officeB are the foreigners, and every row says what a foreigner gets:
 *   401 anonymous on a signed-in route · 403 wrong role or scope · 404 where the BFF hides another
 *   resident's resource (a resident must not learn it exists) · 2xx (or the documented 4xx of a
 *   minimal body or a wrong state) for the actors the route serves.
 * A route the router has and this table lacks fails the suite: a new route needs its row.
 * Every route is then requested under every other spelling of its path (a letter's case, a
 * trailing or doubled slash, a percent-encoded letter) by anonymous, residentA and admin: each is
 * 404 and writes nothing, so no guard can be stepped around by spelling a path differently.
 * Two smaller tables follow: a foreign id sent through one's own hall or department (404), and
 * staff-only text (internal notes, unapproved replies, drafted answers) kept out of public views.
 */

// Columns of every row, in this order:
//                 anonymous residentA residentB windowA windowB handlerA handlerB officeA officeB admin
type Row = readonly [number, number, number, number, number, number, number, number, number, number];

type Cell = {
  /** The expected status per actor, in the column order above. */
  expect: Row;
  /** A maker of the world: fills the path's resource parameters (`:id`, `:fileId`, …). */
  resource?: string;
  /** The request changes its resource: every actor the row lets through gets a fresh one. */
  isMutating?: boolean;
  /** Path parameters named differently from the world's (`:code` of a booking item). */
  rename?: Record<string, string>;
  query?: (p: Params) => string;
  body?: (p: Params, w: World) => object;
  /** Signs the actor in again first: the request ends the session it is sent with. */
  isOwnSession?: boolean;
};

const letterBody = (p: Params) => ({ mailboxId: p.mailboxA, type: 'SUGGEST', title: '建议增设滨江路公交站台', body: '滨江路沿线小区居民较多，但最近的公交站台相距一公里，老人出行很不方便，建议增设站台。', isPublishAgreed: true });
const draftBody = () => ({
  title: '《清江市测试管理办法（征求意见稿）》', summary: '规范测试管理，公开征求意见。', background: '为规范本市测试管理工作，起草了本办法。', basis: '《中华人民共和国立法法》', startDate: today,
  contact: { name: '市测试局法规处', phone: '0576-88000000', email: 'fg@test.example.cn', address: '清江市市民大道1号' },
  sections: [{ heading: '第一章 总则', body: '为了规范测试管理，制定本办法。' }],
});
const scheduleBody = () => ({ name: '冬季作息', validFrom: '2027-06-01', rules: [{ weekday: 1, startTime: '09:00', endTime: '12:00', capacity: 10 }] });

// Shorthands for the common rows; the table below spells out the rest cell by cell.
const everyone = (status: number): Row => [status, status, status, status, status, status, status, status, status, status];
const signedIn = (status: number): Row => [401, status, status, status, status, status, status, status, status, status];
const adminOnly = (status: number): Row => [401, 403, 403, 403, 403, 403, 403, 403, 403, status];
const ownerOnly = (status: number): Row => [401, status, 404, 404, 404, 404, 404, 404, 404, 404];
const hallA = (status: number): Row => [401, 403, 403, status, 403, 403, 403, 403, 403, status];
const departmentAHandler = (status: number): Row => [401, 403, 403, 403, 403, status, 403, 403, 403, status];
const departmentAStaff = (status: number): Row => [401, 403, 403, 403, 403, status, 403, status, 403, status];
const officeA = (status: number): Row => [401, 403, 403, 403, 403, 403, 403, status, 403, status];
const guideEditors = (status: number): Row => [401, 403, 403, 403, 403, status, status, 403, 403, status];
const guideEditorsA = (status: number): Row => [401, 403, 403, 403, 403, status, 403, 403, 403, status];

const table: Record<string, Cell> = {
  // ── platform, sign-in, files
  'GET /healthz': { expect: everyone(200) },
  'GET /readyz': { expect: everyone(200) },
  'GET /metrics': { expect: everyone(200) }, // nginx answers 404 for it in front of the BFF (docs/deployment.md)
  'POST /auth/wechat': { expect: everyone(200), body: (_p, w) => ({ code: w.env.fake.control.mintLoginCode(`oAUTHZ_${randomUUID().slice(0, 8)}`).code }) },
  'POST /auth/logout': { expect: signedIn(204), isOwnSession: true },
  'GET /me': { expect: signedIn(200) },
  'POST /files/images': { expect: signedIn(415) },
  'POST /files/documents': { expect: [401, 403, 403, 403, 403, 415, 415, 403, 403, 415] },
  'GET /files/:fileId/url': { expect: ownerOnly(200) },
  'GET /files/:fileId': { expect: everyone(403) }, // no signature: the route's own check, whoever asks
  // ── staff accounts
  'GET /admin/staff-accounts': { expect: adminOnly(200) },
  'POST /admin/staff-accounts': { expect: adminOnly(201), body: () => ({ name: '新员工', roles: [{ role: 'ADMIN' }] }) },
  'POST /admin/staff-accounts/:id/binding-codes': { expect: adminOnly(201), resource: 'staffAccount', isMutating: true },
  'POST /admin/staff-accounts/:id/disable': { expect: adminOnly(200), resource: 'staffAccount', isMutating: true, body: () => ({ reason: '调离岗位' }) },
  'POST /admin/staff-accounts/:id/enable': { expect: adminOnly(200), resource: 'staffAccount', isMutating: true },
  'POST /staff/bind': { expect: [401, 400, 400, 409, 409, 409, 409, 409, 409, 409], body: () => ({ code: 'ABCD2345' }) },
  // ── 我的
  'GET /me/profile': { expect: signedIn(200) },
  'POST /me/consents': { expect: signedIn(200), body: () => ({ kind: 'IMAGES', version: '1' }) },
  'POST /me/phone': { expect: signedIn(400), body: () => ({ code: 'not-a-phone-code' }) },
  'PUT /me/preferences': { expect: signedIn(200), body: () => ({ isElderMode: false }) },
  'GET /me/export': { expect: signedIn(200) },
  'POST /me/delete-account': { expect: signedIn(400), body: () => ({ confirm: '再想想' }) }, // unconfirmed: the owner would lose residentA
  // ── workbenches, calendar, audit
  'GET /staff/halls/:hallId/overview': { expect: hallA(200) },
  'GET /staff/departments/:departmentId/overview': { expect: departmentAStaff(200) },
  'GET /admin/calendar/:year': { expect: adminOnly(200) },
  'PUT /admin/calendar/days/:date': { expect: adminOnly(200), resource: 'calendarDay', isMutating: true, body: () => ({ kind: 'HOLIDAY', name: '测试假日' }) },
  'DELETE /admin/calendar/days/:date': { expect: adminOnly(204), resource: 'calendarOverride', isMutating: true },
  'GET /admin/audit-logs': { expect: adminOnly(200) },
  // ── guides: residents
  'GET /guides': { expect: everyone(200) },
  'GET /guide-catalog': { expect: everyone(200) },
  'GET /guide-search': { expect: everyone(200), query: () => 'q=测试' },
  'GET /guides/:code': { expect: everyone(200) },
  'GET /guides/:code/checklist': { expect: signedIn(200) },
  'PUT /guides/:code/checklist': { expect: signedIn(200), body: () => ({ checkedMaterialIds: [] }) },
  'PUT /guides/:code/favourite': { expect: signedIn(204) },
  'DELETE /guides/:code/favourite': { expect: signedIn(204) },
  'GET /me/favourites': { expect: signedIn(200) },
  'GET /me/recent-guides': { expect: signedIn(200) },
  'POST /guides/:code/error-reports': { expect: signedIn(201), body: () => ({ category: 'MATERIALS', content: '材料清单缺少户口簿复印件的说明' }) },
  'GET /me/guide-error-reports': { expect: signedIn(200) },
  'GET /staff/departments/:departmentId/guide-error-reports': { expect: departmentAStaff(200) },
  'POST /staff/departments/:departmentId/guide-error-reports/:reportId/answer': { expect: departmentAStaff(200), resource: 'guideErrorReport', isMutating: true, body: () => ({ answer: '已补充户口簿复印件的说明' }) },
  // ── guides: maintenance (any handler may list and import their own department's guides)
  'POST /admin/guides/import': { expect: guideEditors(415) }, // no file: the upload's own check, after role
  'GET /admin/guides/import-template.xlsx': { expect: guideEditors(200) },
  'GET /admin/guides/export.xlsx': { expect: adminOnly(200) },
  'GET /admin/guides/import-template.csv': { expect: guideEditors(200) },
  'GET /admin/guides/export.csv': { expect: adminOnly(200) },
  'GET /admin/guides': { expect: guideEditors(200) },
  'GET /admin/guides/:code': { expect: guideEditorsA(200) },
  'POST /admin/guides': { expect: guideEditorsA(201), body: (_p, w) => w.guideInput(w.nextGuideCode()) },
  'PUT /admin/guides/:code': { expect: guideEditorsA(200), body: (p, w) => w.guideInput(p.code ?? '') },
  'POST /admin/guides/:code/publish': { expect: guideEditorsA(204), resource: 'guide', isMutating: true },
  'POST /admin/guides/:code/unpublish': { expect: guideEditorsA(204), resource: 'guide', isMutating: true },
  'GET /guides/:code/versions': { expect: everyone(200) },
  'GET /guides/:code/versions/:version': { expect: everyone(200) },
  'GET /home': { expect: everyone(200) },
  // ── message centre
  'GET /notifications': { expect: signedIn(200) },
  'GET /notifications/unread-count': { expect: signedIn(200) },
  'POST /notifications/read-all': { expect: signedIn(200) },
  'POST /notifications/:id/read': { expect: ownerOnly(200), resource: 'notification', isMutating: true },
  'GET /notifications/subscriptions': { expect: signedIn(200) },
  'POST /notifications/subscriptions': { expect: signedIn(200), body: () => ({ results: { 'unknown-template': 'accept' } }) },
  // ── booking: residents
  'GET /booking/items/:code/halls': { expect: everyone(200), rename: { code: 'itemCode' } },
  'GET /booking/halls/:hallId/days': { expect: everyone(200), query: (p) => `itemCode=${p.itemCode}` },
  'GET /booking/halls/:hallId/slots': { expect: everyone(200), query: (p) => `itemCode=${p.itemCode}&date=2026-11-26` },
  'POST /appointments': { expect: signedIn(201), body: (p) => ({ itemCode: p.itemCode, slotId: p.bookSlotId }) },
  'GET /appointments': { expect: signedIn(200) },
  'GET /appointments/:id': { expect: ownerOnly(200), resource: 'appointment:BOOKED' },
  'GET /appointments/:id/queue': { expect: ownerOnly(200), resource: 'appointment:BOOKED' },
  'POST /appointments/:id/cancel': { expect: ownerOnly(200), resource: 'appointment:BOOKED', isMutating: true, body: () => ({ reason: '临时有事' }) },
  'POST /appointments/:id/reschedule': { expect: ownerOnly(200), resource: 'appointment:BOOKED', isMutating: true, body: (p) => ({ slotId: p.rescheduleSlotId }) },
  'POST /appointments/:id/rating': { expect: ownerOnly(201), resource: 'appointment:COMPLETED', isMutating: true, body: () => ({ level: 'SATISFIED' }) },
  'GET /me/booking-status': { expect: signedIn(200) },
  // ── booking: the hall's window staff
  'GET /staff/halls/:hallId/appointments': { expect: hallA(200) },
  'GET /staff/halls/:hallId/windows': { expect: hallA(200) },
  'POST /staff/halls/:hallId/check-in': { expect: hallA(200), resource: 'appointment:BOOKED', isMutating: true, body: (p) => ({ code: p.code }) },
  'POST /staff/halls/:hallId/windows/:windowId/call-next': { expect: hallA(200), resource: 'appointment:CHECKED_IN', isMutating: true },
  'POST /staff/halls/:hallId/appointments/:id/serve': { expect: hallA(200), resource: 'appointment:CALLED', isMutating: true },
  'POST /staff/halls/:hallId/appointments/:id/complete': { expect: hallA(200), resource: 'appointment:SERVING', isMutating: true, body: () => ({ isCaseFinished: true }) },
  // Before the slot has ended a no-show is refused by state: the scope check still comes first.
  'POST /staff/halls/:hallId/appointments/:id/no-show': { expect: hallA(409), resource: 'appointment:BOOKED', isMutating: true },
  'POST /staff/halls/:hallId/appointments/:id/transfer': { expect: hallA(200), resource: 'appointment:CALLED', isMutating: true, body: (p) => ({ windowId: p.otherWindowId }) },
  'POST /staff/halls/:hallId/appointments/:id/move': { expect: hallA(200), resource: 'appointmentToMove', isMutating: true, body: (p) => ({ slotId: p.moveSlotId, reason: '窗口调整' }) },
  'GET /staff/halls/:hallId/affected-bookings': { expect: hallA(200) },
  'POST /staff/halls/:hallId/appointments/:id/cancel': { expect: hallA(200), resource: 'appointment:BOOKED', isMutating: true, body: () => ({ reason: '设备故障' }) },
  'POST /staff/halls/:hallId/slots/:slotId/cancel': { expect: hallA(200), resource: 'slot', isMutating: true, body: () => ({ reason: '设备故障' }) },
  'POST /staff/halls/:hallId/days/:date/cancel': { expect: hallA(200), resource: 'hallDay', isMutating: true, body: () => ({ reason: '停电检修' }) },
  'GET /staff/halls/:hallId/pre-reviews': { expect: hallA(200) },
  'POST /staff/halls/:hallId/pre-reviews/:fileId': { expect: hallA(200), resource: 'preReview', isMutating: true, body: () => ({ status: 'PASSED' }) },
  'GET /staff/halls/:hallId/ratings': { expect: hallA(200) },
  'GET /staff/halls/:hallId/follow-ups': { expect: hallA(200) },
  'POST /staff/halls/:hallId/follow-ups/:id': { expect: hallA(200), resource: 'followUp', isMutating: true, body: () => ({ status: 'FIXED', note: '已整改窗口服务流程' }) },
  'GET /staff/halls/:hallId/trip-stats': { expect: hallA(200) },
  // ── booking: schedules (admins only)
  'GET /admin/halls/:hallId/schedule': { expect: adminOnly(200) },
  'POST /admin/halls/:hallId/schedule-templates': { expect: adminOnly(201), body: scheduleBody },
  'PUT /admin/halls/:hallId/schedule-templates/:templateId': { expect: adminOnly(200), resource: 'scheduleTemplate', isMutating: true, body: scheduleBody },
  'POST /admin/halls/:hallId/schedule-overrides': { expect: adminOnly(201), body: () => ({ date: '2027-05-10', kind: 'CLOSURE', reason: '设备检修' }) },
  'DELETE /admin/halls/:hallId/schedule-overrides/:overrideId': { expect: adminOnly(200), resource: 'scheduleOverride', isMutating: true },
  // ── mailbox: residents and the public (staff write letters as the residents they also are)
  'GET /mailboxes': { expect: everyone(200) },
  'POST /letters': { expect: signedIn(201), body: letterBody },
  'GET /letters': { expect: signedIn(200) },
  // Code + last 4 phone digits is the documented anonymous look-up: whoever holds both may read.
  'POST /letters/lookup': { expect: everyone(200), resource: 'letter:SUBMITTED', body: (p) => ({ trackingCode: p.trackingCode, phoneLast4: residentAPhoneLast4 }) },
  'GET /letters/:id': { expect: ownerOnly(200), resource: 'letter:ASSIGNED' },
  'POST /letters/:id/supplement': { expect: ownerOnly(200), resource: 'letter:SUPPLEMENT_REQUESTED', isMutating: true, body: () => ({ response: '具体路段为滨江路中段' }) },
  'POST /letters/:id/rating': { expect: ownerOnly(200), resource: 'letter:REPLIED', isMutating: true, body: () => ({ satisfaction: 'SATISFIED' }) },
  'GET /public/letters': { expect: everyone(200) },
  'GET /public/letters/:id': { expect: everyone(200), resource: 'letter:PUBLISHED' },
  'GET /public/letter-stats': { expect: everyone(200), query: () => 'period=month&value=2026-11' },
  // ── mailbox: the office of the owning department, the handlers of the assigned one
  'GET /staff/offices/:departmentId/letters': { expect: officeA(200) },
  'GET /staff/offices/:departmentId/overdue': { expect: officeA(200) },
  'GET /staff/letters/overdue': { expect: adminOnly(200) },
  'GET /staff/departments/:departmentId/letters': { expect: departmentAHandler(200) },
  'GET /staff/letters/:id': { expect: departmentAStaff(200), resource: 'letter:ASSIGNED' },
  'POST /staff/letters/:id/notes': { expect: departmentAStaff(201), resource: 'letter:ASSIGNED', isMutating: true, body: () => ({ body: '已电话联系来信人' }) },
  'POST /staff/letters/:id/accept': { expect: officeA(200), resource: 'letter:SUBMITTED', isMutating: true },
  'POST /staff/letters/:id/not-accept': { expect: officeA(200), resource: 'letter:SUBMITTED', isMutating: true, body: () => ({ reasonCode: 'OUT_OF_SCOPE', text: '不属于受理范围' }) },
  'POST /staff/letters/:id/assign': { expect: officeA(200), resource: 'letter:ACCEPTED', isMutating: true, body: (p) => ({ departmentId: p.departmentId }) },
  'POST /staff/letters/:id/reassign': { expect: officeA(200), resource: 'letter:ASSIGNED', isMutating: true, body: (p) => ({ departmentId: p.departmentB, reason: '职能调整' }) },
  'POST /staff/letters/:id/review-reply': { expect: officeA(200), resource: 'letter:REPLY_DRAFTED', isMutating: true, body: () => ({ decision: 'APPROVE' }) },
  'POST /staff/letters/:id/review-extension': { expect: officeA(200), resource: 'letter:EXTENSION_REQUESTED', isMutating: true, body: () => ({ decision: 'APPROVE' }) },
  'POST /staff/letters/:id/supplement-request': { expect: officeA(200), resource: 'letter:SUBMITTED', isMutating: true, body: () => ({ request: '请补充具体路段' }) },
  'POST /staff/letters/:id/merge': { expect: officeA(200), resource: 'letterToMerge', isMutating: true, body: (p) => ({ intoLetterId: p.mergeTargetId }) },
  'GET /staff/letters/:id/publish-preview': { expect: officeA(200), resource: 'letter:CLOSED' },
  'POST /staff/letters/:id/publish': { expect: officeA(200), resource: 'letter:CLOSED', isMutating: true },
  'PUT /staff/letters/:id/public-text': { expect: officeA(200), resource: 'letter:CLOSED', isMutating: true, body: () => ({ title: '建议增设公交站台', body: '沿线小区居民较多，建议增设公交站台。', reply: '增设方案已纳入明年线网优化计划。' }) },
  'POST /staff/letters/:id/withdraw-publication': { expect: officeA(200), resource: 'letter:PUBLISHED', isMutating: true, body: () => ({ reason: '来信人要求撤回公开' }) },
  'POST /staff/letters/:id/reply': { expect: departmentAHandler(200), resource: 'letter:ASSIGNED', isMutating: true, body: () => ({ body: '您好，增设站台方案已纳入明年线网优化计划。', isSubmitted: false }) },
  'POST /staff/letters/:id/extension': { expect: departmentAHandler(200), resource: 'letter:ASSIGNED', isMutating: true, body: () => ({ days: 5, reason: '需要实地勘察' }) },
  'POST /staff/letters/:id/return': { expect: departmentAHandler(204), resource: 'letter:ASSIGNED', isMutating: true, body: () => ({ reason: '不属于本部门职责' }) },
  // ── consultations: residents and the public
  'GET /consultations': { expect: everyone(200) },
  'GET /consultations/:id': { expect: everyone(200), resource: 'consultation:OPEN' },
  'POST /consultations/:id/opinions': { expect: signedIn(201), resource: 'consultation:OPEN', body: () => ({ body: '建议明确年度测试计划的报送方式，允许网上报送。' }) },
  'GET /me/opinions': { expect: signedIn(200) },
  'GET /consultations/:id/feedback': { expect: everyone(200), resource: 'consultation:FEEDBACK_PUBLISHED' },
  'GET /consultations/:id/open-data': { expect: everyone(200), resource: 'consultation:FEEDBACK_PUBLISHED' },
  // ── consultations: department A's handlers
  'GET /staff/departments/:departmentId/consultations': { expect: departmentAHandler(200) },
  'POST /staff/departments/:departmentId/consultations': { expect: departmentAHandler(201), body: draftBody },
  'GET /staff/departments/:departmentId/consultations/:id': { expect: departmentAHandler(200), resource: 'consultation:DRAFT' },
  'PUT /staff/departments/:departmentId/consultations/:id': { expect: departmentAHandler(200), resource: 'consultation:DRAFT', isMutating: true, body: draftBody },
  'PUT /staff/departments/:departmentId/consultations/:id/opinions/:opinionId/outcome': { expect: departmentAHandler(200), resource: 'consultation:CLOSED', isMutating: true, body: () => ({ outcome: 'ADOPTED', summary: '已采纳。' }) },
  'POST /staff/departments/:departmentId/consultations/:id/outcomes': { expect: departmentAHandler(200), resource: 'consultation:CLOSED', isMutating: true, body: (p) => ({ opinionIds: [p.opinionId], outcome: 'ADOPTED', summary: '已采纳。' }) },
  'POST /staff/departments/:departmentId/consultations/:id/publish': { expect: departmentAHandler(200), resource: 'consultation:ANSWERED', isMutating: true, body: () => ({ explanation: '感谢各位市民的意见。' }) },
  'POST /staff/departments/:departmentId/consultations/:id/corrections': { expect: departmentAHandler(200), resource: 'consultation:FEEDBACK_PUBLISHED', isMutating: true, body: () => ({ explanation: '更正一处笔误。', changes: [] }) },
  // ── fees
  'GET /fee-orders': { expect: signedIn(200) },
  'GET /fee-orders/:id': { expect: ownerOnly(200), resource: 'feeOrder' },
  'POST /fee-orders/:id/pay': { expect: ownerOnly(200), resource: 'feeOrder', isMutating: true },
  'GET /staff/halls/:hallId/fee-orders': { expect: hallA(200) },
  'POST /staff/halls/:hallId/fee-orders': { expect: hallA(201), resource: 'appointment:CHECKED_IN', isMutating: true, body: (p) => ({ appointmentId: p.id }) },
  // An unpaid order cannot be refunded: the hall's staff reach that check, nobody else does.
  'POST /staff/halls/:hallId/fee-orders/:id/refunds': { expect: hallA(409), resource: 'feeOrder', body: () => ({ reason: '多收费用' }) },
  // WeChat Pay's notifications carry no session: an unsigned one is refused by its signature check
  // (401 {"code":"FAIL"} in WeChat's shape), whoever sends it.
  'POST /payments/wechatpay/notify/transaction': { expect: everyone(401), body: () => ({}) },
  'POST /payments/wechatpay/notify/refund': { expect: everyone(401), body: () => ({}) },
  // WeChat's 消息推送 (media-check verdicts) carries no session: an unsigned request is refused by
  // its signature check, whoever sends it.
  'GET /wechat/message-push': { expect: everyone(403) },
  'POST /wechat/message-push': { expect: everyone(403), body: () => ({ Event: 'wxa_media_check', trace_id: 'forged', result: { suggest: 'pass', label: 100 } }) },
  'GET /openapi.json': { expect: everyone(200) },
};

/**
 * A foreign resource through one's own scope: the route lets the actor in (their own hall or
 * department is in the path), the id in it or in the body belongs to hall A / department A /
 * another office. The service must not act on it: 404, as if it did not exist. And what the
 * public must not see yet (a draft, an unpublished letter or guide) stays hidden from everyone.
 */
type Probe = { route: string; actor: Actor; resource?: string; params?: (p: Params) => Params; body?: (p: Params) => object; expect: number };
const viaHallB = (p: Params): Params => ({ hallId: p.hallB ?? '' });
const viaDepartmentB = (p: Params): Params => ({ departmentId: p.departmentB ?? '' });

const probes: Record<string, Probe> = {
  'windowB checks in hall A’s booking at hall B': { route: 'POST /staff/halls/:hallId/check-in', actor: 'windowB', resource: 'appointment:BOOKED', params: viaHallB, body: (p) => ({ code: p.code }), expect: 404 },
  'windowB calls from a window of hall A': { route: 'POST /staff/halls/:hallId/windows/:windowId/call-next', actor: 'windowB', resource: 'appointment:CHECKED_IN', params: viaHallB, expect: 404 },
  'windowB serves hall A’s booking': { route: 'POST /staff/halls/:hallId/appointments/:id/serve', actor: 'windowB', resource: 'appointment:CALLED', params: viaHallB, expect: 404 },
  'windowB completes hall A’s booking': { route: 'POST /staff/halls/:hallId/appointments/:id/complete', actor: 'windowB', resource: 'appointment:SERVING', params: viaHallB, body: () => ({ isCaseFinished: true }), expect: 404 },
  'windowB marks hall A’s booking a no-show': { route: 'POST /staff/halls/:hallId/appointments/:id/no-show', actor: 'windowB', resource: 'appointment:BOOKED', params: viaHallB, expect: 404 },
  'windowB transfers hall A’s booking to a window of hall B': { route: 'POST /staff/halls/:hallId/appointments/:id/transfer', actor: 'windowB', resource: 'appointment:CALLED', params: viaHallB, body: (p) => ({ windowId: p.hallBWindowId }), expect: 404 },
  'windowA transfers its booking to a window of hall B': { route: 'POST /staff/halls/:hallId/appointments/:id/transfer', actor: 'windowA', resource: 'appointment:CALLED', body: (p) => ({ windowId: p.hallBWindowId }), expect: 404 },
  'windowB moves hall A’s booking': { route: 'POST /staff/halls/:hallId/appointments/:id/move', actor: 'windowB', resource: 'appointmentToMove', params: viaHallB, body: (p) => ({ slotId: p.moveSlotId, reason: '窗口调整' }), expect: 404 },
  'windowB cancels hall A’s booking': { route: 'POST /staff/halls/:hallId/appointments/:id/cancel', actor: 'windowB', resource: 'appointment:BOOKED', params: viaHallB, body: () => ({ reason: '设备故障' }), expect: 404 },
  'windowB cancels a slot of hall A': { route: 'POST /staff/halls/:hallId/slots/:slotId/cancel', actor: 'windowB', resource: 'slot', params: viaHallB, body: () => ({ reason: '设备故障' }), expect: 404 },
  'windowB reviews hall A’s pre-review photo': { route: 'POST /staff/halls/:hallId/pre-reviews/:fileId', actor: 'windowB', resource: 'preReview', params: viaHallB, body: () => ({ status: 'PASSED' }), expect: 404 },
  'windowB closes hall A’s follow-up': { route: 'POST /staff/halls/:hallId/follow-ups/:id', actor: 'windowB', resource: 'followUp', params: viaHallB, body: () => ({ status: 'FIXED', note: '已整改窗口服务流程' }), expect: 404 },
  'windowB issues a fee order for hall A’s case': { route: 'POST /staff/halls/:hallId/fee-orders', actor: 'windowB', resource: 'appointment:CHECKED_IN', params: viaHallB, body: (p) => ({ appointmentId: p.id }), expect: 404 },
  'windowB refunds hall A’s fee order': { route: 'POST /staff/halls/:hallId/fee-orders/:id/refunds', actor: 'windowB', resource: 'feeOrder', params: viaHallB, body: () => ({ reason: '多收费用' }), expect: 404 },
  'admin edits hall A’s template under hall B': { route: 'PUT /admin/halls/:hallId/schedule-templates/:templateId', actor: 'admin', resource: 'scheduleTemplate', params: viaHallB, body: scheduleBody, expect: 404 },
  'admin removes hall A’s override under hall B': { route: 'DELETE /admin/halls/:hallId/schedule-overrides/:overrideId', actor: 'admin', resource: 'scheduleOverride', params: viaHallB, expect: 404 },
  'handlerB answers department A’s guide error report': { route: 'POST /staff/departments/:departmentId/guide-error-reports/:reportId/answer', actor: 'handlerB', resource: 'guideErrorReport', params: viaDepartmentB, body: () => ({ answer: '已补充说明' }), expect: 404 },
  'handlerB reads department A’s draft': { route: 'GET /staff/departments/:departmentId/consultations/:id', actor: 'handlerB', resource: 'consultation:DRAFT', params: viaDepartmentB, expect: 404 },
  'handlerB edits department A’s draft': { route: 'PUT /staff/departments/:departmentId/consultations/:id', actor: 'handlerB', resource: 'consultation:DRAFT', params: viaDepartmentB, body: draftBody, expect: 404 },
  'handlerB answers an opinion of department A': { route: 'PUT /staff/departments/:departmentId/consultations/:id/opinions/:opinionId/outcome', actor: 'handlerB', resource: 'consultation:CLOSED', params: viaDepartmentB, body: () => ({ outcome: 'ADOPTED', summary: '已采纳。' }), expect: 404 },
  'handlerB answers department A’s opinions in bulk': { route: 'POST /staff/departments/:departmentId/consultations/:id/outcomes', actor: 'handlerB', resource: 'consultation:CLOSED', params: viaDepartmentB, body: (p) => ({ opinionIds: [p.opinionId], outcome: 'ADOPTED', summary: '已采纳。' }), expect: 404 },
  'handlerB publishes department A’s feedback': { route: 'POST /staff/departments/:departmentId/consultations/:id/publish', actor: 'handlerB', resource: 'consultation:ANSWERED', params: viaDepartmentB, body: () => ({ explanation: '感谢各位市民的意见。' }), expect: 404 },
  'handlerB corrects department A’s feedback': { route: 'POST /staff/departments/:departmentId/consultations/:id/corrections', actor: 'handlerB', resource: 'consultation:FEEDBACK_PUBLISHED', params: viaDepartmentB, body: () => ({ explanation: '更正一处笔误。', changes: [] }), expect: 404 },
  'handlerB answers an opinion of department A through its own consultation': {
    route: 'PUT /staff/departments/:departmentId/consultations/:id/opinions/:opinionId/outcome', actor: 'handlerB', resource: 'consultationBWithForeignOpinion', params: viaDepartmentB, body: () => ({ outcome: 'ADOPTED', summary: '已采纳。' }), expect: 404,
  },
  'officeA merges its letter into a letter of office B': { route: 'POST /staff/letters/:id/merge', actor: 'officeA', resource: 'letterToMergeAcrossOffices', body: (p) => ({ intoLetterId: p.mergeTargetId }), expect: 403 },
  'the public reads a draft consultation': { route: 'GET /consultations/:id', actor: 'anonymous', resource: 'consultation:DRAFT', expect: 404 },
  'a resident reads the feedback before it is published': { route: 'GET /consultations/:id/feedback', actor: 'residentB', resource: 'consultation:CLOSED', expect: 404 },
  'the public reads a letter that is not published': { route: 'GET /public/letters/:id', actor: 'anonymous', resource: 'letter:CLOSED', expect: 404 },
  'a look-up with the wrong phone digits': { route: 'POST /letters/lookup', actor: 'anonymous', resource: 'letter:SUBMITTED', body: (p) => ({ trackingCode: p.trackingCode, phoneLast4: '0000' }), expect: 404 },
  'the public reads an unpublished guide': { route: 'GET /guides/:code', actor: 'residentB', resource: 'unpublishedGuide', expect: 404 },
  'the public reads an unpublished guide’s history': { route: 'GET /guides/:code/versions/:version', actor: 'anonymous', resource: 'unpublishedGuide', expect: 404 },
};

/**
 * Staff-only text never reaches a resident's or the public's view: an internal note, a reply the
 * office has not approved, an answer to an opinion before the feedback is published.
 */
type Secret = {
  name: string; actor: Actor; url: (p: Params) => string; body?: (p: Params) => object; resource: string; prepare?: (p: Params) => Promise<void>; secret: string;
  /** Where the staff do see it: proof that the text looked for is the right one. */
  staffView: { actor: Actor; url: (p: Params) => string };
};
const staffLetter = { actor: 'officeA', url: (p: Params) => `/staff/letters/${p.id}` } as const;
const staffConsultation = { actor: 'handlerA', url: (p: Params) => `/staff/departments/${p.departmentId}/consultations/${p.id}` } as const;
const internalNote = '内部备注：来信人情绪激动，注意沟通方式';
const secrets: Secret[] = [
  {
    name: 'an internal note is not in the writer’s view of the letter', actor: 'residentA', resource: 'letter:ASSIGNED', url: (p) => `/letters/${p.id}`, secret: internalNote, staffView: staffLetter,
    prepare: async (p) => {
      expect((await exchange({ method: 'POST', url: `/staff/letters/${p.id}/notes`, actor: 'handlerA', body: { body: internalNote } })).status).toBe(201);
    },
  },
  { name: 'a reply not yet approved is not in the writer’s view', actor: 'residentA', resource: 'letter:REPLY_DRAFTED', url: (p) => `/letters/${p.id}`, secret: '增设站台方案已纳入明年线网优化计划', staffView: staffLetter },
  {
    name: 'a reply not yet approved is not in the look-up', actor: 'anonymous', resource: 'letter:REPLY_DRAFTED', url: () => '/letters/lookup',
    body: (p) => ({ trackingCode: p.trackingCode, phoneLast4: residentAPhoneLast4 }), secret: '增设站台方案已纳入明年线网优化计划', staffView: staffLetter,
  },
  { name: 'a drafted answer is not in the contributor’s opinions', actor: 'residentA', resource: 'consultation:ANSWERED', url: (p) => `/me/opinions?consultationId=${p.id}`, secret: '已采纳，增加网上报送方式', staffView: staffConsultation },
  { name: 'a drafted answer is not on the public page', actor: 'anonymous', resource: 'consultation:ANSWERED', url: (p) => `/consultations/${p.id}`, secret: '已采纳，增加网上报送方式', staffView: staffConsultation },
];

let w: World;
const routes: string[] = [];
const shared = new Map<string, Promise<Params>>();

async function resourceParams(resource: string | undefined, isFresh: boolean): Promise<Params> {
  if (!resource) return w.fixed;
  const make = w.makers[resource];
  if (!make) throw new Error(`no maker ${resource}`);
  if (isFresh) return { ...w.fixed, ...(await make()) };
  if (!shared.has(resource)) shared.set(resource, make());
  return { ...w.fixed, ...(await shared.get(resource)) };
}

function pathOf(path: string, params: Params, rename: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[rename[name] ?? name];
    if (value === undefined) throw new Error(`no value for :${name}`);
    return encodeURIComponent(value);
  });
}

async function clearRateLimits(): Promise<void> {
  const keys = await w.env.redis.keys(`${w.env.config.REDIS_KEY_PREFIX}rl:*`);
  if (keys.length > 0) await w.env.redis.del(...keys);
}

type Exchange = { method: string; url: string; actor: Actor; body?: object; isOwnSession?: boolean };

/** One request as `actor` (a fresh Idempotency-Key each time); a rate limit is cleared and retried once. */
async function exchange({ method, url, actor, body, isOwnSession }: Exchange): Promise<request.Response> {
  const session = w.sessions[actor];
  if (session && isOwnSession) await clearRateLimits(); // this env keeps the production login limit
  const signed = session && isOwnSession ? await loginAs(w.env, session.openid) : session;
  const call = () => {
    let test = request(w.env.app.callback())[method.toLowerCase() as 'get'](url).set('Idempotency-Key', `authz-${randomUUID()}`);
    if (signed) test = test.set(signed.auth);
    return body ? test.send(body) : test;
  };
  const response = await call();
  if (response.status !== 429) return response;
  await clearRateLimits();
  return call();
}

async function sendCell(key: string, actor: Actor): Promise<request.Response> {
  const cell = table[key];
  if (!cell) throw new Error(`no row for ${key}`);
  const expected = cell.expect[actors.indexOf(actor)] ?? 0;
  const params = await resourceParams(cell.resource, Boolean(cell.isMutating) && expected < 400);
  const [method = 'GET', path = '/'] = key.split(' ');
  const url = pathOf(path, params, cell.rename) + (cell.query ? `?${cell.query(params)}` : '');
  return exchange({ method, url, actor, body: cell.body?.(params, w), isOwnSession: cell.isOwnSession });
}

async function sendProbe(probe: Probe): Promise<request.Response> {
  const base = await resourceParams(probe.resource, true);
  const params = { ...base, ...probe.params?.(base) };
  const [method = 'GET', path = '/'] = probe.route.split(' ');
  return exchange({ method, url: pathOf(path, params), actor: probe.actor, body: probe.body?.(params) });
}

beforeAll(async () => {
  w = await startAuthorizationWorld();
  routes.push(...routesOf(w.env.app).map(routeKey));
}, 120_000);

afterAll(async () => {
  await w?.env.close();
});

const outcome = (response: request.Response) => ({ status: response.status, error: response.status >= 400 ? response.body?.error?.code ?? response.body?.code : undefined });

describe('authorisation matrix: every route × every actor', () => {
  it('has a row for every route of the router, and no row for a route that is gone', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((key) => !(key in table))).toEqual([]);
    expect(Object.keys(table).filter((key) => !routes.includes(key))).toEqual([]);
  });

  describe.each(Object.keys(table))('%s', (key) => {
    it.each(actors.map((actor, column) => [actor, table[key]?.expect[column] ?? 0] as const))('as %s → %i', async (actor, expected) => {
      expect(outcome(await sendCell(key, actor))).toMatchObject({ status: expected });
    });
  });
});

describe('staff-only text stays with the staff', () => {
  it.each(secrets.map((secret) => [secret.name, secret] as const))('%s', async (_name, secret) => {
    const params = await resourceParams(secret.resource, true);
    await secret.prepare?.(params);
    const response = await exchange({ method: secret.body ? 'POST' : 'GET', url: secret.url(params), actor: secret.actor, body: secret.body?.(params) });
    expect(response.status).toBe(200);
    expect(response.text).not.toContain(secret.secret);
    expect((await exchange({ method: 'GET', url: secret.staffView.url(params), actor: secret.staffView.actor })).text).toContain(secret.secret);
  });
});

describe('a foreign resource through one’s own scope, and what is not public yet', () => {
  it.each(Object.entries(probes).map(([name, probe]) => [name, probe.expect, probe] as const))('%s → %i', async (_name, expected, probe) => {
    expect(table[probe.route]).toBeDefined(); // a route of the matrix, so its own scope's answer is asserted there
    expect(outcome(await sendProbe(probe))).toMatchObject({ status: expected });
  });
});

/**
 * Other spellings of one concrete path: the first and the last literal segment upper-cased, a
 * trailing slash, a doubled slash in front and inside, and a percent-encoded letter. Parameters
 * (ids, codes) are left as they are: they are data, compared by the services.
 */
function pathVariants(routePath: string, url: string): string[] {
  const literal = routePath.split('/').map((segment, index) => ({ index, isLiteral: segment !== '' && !segment.startsWith(':') && /[a-z]/.test(segment) }));
  const literals = literal.filter((segment) => segment.isLiteral).map((segment) => segment.index);
  const parts = url.split('/');
  const replaced = (index: number | undefined, change: (segment: string) => string): string | undefined => {
    if (index === undefined) return undefined;
    return parts.map((segment, at) => (at === index ? change(segment) : segment)).join('/');
  };
  const encodeFirstLetter = (segment: string): string => segment.replace(/[a-z]/, (letter) => `%${letter.charCodeAt(0).toString(16).toUpperCase()}`);
  const variants = [
    replaced(literals[0], (segment) => segment.toUpperCase()),
    replaced(literals.at(-1), (segment) => segment.toUpperCase()),
    replaced(literals.at(-1), (segment) => segment.replace(/[a-z]/, (letter) => letter.toUpperCase())),
    `${url}/`,
    `/${url}`,
    parts.length > 2 ? [parts[0], parts[1], '', ...parts.slice(2)].join('/') : undefined,
    replaced(literals.at(-1), encodeFirstLetter),
    replaced(literals[0], encodeFirstLetter),
  ];
  return [...new Set(variants.filter((variant): variant is string => variant !== undefined && variant !== url))];
}

async function rowCounts(): Promise<string> {
  const tables = await w.env.prisma.$queryRawUnsafe<Array<{ name: string }>>("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations' ORDER BY TABLE_NAME");
  const counts = await w.env.prisma.$queryRawUnsafe<Array<{ name: string; count: bigint }>>(tables.map((table) => `SELECT '${table.name}' AS name, COUNT(*) AS count FROM \`${table.name}\``).join(' UNION ALL '));
  return counts.map((row) => `${row.name}=${row.count}`).join(' ');
}

describe('every other spelling of every route is 404 and reaches no handler', () => {
  const variantActors: Actor[] = ['anonymous', 'residentA', 'admin'];

  it('answers 404 NOT_FOUND for case, trailing-slash, double-slash and percent-encoded variants of every route, writing nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    // The resources first (their makers write), then the counts the variants must leave alone.
    const targets: Array<{ key: string; method: string; routePath: string; url: string; body?: object }> = [];
    for (const key of Object.keys(table)) {
      const cell = table[key];
      if (!cell) continue;
      const params = await resourceParams(cell.resource, false);
      const [method = 'GET', routePath = '/'] = key.split(' ');
      targets.push({ key, method, routePath, url: pathOf(routePath, params, cell.rename), body: cell.body?.(params, w) });
    }
    const before = await rowCounts();
    // A variant another route serves is no variant but that route (`/staff/letters/OVERDUE` is
    // letter OVERDUE of `/staff/letters/:id`, with its own row and guard): left to its row.
    const isAnotherRoute = (variant: string, routePath: string): boolean => w.env.app.router.stack.some((layer) => layer.methods.length > 0 && layer.path !== routePath && layer.match(variant.split('?')[0] ?? variant));
    for (const target of targets) {
      const requests = pathVariants(target.routePath, target.url).filter((variant) => !isAnotherRoute(variant, target.routePath)).flatMap((variant) => variantActors.map((actor) => ({ variant, actor })));
      const answers = await Promise.all(requests.map(({ variant, actor }) => exchange({ method: target.method, url: variant, actor, body: target.body })));
      sent += answers.length;
      answers.forEach((answer, index) => {
        const code: unknown = answer.body?.error?.code;
        if (answer.status !== 404 || code !== 'NOT_FOUND') failures.push(`${target.method} ${requests[index]?.variant} as ${requests[index]?.actor} → ${answer.status} ${String(code)}`);
      });
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(Object.keys(table).length * variantActors.length * 4);
    expect(await rowCounts()).toEqual(before);
  }, 300_000);

  it('makes the variants the attack used', () => {
    expect(pathVariants('/admin/calendar/days/:date', '/admin/calendar/days/2027-06-15')).toEqual(expect.arrayContaining(['/ADMIN/calendar/days/2027-06-15', '/admin/calendar/DAYS/2027-06-15', '/admin/calendar/days/2027-06-15/', '//admin/calendar/days/2027-06-15', '/admin//calendar/days/2027-06-15', '/%61dmin/calendar/days/2027-06-15']));
    expect(pathVariants('/metrics', '/metrics')).toEqual(expect.arrayContaining(['/METRICS', '/metrics/', '//metrics', '/%6Detrics']));
  });
});
