import { z } from 'zod';
import {
  answerOpinionRequestSchema,
  bulkAnswerRequestSchema,
  consultationDetailSchema,
  consultationInputSchema,
  consultationListQuerySchema,
  consultationListResponseSchema,
  correctFeedbackRequestSchema,
  feedbackReportSchema,
  myOpinionSchema,
  myOpinionsQuerySchema,
  myOpinionsResponseSchema,
  openDataExportSchema,
  openDataQuerySchema,
  publishFeedbackRequestSchema,
  staffConsultationListResponseSchema,
  staffConsultationSchema,
  submitOpinionRequestSchema,
} from '@govpocket/shared';
import { json, type ApiOperation } from './operation';

/** 意见征集: residents read drafts and comment while open; the department drafts, answers and publishes feedback. */
const resident = '意见征集';
const staff = '征集管理';
const departmentHandler = { roles: ['DEPARTMENT_HANDLER' as const], scope: 'departmentId' as const };
const base = '/staff/departments/:departmentId/consultations';

export const opinionResponseSchema = z.object({ opinion: myOpinionSchema });
/** The query GET /consultations/:id/feedback parses: an earlier version of a corrected report. */
const feedbackVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

export const consultationPaths: ApiOperation[] = [
  { method: 'get', path: '/consultations', operationId: 'listConsultations', tag: resident, access: 'public', summary: '征集中、已结束和已反馈的征求意见', query: consultationListQuerySchema, responses: { 200: json('征集列表及可选部门', consultationListResponseSchema) }, errors: [400] },
  { method: 'get', path: '/consultations/:id', operationId: 'readConsultation', tag: resident, access: 'public', summary: '征求意见稿全文（分条、附件、联系方式）', responses: { 200: json('征求意见稿', consultationDetailSchema) }, errors: [404] },
  {
    method: 'post', path: '/consultations/:id/opinions', operationId: 'submitOpinion', tag: resident, access: 'login', summary: '对全文或某一条发表意见（征集期内）',
    description: '同一 Idempotency-Key 重试时返回首次提交的意见（200）。', isIdempotent: true, body: submitOpinionRequestSchema,
    responses: { 201: json('已提交的意见', opinionResponseSchema), 200: json('重试：首次提交的意见', opinionResponseSchema) }, errors: [400, 404, 409, 422, 429],
  },
  { method: 'get', path: '/me/opinions', operationId: 'listMyOpinions', tag: resident, access: 'login', summary: '我提交的意见及采纳情况', query: myOpinionsQuerySchema, responses: { 200: json('我的意见', myOpinionsResponseSchema) }, errors: [400] },
  { method: 'get', path: '/consultations/:id/feedback', operationId: 'readFeedbackReport', tag: resident, access: 'public', summary: '意见采纳情况反馈（可指定更正前的版本）', query: feedbackVersionQuerySchema, responses: { 200: json('反馈报告', feedbackReportSchema) }, errors: [400, 404] },
  {
    method: 'get', path: '/consultations/:id/open-data', operationId: 'exportConsultationOpenData', tag: resident, access: 'public', summary: '开放数据：全部意见及采纳情况（JSON 或 CSV）', query: openDataQuerySchema,
    responses: { 200: { description: '意见数据（format=csv 时为 CSV 附件）', schema: openDataExportSchema, media: { 'text/csv': { schema: { type: 'string' } } } } }, errors: [400, 404, 409],
  },

  { method: 'get', path: base, operationId: 'listStaffConsultations', tag: staff, access: departmentHandler, summary: '本部门的征求意见（含草稿）', responses: { 200: json('征集列表', staffConsultationListResponseSchema) } },
  { method: 'post', path: base, operationId: 'createConsultation', tag: staff, access: departmentHandler, summary: '起草征求意见稿', body: consultationInputSchema, responses: { 201: json('草稿', staffConsultationSchema) }, errors: [400, 404] },
  { method: 'get', path: `${base}/:id`, operationId: 'readStaffConsultation', tag: staff, access: departmentHandler, summary: '征求意见稿及收到的意见', responses: { 200: json('征求意见稿', staffConsultationSchema) }, errors: [404] },
  { method: 'put', path: `${base}/:id`, operationId: 'updateConsultation', tag: staff, access: departmentHandler, summary: '修改草稿（开始征集前）', body: consultationInputSchema, responses: { 200: json('修改后的草稿', staffConsultationSchema) }, errors: [400, 404, 409] },
  {
    method: 'put', path: `${base}/:id/opinions/:opinionId/outcome`, operationId: 'answerOpinion', tag: staff, access: departmentHandler, summary: '答复一条意见（采纳、部分采纳、未采纳及理由）',
    body: answerOpinionRequestSchema, responses: { 200: json('答复后的征求意见稿', staffConsultationSchema) }, errors: [400, 404, 409],
  },
  {
    method: 'post', path: `${base}/:id/outcomes`, operationId: 'answerOpinions', tag: staff, access: departmentHandler, summary: '批量答复意见',
    body: bulkAnswerRequestSchema, responses: { 200: json('答复后的征求意见稿', staffConsultationSchema) }, errors: [400, 404, 409],
  },
  {
    method: 'post', path: `${base}/:id/publish`, operationId: 'publishFeedback', tag: staff, access: departmentHandler, summary: '发布采纳情况反馈（全部意见答复后）',
    body: publishFeedbackRequestSchema, responses: { 200: json('反馈报告', feedbackReportSchema) }, errors: [400, 404, 409],
  },
  {
    method: 'post', path: `${base}/:id/corrections`, operationId: 'correctFeedback', tag: staff, access: departmentHandler, summary: '更正已发布的反馈（生成新版本）',
    body: correctFeedbackRequestSchema, responses: { 200: json('新版本的反馈报告', feedbackReportSchema) }, errors: [400, 404, 409],
  },
];
