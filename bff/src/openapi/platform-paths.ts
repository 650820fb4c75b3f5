import { z } from 'zod';
import {
  auditLogPageSchema,
  auditLogQuerySchema,
  calendarOverrideRequestSchema,
  markAllReadResponseSchema,
  markReadResponseSchema,
  notificationListQuerySchema,
  notificationListResponseSchema,
  readinessSchema,
  signedFileUrlSchema,
  subscriptionResultsRequestSchema,
  subscriptionsResponseSchema,
  unreadCountResponseSchema,
  uploadedDocumentSchema,
  uploadedImageSchema,
  uploadPurposeSchema,
} from '@govpocket/shared';
import { adminOnly, type ApiOperation, type ApiResponse, binary, json, noContent } from './operation';

/** Health and metrics, files, the message centre, the staff workbenches, the holiday calendar, the audit log. */
const health = '运行状态';
const files = '文件';
const messages = '消息中心';
const workbench = '工作台';
const system = '系统管理';
const admin = adminOnly;

export const livenessSchema = z.object({ status: z.literal('ok') });

/** GET /staff/halls/:hallId/overview (workbench/repository.ts hallOverview), counts by appointment status. */
export const hallOverviewSchema = z.object({
  date: z.string(),
  hall: z.object({
    id: z.string(), name: z.string(), address: z.string(), hours: z.string(),
    windows: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(['COMPREHENSIVE', 'SPECIALISED']) })),
  }),
  appointmentsByStatus: z.record(z.string(), z.number().int()),
});
/** GET /staff/departments/:departmentId/overview: letters by status (handled, and owned as the mailbox office). */
export const departmentOverviewSchema = z.object({
  department: z.object({ id: z.string(), name: z.string(), consultPhone: z.string().nullable() }),
  handlingLettersByStatus: z.record(z.string(), z.number().int()),
  mailboxLettersByStatus: z.record(z.string(), z.number().int()),
  openGuideErrorReports: z.number().int(),
});

/** One day of the holiday calendar as WorkingCalendar.describe tells it. */
export const calendarDaySchema = z.object({ date: z.string(), isWorkingDay: z.boolean(), name: z.string().nullable(), source: z.enum(['OVERRIDE', 'PUBLISHED', 'WEEKDAY']) });
export const calendarYearSchema = z.object({ year: z.number().int(), days: z.array(calendarDaySchema) });


/** A signed file URL's query: a malformed one answers 403 like a tampered one. */
const signedFileQuerySchema = z.object({ expires: z.string().describe('过期时间（Unix 秒）'), sig: z.string().max(64), v: z.string().max(32).optional() });

const upload = (extra: Record<string, unknown> = {}) => ({
  'multipart/form-data': { schema: { type: 'object', properties: { file: binary, ...extra }, required: ['file'] } },
});
const servedFile: ApiResponse = {
  description: '文件内容（图片为重新编码后的字节）',
  media: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].map((type) => [type, { schema: binary }])),
};

