import { z } from 'zod';
import {
  bindingCodeSchema,
  bindPhoneRequestSchema,
  bindStaffRequestSchema,
  createStaffAccountRequestSchema,
  createStaffAccountResponseSchema,
  deleteAccountRequestSchema,
  disableStaffAccountRequestSchema,
  privacyConsentKindSchema,
  profileSchema,
  recordConsentRequestSchema,
  sessionUserSchema,
  staffAccountResponseSchema,
  staffAccountSchema,
  updatePreferencesRequestSchema,
  wechatLoginRequestSchema,
  wechatLoginResponseSchema,
} from '@govpocket/shared';
import { adminOnly, type ApiOperation, json, noContent } from './operation';

/** 登录、我的（资料、授权、长辈版、导出、注销）与工作人员账号、绑定. */
const signIn = '登录';
const mine = '我的';
const staffAccounts = '工作人员账号';
const admin = adminOnly;

/** GET /me and POST /staff/bind: the signed-in user as the session knows them. */
export const currentUserResponseSchema = z.object({ user: sessionUserSchema });
export const boundPhoneSchema = z.object({ maskedPhone: z.string() });
export const staffAccountListSchema = z.object({ accounts: z.array(staffAccountSchema) });
export const issuedBindingCodeSchema = z.object({ bindingCode: bindingCodeSchema });

/** GET /me/export: what exportMyData reads (me/repository.ts findExportRows), dates as ISO strings. */
const itemRef = z.object({ code: z.string(), name: z.string() });
export const myDataExportSchema = z.object({
  exportedAt: z.string(),
  id: z.string(),
  nickname: z.string().nullable(),
  phone: z.string().nullable(),
  phoneBoundAt: z.string().nullable(),
  isElderMode: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  privacyConsents: z.array(z.object({ kind: privacyConsentKindSchema, version: z.string(), acceptedAt: z.string(), withdrawnAt: z.string().nullable() })),
  favourites: z.array(z.object({ createdAt: z.string(), item: itemRef })),
  recentViews: z.array(z.object({ viewedAt: z.string(), item: itemRef })),
  appointments: z.array(z.object({ id: z.string(), date: z.string(), status: z.string(), queueNumber: z.string().nullable(), createdAt: z.string(), item: z.object({ name: z.string() }), hall: z.object({ name: z.string() }) })),
  letters: z.array(z.object({
    trackingCode: z.string(), type: z.string(), status: z.string(), title: z.string(), body: z.string(), contactPhone: z.string().nullable(),
    submittedAt: z.string(), isPublishAgreed: z.boolean(), satisfaction: z.string().nullable(),
  })),
  opinions: z.array(z.object({ id: z.string(), body: z.string(), createdAt: z.string(), consultation: z.object({ title: z.string() }) })),
  notifications: z.array(z.object({ title: z.string(), body: z.string(), createdAt: z.string(), readAt: z.string().nullable() })),
  feeOrders: z.array(z.object({ outTradeNo: z.string(), amountFen: z.number().int(), status: z.string(), createdAt: z.string() })),
});

export const accountPaths: ApiOperation[] = [
  { method: 'post', path: '/auth/wechat', operationId: 'loginWithWechat', tag: signIn, access: 'public', summary: '微信登录：用 wx.login 的 code 换取会话令牌', body: wechatLoginRequestSchema, responses: { 200: json('会话令牌与当前用户', wechatLoginResponseSchema) }, errors: [400, 403, 429, 503] },
  { method: 'post', path: '/auth/logout', operationId: 'logout', tag: signIn, access: 'login', summary: '退出登录（令牌立即失效）', responses: { 204: noContent('已退出') } },
  { method: 'get', path: '/me', operationId: 'readCurrentUser', tag: signIn, access: 'login', summary: '当前用户及其角色、管辖范围', responses: { 200: json('当前用户', currentUserResponseSchema) } },
  { method: 'get', path: '/me/profile', operationId: 'readProfile', tag: mine, access: 'login', summary: '我的资料：手机号（脱敏）、长辈版、隐私授权', responses: { 200: json('我的资料', profileSchema) } },
  { method: 'post', path: '/me/consents', operationId: 'recordConsent', tag: mine, access: 'login', summary: '同意隐私政策或某项个人信息授权', body: recordConsentRequestSchema, responses: { 200: json('更新后的资料', profileSchema) }, errors: [400] },
  { method: 'post', path: '/me/phone', operationId: 'bindPhone', tag: mine, access: 'login', summary: '用微信手机号授权凭证绑定手机号', body: bindPhoneRequestSchema, responses: { 200: json('已绑定（脱敏）', boundPhoneSchema) }, errors: [400, 503] },
  { method: 'put', path: '/me/preferences', operationId: 'updatePreferences', tag: mine, access: 'login', summary: '切换长辈版', body: updatePreferencesRequestSchema, responses: { 200: json('更新后的资料', profileSchema) }, errors: [400] },
  { method: 'get', path: '/me/export', operationId: 'exportMyData', tag: mine, access: 'login', summary: '导出我的个人信息（JSON 附件）', responses: { 200: json('我在本平台的全部个人信息', myDataExportSchema) } },
  {
    method: 'post', path: '/me/delete-account', operationId: 'deleteMyAccount', tag: mine, access: 'login', summary: '注销账号',
    description: '个人信息被清除、会话全部失效；信件、预约等办事记录匿名保留（信件及其补充、答复中的姓名、电话、证件号、地址遮盖，已选登的信件撤回公开）。工作人员账号须先由管理员解绑（409）。', body: deleteAccountRequestSchema, responses: { 204: noContent('已注销') }, errors: [400, 409],
  },
  { method: 'get', path: '/admin/staff-accounts', operationId: 'listStaffAccounts', tag: staffAccounts, access: admin, summary: '工作人员账号列表', responses: { 200: json('账号及其角色', staffAccountListSchema) } },
  { method: 'post', path: '/admin/staff-accounts', operationId: 'createStaffAccount', tag: staffAccounts, access: admin, summary: '新建工作人员账号（附一次性绑定码）', body: createStaffAccountRequestSchema, responses: { 201: json('账号与绑定码', createStaffAccountResponseSchema) }, errors: [400] },
  { method: 'post', path: '/admin/staff-accounts/:id/binding-codes', operationId: 'issueBindingCode', tag: staffAccounts, access: admin, summary: '重新签发绑定码', responses: { 201: json('新的绑定码', issuedBindingCodeSchema) }, errors: [404, 409] },
  {
    method: 'post', path: '/admin/staff-accounts/:id/disable', operationId: 'disableStaffAccount', tag: staffAccounts, access: admin, summary: '停用工作人员账号',
    description: '立即生效：该账号的全部会话失效，不能再以工作人员身份登录或绑定；原因写入审计日志。不能停用自己的账号（409）。', body: disableStaffAccountRequestSchema,
    responses: { 200: json('停用后的账号', staffAccountResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'post', path: '/admin/staff-accounts/:id/enable', operationId: 'enableStaffAccount', tag: staffAccounts, access: admin, summary: '重新启用工作人员账号', responses: { 200: json('启用后的账号', staffAccountResponseSchema) }, errors: [404] },
  { method: 'post', path: '/staff/bind', operationId: 'bindStaffIdentity', tag: staffAccounts, access: 'login', summary: '用绑定码把当前微信账号绑定为工作人员', body: bindStaffRequestSchema, responses: { 200: json('绑定后的当前用户', currentUserResponseSchema) }, errors: [400, 409, 429] },
];
