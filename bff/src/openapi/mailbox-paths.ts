import { z } from 'zod';
import {
  assignLetterRequestSchema,
  draftReplyRequestSchema,
  editPublicTextRequestSchema,
  extensionRequestSchema,
  letterLookupRequestSchema,
  letterLookupResponseSchema,
  letterNoteRequestSchema,
  letterReceiptResponseSchema,
  letterStatsQuerySchema,
  letterStatsResponseSchema,
  mailboxListResponseSchema,
  mergeLetterRequestSchema,
  myLettersResponseSchema,
  notAcceptLetterRequestSchema,
  pageQuerySchema,
  publicLetterListResponseSchema,
  publicLetterQuerySchema,
  publicLetterSchema,
  publishPreviewResponseSchema,
  rateLetterRequestSchema,
  reassignLetterRequestSchema,
  residentLetterResponseSchema,
  returnLetterRequestSchema,
  reviewExtensionRequestSchema,
  reviewReplyRequestSchema,
  staffLetterListQuerySchema,
  staffLetterListResponseSchema,
  staffLetterResponseSchema,
  submitLetterRequestSchema,
  supplementAnswerRequestSchema,
  supplementRequestSchema,
  withdrawPublicationRequestSchema,
} from '@govpocket/shared';
import { json, noContent, type ApiAccess, type ApiOperation } from './operation';

/** 领导信箱: writing and following letters, 信件选登 and statistics, the office's and departments' desks. */
const resident = '领导信箱';
const published = '信件选登';
const desk = '信件办理';
const anyStaff = { roles: ['MAILBOX_OFFICE' as const, 'DEPARTMENT_HANDLER' as const, 'ADMIN' as const] };
const office = { roles: ['MAILBOX_OFFICE' as const, 'ADMIN' as const] };
const handler = { roles: ['DEPARTMENT_HANDLER' as const, 'ADMIN' as const] };

export const publicLetterResponseSchema = z.object({ letter: publicLetterSchema });

/** One step of the letter's workflow on the staff side: each answers the letter as staff see it. */
const step = (action: string, operationId: string, summary: string, access: ApiAccess, body?: z.ZodType): ApiOperation => ({
  method: 'post', path: `/staff/letters/:id/${action}`, operationId, tag: desk, access, summary, ...(body ? { body } : {}),
  responses: { 200: json('处理后的信件', staffLetterResponseSchema) }, errors: body ? [400, 404, 409] : [404, 409],
});