export const platformPaths: ApiOperation[] = [
  {
    method: 'get', path: '/openapi.json', operationId: 'readOpenApiDocument', tag: health, access: 'public', summary: '本接口文档（OpenAPI 3.1）',
    responses: { 200: { description: 'OpenAPI 文档', media: { 'application/json': { schema: { type: 'object', description: 'OpenAPI 3.1 文档' } } } } },
  },
  { method: 'get', path: '/healthz', operationId: 'checkLiveness', tag: health, access: 'public', summary: '存活检查', responses: { 200: json('进程存活', livenessSchema) } },
  {
    method: 'get', path: '/readyz', operationId: 'checkReadiness', tag: health, access: 'public', summary: '就绪检查（MySQL、Redis 可用）',
    responses: { 200: json('可以接收流量', readinessSchema), 503: json('依赖不可用（Retry-After）', readinessSchema) },
  },
  {
    method: 'get', path: '/metrics', operationId: 'readMetrics', tag: health, access: 'public', summary: 'Prometheus 指标', description: '生产环境由 nginx 拦截，不对外提供。',
    responses: { 200: { description: 'Prometheus 文本格式', media: { 'text/plain': { schema: { type: 'string' } } } } },
  },
  {
    method: 'post', path: '/files/images', operationId: 'uploadImage', tag: files, access: 'login', summary: '上传图片（JPG、PNG、WebP，重新编码后保存）',
    rawBody: upload({ purpose: { type: 'string', enum: uploadPurposeSchema.options } }), responses: { 201: json('已保存，附带签名地址', uploadedImageSchema) }, errors: [400, 413, 415, 429],
  },
  {
    method: 'post', path: '/files/documents', operationId: 'uploadDocument', tag: files, access: { roles: ['ADMIN', 'DEPARTMENT_HANDLER'] }, summary: '上传 PDF 文档（意见征集附件）',
    rawBody: upload(), responses: { 201: json('已保存，附带签名地址', uploadedDocumentSchema) }, errors: [400, 413, 415],
  },
  { method: 'get', path: '/files/:fileId/url', operationId: 'issueFileUrl', tag: files, access: 'login', summary: '为自己上传的文件签发新的访问地址', responses: { 200: json('签名地址', signedFileUrlSchema) }, errors: [404] },
  {
    method: 'get', path: '/files/:fileId', operationId: 'readSignedFile', tag: files, access: 'public', summary: '凭签名地址读取文件',
    description: '无需登录，签名即授权；签名缺失、有误或过期时返回 403。', query: signedFileQuerySchema, responses: { 200: servedFile }, errors: [403, 404],
  },
  { method: 'get', path: '/notifications', operationId: 'listNotifications', tag: messages, access: 'login', summary: '我的消息，新的在前', query: notificationListQuerySchema, responses: { 200: json('分页的消息', notificationListResponseSchema) }, errors: [400] },
  { method: 'get', path: '/notifications/unread-count', operationId: 'countUnreadNotifications', tag: messages, access: 'login', summary: '未读消息数', responses: { 200: json('未读数', unreadCountResponseSchema) } },
  { method: 'post', path: '/notifications/read-all', operationId: 'markAllNotificationsRead', tag: messages, access: 'login', summary: '全部标为已读', responses: { 200: json('标记的条数', markAllReadResponseSchema) } },
  { method: 'post', path: '/notifications/:id/read', operationId: 'markNotificationRead', tag: messages, access: 'login', summary: '标记一条消息为已读', responses: { 200: json('该消息', markReadResponseSchema) }, errors: [400, 404] },
  { method: 'get', path: '/notifications/subscriptions', operationId: 'readSubscriptions', tag: messages, access: 'login', summary: '订阅消息模板及我的授权情况', responses: { 200: json('模板与授权', subscriptionsResponseSchema) } },
  {
    method: 'post', path: '/notifications/subscriptions', operationId: 'recordSubscriptions', tag: messages, access: 'login', summary: '上报 wx.requestSubscribeMessage 的选择结果',
    body: subscriptionResultsRequestSchema, responses: { 200: json('更新后的模板与授权', subscriptionsResponseSchema) }, errors: [400],
  },
  {
    method: 'get', path: '/staff/halls/:hallId/overview', operationId: 'readHallOverview', tag: workbench, access: { roles: ['WINDOW_STAFF'], scope: 'hallId' }, summary: '窗口工作台首页：大厅、窗口、今日预约数',
    responses: { 200: json('今日概况', hallOverviewSchema) }, errors: [404],
  },
  {
    method: 'get', path: '/staff/departments/:departmentId/overview', operationId: 'readDepartmentOverview', tag: workbench, access: { roles: ['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'], scope: 'departmentId' },
    summary: '部门工作台首页：信件、待处理纠错', responses: { 200: json('部门概况', departmentOverviewSchema) }, errors: [404],
  },
  { method: 'get', path: '/admin/calendar/:year', operationId: 'readHolidayCalendar', tag: system, access: admin, summary: '某年的节假日与调休（公布安排及手工调整）', responses: { 200: json('特殊日期', calendarYearSchema) }, errors: [400] },
  {
    method: 'put', path: '/admin/calendar/days/:date', operationId: 'setCalendarDay', tag: system, access: admin, summary: '把某天设为节假日或调休工作日', body: calendarOverrideRequestSchema,
    responses: { 200: json('调整后的该日', calendarDaySchema) }, errors: [400],
  },
  { method: 'delete', path: '/admin/calendar/days/:date', operationId: 'removeCalendarDay', tag: system, access: admin, summary: '撤销对某天的调整', responses: { 204: noContent('已撤销') }, errors: [404] },
  { method: 'get', path: '/admin/audit-logs', operationId: 'listAuditLogs', tag: system, access: admin, summary: '审计日志（只读，新的在前）', query: auditLogQuerySchema, responses: { 200: json('一页日志', auditLogPageSchema) }, errors: [400] },
];
