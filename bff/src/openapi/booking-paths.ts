import {
  affectedBookingsResponseSchema,
  appointmentListQuerySchema,
  appointmentListResponseSchema,
  appointmentResponseSchema,
  bookingDaysQuerySchema,
  bookingDaysResponseSchema,
  bookingHallsResponseSchema,
  bookingSlotsQuerySchema,
  bookingSlotsResponseSchema,
  bookingStatusResponseSchema,
  callNextResponseSchema,
  cancelAppointmentRequestSchema,
  checkInRequestSchema,
  completeRequestSchema,
  createAppointmentRequestSchema,
  followUpResponseSchema,
  followUpsQuerySchema,
  hallCancelRequestSchema,
  hallCancelResponseSchema,
  hallFollowUpsResponseSchema,
  hallRatingsResponseSchema,
  hallScheduleResponseSchema,
  moveAppointmentRequestSchema,
  moveAppointmentResponseSchema,
  queuePositionResponseSchema,
  rateAppointmentRequestSchema,
  rateAppointmentResponseSchema,
  rescheduleAppointmentRequestSchema,
  resolveFollowUpRequestSchema,
  reviewPreReviewRequestSchema,
  reviewPreReviewResponseSchema,
  scheduleChangeResponseSchema,
  scheduleOverrideInputSchema,
  scheduleTemplateInputSchema,
  staffAppointmentResponseSchema,
  staffDayQuerySchema,
  staffDayResponseSchema,
  staffPreReviewsQuerySchema,
  staffPreReviewsResponseSchema,
  staffWindowsResponseSchema,
  transferRequestSchema,
  tripStatsResponseSchema,
} from '@govpocket/shared';
import { adminOnly, type ApiOperation, hallWindowStaff, json } from './operation';

/** 预约办事: the resident's booking, the hall's window workbench, an admin's schedules. */
const resident = '预约办事';
const hall = '大厅窗口';
const schedule = '排班管理';
const windowStaff = hallWindowStaff;
const admin = adminOnly;

/** The hall's actions on one booking: each answers the booking as the window sees it. */
const staffAction = (action: string, operationId: string, summary: string, extra: Partial<ApiOperation> = {}): ApiOperation => ({
  method: 'post', path: `/staff/halls/:hallId/appointments/:id/${action}`, operationId, tag: hall, access: windowStaff, summary,
  responses: { 200: json('处理后的预约', staffAppointmentResponseSchema) }, errors: [404, 409], ...extra,
});
/** Cancelling by the hall: one booking, one slot or a whole day, each with a reason residents are told. */
const hallCancel = (path: string, operationId: string, summary: string): ApiOperation => ({
  method: 'post', path, operationId, tag: hall, access: windowStaff, summary, body: hallCancelRequestSchema,
  responses: { 200: json('取消的预约（已通知办事人）', hallCancelResponseSchema) }, errors: [400, 404, 409],
});