export const mailboxPaths: ApiOperation[] = [
  { method: 'get', path: '/mailboxes', operationId: 'listMailboxes', tag: resident, access: 'public', summary: '可写信的信箱（市长信箱、部门信箱）', responses: { 200: json('信箱列表', mailboxListResponseSchema) } },
  {
    method: 'post', path: '/letters', operationId: 'submitLetter', tag: resident, access: 'login', summary: '写信（咨询、建议、投诉、求助）',
    description: '须已绑定手机号。同一 Idempotency-Key 重试时返回首次的回执。内容经安全审核，含不当信息时返回 422。', isIdempotent: true, body: submitLetterRequestSchema,
    responses: { 201: json('回执：查询码与预计受理、答复时间', letterReceiptResponseSchema) }, errors: [400, 404, 409, 422, 429],
  },
  { method: 'get', path: '/letters', operationId: 'listMyLetters', tag: resident, access: 'login', summary: '我的来信', responses: { 200: json('来信列表', myLettersResponseSchema) } },
  {
    method: 'post', path: '/letters/lookup', operationId: 'lookupLetter', tag: resident, access: 'public', summary: '凭查询码和手机号后四位查询办理进度',
    body: letterLookupRequestSchema, responses: { 200: json('办理进度（不含图片；标题和答复按信件选登的规则遮盖姓名、手机号、证件号、门牌号等）', letterLookupResponseSchema) }, errors: [400, 404, 429],
  },
  { method: 'get', path: '/letters/:id', operationId: 'readMyLetter', tag: resident, access: 'login', summary: '我的来信详情及办理过程', responses: { 200: json('来信', residentLetterResponseSchema) }, errors: [404] },
  {
    method: 'post', path: '/letters/:id/supplement', operationId: 'supplementLetter', tag: resident, access: 'login', summary: '按要求补充材料',
    body: supplementAnswerRequestSchema, responses: { 200: json('补充后的来信', residentLetterResponseSchema) }, errors: [400, 404, 409, 422],
  },
  {
    method: 'post', path: '/letters/:id/rating', operationId: 'rateLetter', tag: resident, access: 'login', summary: '评价答复（满意度）',
    body: rateLetterRequestSchema, responses: { 200: json('评价后的来信', residentLetterResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'get', path: '/public/letters', operationId: 'listPublicLetters', tag: published, access: 'public', summary: '公开选登的信件及答复', query: publicLetterQuerySchema, responses: { 200: json('一页信件', publicLetterListResponseSchema) }, errors: [400] },
  { method: 'get', path: '/public/letters/:id', operationId: 'readPublicLetter', tag: published, access: 'public', summary: '选登信件详情', responses: { 200: json('信件', publicLetterResponseSchema) }, errors: [404] },
  { method: 'get', path: '/public/letter-stats', operationId: 'readLetterStats', tag: published, access: 'public', summary: '按月或季度的来信办理统计', query: letterStatsQuerySchema, responses: { 200: json('统计', letterStatsResponseSchema) }, errors: [400] },

  {
    method: 'get', path: '/staff/offices/:departmentId/letters', operationId: 'listOfficeLetters', tag: desk, access: { roles: ['MAILBOX_OFFICE'], scope: 'departmentId' }, summary: '信箱受理员的信件（待受理、办理中、待审核、已办结）',
    query: staffLetterListQuerySchema, responses: { 200: json('一页信件', staffLetterListResponseSchema) }, errors: [400],
  },
  { method: 'get', path: '/staff/offices/:departmentId/overdue', operationId: 'listOfficeOverdueLetters', tag: desk, access: { roles: ['MAILBOX_OFFICE'], scope: 'departmentId' }, summary: '本信箱即将超期和已超期的信件（督办）', responses: { 200: json('信件', staffLetterListResponseSchema) } },
  { method: 'get', path: '/staff/letters/overdue', operationId: 'listAllOverdueLetters', tag: desk, access: { roles: ['ADMIN'] }, summary: '全市即将超期和已超期的信件（督办）', responses: { 200: json('信件', staffLetterListResponseSchema) } },
  {
    method: 'get', path: '/staff/departments/:departmentId/letters', operationId: 'listDepartmentLetters', tag: desk, access: { roles: ['DEPARTMENT_HANDLER'], scope: 'departmentId' }, summary: '交办给本部门的信件',
    query: pageQuerySchema, responses: { 200: json('一页信件', staffLetterListResponseSchema) }, errors: [400],
  },
  { method: 'get', path: '/staff/letters/:id', operationId: 'readStaffLetter', tag: desk, access: anyStaff, summary: '信件详情（含内部备注、推荐部门、相似来信）', responses: { 200: json('信件', staffLetterResponseSchema) }, errors: [404] },
  {
    method: 'post', path: '/staff/letters/:id/notes', operationId: 'addLetterNote', tag: desk, access: anyStaff, summary: '添加内部备注（来信人不可见）',
    body: letterNoteRequestSchema, responses: { 201: json('添加后的信件', staffLetterResponseSchema) }, errors: [400, 404],
  },
  step('accept', 'acceptLetter', '受理', office),
  step('not-accept', 'notAcceptLetter', '不予受理（附原因，告知来信人）', office, notAcceptLetterRequestSchema),
  step('assign', 'assignLetter', '交办给承办部门', office, assignLetterRequestSchema),
  step('reassign', 'reassignLetter', '改派承办部门', office, reassignLetterRequestSchema),
  step('review-reply', 'reviewLetterReply', '审核答复：通过（发送给来信人）或退回', office, reviewReplyRequestSchema),
  step('review-extension', 'reviewLetterExtension', '审批延期申请', office, reviewExtensionRequestSchema),
  step('supplement-request', 'requestLetterSupplement', '请来信人补充材料（办理时限暂停）', office, supplementRequestSchema),
  step('merge', 'mergeLetter', '合并重复来信', office, mergeLetterRequestSchema),
  { method: 'get', path: '/staff/letters/:id/publish-preview', operationId: 'previewLetterPublication', tag: desk, access: office, summary: '选登预览（个人信息已遮盖）', responses: { 200: json('预览', publishPreviewResponseSchema) }, errors: [404, 409] },
  {
    method: 'put', path: '/staff/letters/:id/public-text', operationId: 'editLetterPublicText', tag: desk, access: office, summary: '编辑公开的标题、内容和答复（来信人原文不变；公开前后均可）',
    body: editPublicTextRequestSchema, responses: { 200: json('公开的内容', publishPreviewResponseSchema) }, errors: [400, 404, 409],
  },
  { method: 'post', path: '/staff/letters/:id/publish', operationId: 'publishLetter', tag: desk, access: office, summary: '选登（来信人同意公开的已办结信件；公开文本仍有未遮盖的个人信息时拒绝，409）', responses: { 200: json('公开的内容', publishPreviewResponseSchema) }, errors: [404, 409] },
  {
    method: 'post', path: '/staff/letters/:id/withdraw-publication', operationId: 'withdrawLetterPublication', tag: desk, access: office, summary: '撤回已公开的信件（须填写原因）',
    body: withdrawPublicationRequestSchema, responses: { 200: json('撤回后的状态', publishPreviewResponseSchema) }, errors: [400, 404, 409],
  },
  step('reply', 'draftLetterReply', '起草答复（可直接提交审核）', handler, draftReplyRequestSchema),
  step('extension', 'requestLetterExtension', '申请延期', handler, extensionRequestSchema),
  {
    method: 'post', path: '/staff/letters/:id/return', operationId: 'returnLetter', tag: desk, access: handler, summary: '退回（不属于本部门职责）',
    body: returnLetterRequestSchema, responses: { 204: noContent('已退回信箱受理员') }, errors: [400, 404, 409],
  },
];