export const bookingPaths: ApiOperation[] = [
  { method: 'get', path: '/booking/items/:code/halls', operationId: 'listBookingHalls', tag: resident, access: 'public', summary: '可预约该事项的大厅', responses: { 200: json('大厅列表', bookingHallsResponseSchema) }, errors: [404, 409] },
  { method: 'get', path: '/booking/halls/:hallId/days', operationId: 'listBookingDays', tag: resident, access: 'public', summary: '大厅可预约的日期及余量', query: bookingDaysQuerySchema, responses: { 200: json('日期列表', bookingDaysResponseSchema) }, errors: [400, 404, 409] },
  { method: 'get', path: '/booking/halls/:hallId/slots', operationId: 'listBookingSlots', tag: resident, access: 'public', summary: '某天的时段及余量（不缓存）', query: bookingSlotsQuerySchema, responses: { 200: json('时段列表', bookingSlotsResponseSchema) }, errors: [400, 404, 409] },
  {
    method: 'post', path: '/appointments', operationId: 'bookAppointment', tag: resident, access: 'login', summary: '预约一个时段',
    description: '同一 Idempotency-Key 重试时返回首次结果；同一人同一事项同一天只能预约一次。', isIdempotent: true, body: createAppointmentRequestSchema,
    responses: { 201: json('已预约', appointmentResponseSchema) }, errors: [400, 404, 409, 422, 429, 503],
  },
  { method: 'get', path: '/appointments', operationId: 'listAppointments', tag: resident, access: 'login', summary: '我的预约（待办或已结束）', query: appointmentListQuerySchema, responses: { 200: json('预约列表', appointmentListResponseSchema) }, errors: [400] },
  { method: 'get', path: '/appointments/:id', operationId: 'readAppointment', tag: resident, access: 'login', summary: '预约详情（签到码、预审材料、评价）', responses: { 200: json('预约', appointmentResponseSchema) }, errors: [404] },
  { method: 'get', path: '/appointments/:id/queue', operationId: 'readQueuePosition', tag: resident, access: 'login', summary: '排队进度（不缓存）', responses: { 200: json('前面还有几人', queuePositionResponseSchema) }, errors: [404] },
  {
    method: 'post', path: '/appointments/:id/cancel', operationId: 'cancelAppointment', tag: resident, access: 'login', summary: '取消预约', isIdempotent: true,
    body: cancelAppointmentRequestSchema, responses: { 200: json('已取消的预约', appointmentResponseSchema) }, errors: [400, 404, 409, 422],
  },
  {
    method: 'post', path: '/appointments/:id/reschedule', operationId: 'rescheduleAppointment', tag: resident, access: 'login', summary: '改约到同一大厅的另一时段',
    body: rescheduleAppointmentRequestSchema, responses: { 200: json('改约后的预约', appointmentResponseSchema) }, errors: [400, 404, 409, 429],
  },
  {
    method: 'post', path: '/appointments/:id/rating', operationId: 'rateAppointment', tag: resident, access: 'login', summary: '评价本次办事（好差评）',
    body: rateAppointmentRequestSchema, responses: { 201: json('评价', rateAppointmentResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'get', path: '/me/booking-status', operationId: 'readBookingStatus', tag: resident, access: 'login', summary: '我的预约资格（爽约次数、暂停预约至）', responses: { 200: json('预约资格', bookingStatusResponseSchema) } },

  { method: 'get', path: '/staff/halls/:hallId/appointments', operationId: 'listHallAppointments', tag: hall, access: windowStaff, summary: '大厅某天的预约与排队（默认今天）', query: staffDayQuerySchema, responses: { 200: json('当天预约', staffDayResponseSchema) }, errors: [400] },
  { method: 'get', path: '/staff/halls/:hallId/windows', operationId: 'listHallWindows', tag: hall, access: windowStaff, summary: '大厅的窗口', responses: { 200: json('窗口列表', staffWindowsResponseSchema) } },
  {
    method: 'post', path: '/staff/halls/:hallId/check-in', operationId: 'checkInAppointment', tag: hall, access: windowStaff, summary: '现场签到（扫码或输入签到码），取号',
    body: checkInRequestSchema, responses: { 200: json('已签到的预约', staffAppointmentResponseSchema) }, errors: [400, 404, 409],
  },
  {
    method: 'post', path: '/staff/halls/:hallId/windows/:windowId/call-next', operationId: 'callNext', tag: hall, access: windowStaff, summary: '叫号：该窗口的下一位',
    responses: { 200: json('叫到的预约；无人等候时为 null 并附说明', callNextResponseSchema) }, errors: [400, 404, 409],
  },
  staffAction('serve', 'serveAppointment', '开始办理'),
  staffAction('complete', 'completeAppointment', '办结（是否一次办成）', { body: completeRequestSchema, errors: [400, 404, 409] }),
  staffAction('no-show', 'markNoShow', '标记爽约（时段结束后）'),
  staffAction('transfer', 'transferAppointment', '转到其他窗口', { body: transferRequestSchema, errors: [400, 404, 409] }),
  {
    method: 'post', path: '/staff/halls/:hallId/appointments/:id/move', operationId: 'moveAppointment', tag: hall, access: windowStaff, summary: '把受排班调整影响的预约改到新时段',
    body: moveAppointmentRequestSchema, responses: { 200: json('仍受影响的预约', moveAppointmentResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'get', path: '/staff/halls/:hallId/affected-bookings', operationId: 'listAffectedBookings', tag: hall, access: windowStaff, summary: '排班调整后失去时段、待改约或取消的预约', responses: { 200: json('受影响的预约', affectedBookingsResponseSchema) } },
  hallCancel('/staff/halls/:hallId/appointments/:id/cancel', 'cancelAppointmentByHall', '大厅取消一个预约'),
  hallCancel('/staff/halls/:hallId/slots/:slotId/cancel', 'cancelSlotByHall', '大厅取消一个时段的全部预约并停约'),
  hallCancel('/staff/halls/:hallId/days/:date/cancel', 'cancelDayByHall', '大厅取消一整天的全部预约并停约'),
  { method: 'get', path: '/staff/halls/:hallId/pre-reviews', operationId: 'listPreReviews', tag: hall, access: windowStaff, summary: '待预审的材料', query: staffPreReviewsQuerySchema, responses: { 200: json('预审材料', staffPreReviewsResponseSchema) }, errors: [400] },
  {
    method: 'post', path: '/staff/halls/:hallId/pre-reviews/:fileId', operationId: 'reviewPreReview', tag: hall, access: windowStaff, summary: '预审材料：通过或需补正',
    body: reviewPreReviewRequestSchema, responses: { 200: json('预审结果', reviewPreReviewResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'get', path: '/staff/halls/:hallId/ratings', operationId: 'listHallRatings', tag: hall, access: windowStaff, summary: '大厅收到的评价', responses: { 200: json('评价列表', hallRatingsResponseSchema) } },
  { method: 'get', path: '/staff/halls/:hallId/follow-ups', operationId: 'listFollowUps', tag: hall, access: windowStaff, summary: '差评回访任务', query: followUpsQuerySchema, responses: { 200: json('回访任务', hallFollowUpsResponseSchema) }, errors: [400] },
  {
    method: 'post', path: '/staff/halls/:hallId/follow-ups/:id', operationId: 'resolveFollowUp', tag: hall, access: windowStaff, summary: '登记差评回访结果',
    body: resolveFollowUpRequestSchema, responses: { 200: json('处理后的回访任务', followUpResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'get', path: '/staff/halls/:hallId/trip-stats', operationId: 'readTripStats', tag: hall, access: windowStaff, summary: '各事项实际跑动次数与承诺次数', responses: { 200: json('跑动统计', tripStatsResponseSchema) } },

  { method: 'get', path: '/admin/halls/:hallId/schedule', operationId: 'readHallSchedule', tag: schedule, access: admin, summary: '大厅的排班模板、日期调整及受影响的预约', responses: { 200: json('排班', hallScheduleResponseSchema) }, errors: [404] },
  {
    method: 'post', path: '/admin/halls/:hallId/schedule-templates', operationId: 'createScheduleTemplate', tag: schedule, access: admin, summary: '新建排班模板（按星期的规则）并生成时段',
    body: scheduleTemplateInputSchema, responses: { 201: json('生成结果及受影响的预约', scheduleChangeResponseSchema) }, errors: [400, 404],
  },
  {
    method: 'put', path: '/admin/halls/:hallId/schedule-templates/:templateId', operationId: 'updateScheduleTemplate', tag: schedule, access: admin, summary: '修改排班模板并重新生成时段',
    body: scheduleTemplateInputSchema, responses: { 200: json('生成结果及受影响的预约', scheduleChangeResponseSchema) }, errors: [400, 404],
  },
  {
    method: 'post', path: '/admin/halls/:hallId/schedule-overrides', operationId: 'setScheduleOverride', tag: schedule, access: admin, summary: '日期调整：某天闭厅或加开',
    body: scheduleOverrideInputSchema, responses: { 201: json('生成结果及受影响的预约', scheduleChangeResponseSchema) }, errors: [400, 404],
  },
  {
    method: 'delete', path: '/admin/halls/:hallId/schedule-overrides/:overrideId', operationId: 'removeScheduleOverride', tag: schedule, access: admin, summary: '撤销日期调整',
    responses: { 200: json('生成结果及受影响的预约', scheduleChangeResponseSchema) }, errors: [404],
  },
];
