import { z } from 'zod';
import { monthOrQuarterValueSchema, monthValueSchema } from './calendar-values';
import {
  contentCheckStatusSchema,
  extensionStatusSchema,
  letterActionSchema,
  letterReplyStatusSchema,
  letterSatisfactionSchema,
  letterStatusSchema,
  letterTypeSchema,
  mailboxKindSchema,
} from '../enums';

/**
 * The leadership mailbox (领导信箱): residents write, the owning office accepts, assigns and
 * reviews, departments handle, and closed letters may be published masked. Instants are ISO
 * strings; dates are `YYYY-MM-DD` in Asia/Shanghai. Submitting needs an `Idempotency-Key` header.
 */

const idSchema = z.string().min(1).max(32);
const instant = z.string();

// ─── resident side ───

export const mailboxViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: mailboxKindSchema,
  description: z.string(),
  officeName: z.string(),
  /** Working days the office promises for a reply after acceptance. */
  promisedDays: z.number().int(),
  acceptDays: z.number().int(),
});
export type MailboxView = z.infer<typeof mailboxViewSchema>;
export const mailboxListResponseSchema = z.object({ mailboxes: z.array(mailboxViewSchema) });
export type MailboxListResponse = z.infer<typeof mailboxListResponseSchema>;

/** Lengths are the domain defaults; the BFF checks the admin's current settings too. */
export const submitLetterRequestSchema = z.object({
  mailboxId: idSchema,
  type: letterTypeSchema,
  title: z.string().trim().min(5, '标题至少5个字').max(40, '标题最多40个字'),
  body: z.string().trim().min(10, '内容至少10个字').max(2000, '内容最多2000个字'),
  imageFileIds: z.array(idSchema).max(9, '最多上传9张图片').default([]),
  isPublishAgreed: z.boolean().default(false),
});
export type SubmitLetterRequest = z.input<typeof submitLetterRequestSchema>;

export const letterReceiptSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: letterStatusSchema,
  contentCheckStatus: contentCheckStatusSchema,
  submittedAt: instant,
  /** 预计 X月X日前受理 */
  expectedAcceptBy: instant,
  /** 预计 X月X日前答复 (if accepted on the last day allowed) */
  expectedReplyBy: instant,
});
export type LetterReceipt = z.infer<typeof letterReceiptSchema>;
export const letterReceiptResponseSchema = z.object({ letter: letterReceiptSchema });

/** One public step of the letter's life, as the resident sees it (no internal notes, no staff names). */
export const letterTimelineEntrySchema = z.object({ action: letterActionSchema, label: z.string(), at: instant, reason: z.string().nullable() });
export type LetterTimelineEntry = z.infer<typeof letterTimelineEntrySchema>;

export const letterSummarySchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  type: letterTypeSchema,
  status: letterStatusSchema,
  statusLabel: z.string(),
  title: z.string(),
  mailboxName: z.string(),
  submittedAt: instant,
  isAwaitingSupplement: z.boolean(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;
export const myLettersResponseSchema = z.object({ letters: z.array(letterSummarySchema) });

export const residentLetterSchema = letterSummarySchema.extend({
  body: z.string(),
  departmentName: z.string().nullable(),
  isPublishAgreed: z.boolean(),
  expectedAcceptBy: instant,
  replyDueAt: instant.nullable(),
  notAcceptedReason: z.string().nullable(),
  reply: z.object({ body: z.string(), departmentName: z.string(), repliedAt: instant }).nullable(),
  supplementRequest: z.object({ id: z.string(), request: z.string(), requestedAt: instant }).nullable(),
  rating: z.object({ satisfaction: letterSatisfactionSchema, comment: z.string().nullable(), isDefaulted: z.boolean() }).nullable(),
  canRate: z.boolean(),
  rateDueAt: instant.nullable(),
  images: z.array(z.object({ url: z.string() })),
  timeline: z.array(letterTimelineEntrySchema),
});
export type ResidentLetter = z.infer<typeof residentLetterSchema>;
export const residentLetterResponseSchema = z.object({ letter: residentLetterSchema });

export const letterLookupRequestSchema = z.object({
  trackingCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6,16}$/, '查询码格式不正确'),
  phoneLast4: z.string().regex(/^\d{4}$/, '请输入手机号后4位'),
});
/** What anyone holding the code and the phone digits may see: no body images, no phone. */
export const letterLookupResponseSchema = z.object({
  letter: z.object({
    trackingCode: z.string(),
    title: z.string(),
    type: letterTypeSchema,
    status: letterStatusSchema,
    statusLabel: z.string(),
    mailboxName: z.string(),
    submittedAt: instant,
    reply: z.object({ body: z.string(), repliedAt: instant }).nullable(),
    timeline: z.array(letterTimelineEntrySchema),
  }),
});
export type LetterLookupResponse = z.infer<typeof letterLookupResponseSchema>;

export const supplementAnswerRequestSchema = z.object({ response: z.string().trim().min(2, '请填写补充内容').max(2000) });
export const rateLetterRequestSchema = z.object({ satisfaction: letterSatisfactionSchema, comment: z.string().trim().max(500).optional() });

// ─── public side ───

export const publicLetterQuerySchema = z.object({
  type: letterTypeSchema.optional(),
  mailboxId: idSchema.optional(),
  departmentId: idSchema.optional(),
  month: monthValueSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const publicLetterSchema = z.object({
  id: z.string(),
  type: letterTypeSchema,
  title: z.string(),
  body: z.string(),
  reply: z.string().nullable(),
  mailboxName: z.string(),
  departmentName: z.string().nullable(),
  submittedAt: instant,
  repliedAt: instant.nullable(),
  publishedAt: instant,
});
export type PublicLetter = z.infer<typeof publicLetterSchema>;
export const publicLetterListResponseSchema = z.object({ letters: z.array(publicLetterSchema), nextCursor: z.string().nullable() });
export type PublicLetterListResponse = z.infer<typeof publicLetterListResponseSchema>;

export const letterStatsQuerySchema = z.object({
  period: z.enum(['month', 'quarter']).default('month'),
  /** 2026-10 for a month, 2026-Q4 for a quarter */
  value: monthOrQuarterValueSchema,
});
export const letterStatsRowSchema = z.object({
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  received: z.number().int(),
  accepted: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  /** 0–1, null when nothing was replied */
  onTimeRate: z.number().nullable(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  /** (满意 + 基本满意) / rated, null when nothing was rated */
  satisfactionRate: z.number().nullable(),
});
export type LetterStatsRow = z.infer<typeof letterStatsRowSchema>;
export const letterStatsResponseSchema = z.object({ period: z.string(), from: z.string(), to: z.string(), total: letterStatsRowSchema, departments: z.array(letterStatsRowSchema) });
export type LetterStatsResponse = z.infer<typeof letterStatsResponseSchema>;

// ─── staff side ───

export const notAcceptedReasonSchema = z.enum(['LITIGATION', 'DUPLICATE', 'OUT_OF_SCOPE', 'INSUFFICIENT', 'OTHER']);
export type NotAcceptedReason = z.infer<typeof notAcceptedReasonSchema>;
export const notAcceptedReasonLabels: Record<NotAcceptedReason, string> = {
  LITIGATION: '涉诉涉法',
  DUPLICATE: '重复来信',
  OUT_OF_SCOPE: '不属于受理范围',
  INSUFFICIENT: '内容不明确',
  OTHER: '其他',
};

export const urgencySchema = z.enum(['NORMAL', 'DUE_SOON', 'OVERDUE', 'PAUSED']);
export type Urgency = z.infer<typeof urgencySchema>;

export const staffLetterRowSchema = letterSummarySchema.omit({ isAwaitingSupplement: true }).extend({
  departmentName: z.string().nullable(),
  dueAt: instant.nullable(),
  urgency: urgencySchema,
  contentCheckStatus: contentCheckStatusSchema,
});
export type StaffLetterRow = z.infer<typeof staffLetterRowSchema>;
export const staffLetterListResponseSchema = z.object({ letters: z.array(staffLetterRowSchema), nextCursor: z.string().nullable() });
export type StaffLetterListResponse = z.infer<typeof staffLetterListResponseSchema>;

export const staffLetterListQuerySchema = z.object({
  view: z.enum(['inbox', 'open', 'review', 'closed', 'all']).default('inbox'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const pageQuerySchema = z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });

export const departmentSuggestionSchema = z.object({ departmentId: z.string(), departmentName: z.string(), score: z.number(), reasons: z.array(z.string()) });
export type DepartmentSuggestion = z.infer<typeof departmentSuggestionSchema>;
export const similarLetterSchema = z.object({ id: z.string(), trackingCode: z.string(), title: z.string(), status: letterStatusSchema, similarity: z.number() });
export type SimilarLetter = z.infer<typeof similarLetterSchema>;

export const staffLetterSchema = staffLetterRowSchema.extend({
  body: z.string(),
  contactPhone: z.string(),
  isPublishAgreed: z.boolean(),
  isPublished: z.boolean(),
  isAwaitingSupplement: z.boolean(),
  ownerDepartmentId: z.string(),
  departmentId: z.string().nullable(),
  acceptDueAt: instant,
  replyDueAt: instant.nullable(),
  extensionDays: z.number().int(),
  reopenedCount: z.number().int(),
  satisfaction: letterSatisfactionSchema.nullable(),
  satisfactionComment: z.string().nullable(),
  mergedIntoTrackingCode: z.string().nullable(),
  images: z.array(z.object({ url: z.string(), checkStatus: contentCheckStatusSchema })),
  notes: z.array(z.object({ id: z.string(), body: z.string(), authorName: z.string(), createdAt: instant })),
  replies: z.array(z.object({ id: z.string(), round: z.number().int(), body: z.string(), status: letterReplyStatusSchema, reviewComment: z.string().nullable(), updatedAt: instant })),
  extensions: z.array(z.object({ id: z.string(), days: z.number().int(), reason: z.string(), status: extensionStatusSchema, createdAt: instant })),
  supplements: z.array(z.object({ id: z.string(), request: z.string(), response: z.string().nullable(), createdAt: instant, respondedAt: instant.nullable() })),
  events: z.array(z.object({ action: letterActionSchema, label: z.string(), fromStatus: letterStatusSchema.nullable(), toStatus: letterStatusSchema.nullable(), actorRole: z.string().nullable(), reason: z.string().nullable(), at: instant })),
  /** Office only: where this letter could go (never applied automatically). */
  suggestedDepartments: z.array(departmentSuggestionSchema),
  /** Office only: open letters that say nearly the same thing. */
  similarLetters: z.array(similarLetterSchema),
});
export type StaffLetter = z.infer<typeof staffLetterSchema>;
export const staffLetterResponseSchema = z.object({ letter: staffLetterSchema });

const reason = z.string().trim().min(2, '请填写原因').max(500);
export const notAcceptLetterRequestSchema = z.object({ reasonCode: notAcceptedReasonSchema, text: z.string().trim().max(400).default('') });
export const assignLetterRequestSchema = z.object({ departmentId: idSchema, instructions: z.string().trim().max(1000).optional() });
export const reassignLetterRequestSchema = z.object({ departmentId: idSchema, reason });
export const returnLetterRequestSchema = z.object({ reason });
export const letterNoteRequestSchema = z.object({ body: z.string().trim().min(1, '请填写备注').max(2000) });
export const draftReplyRequestSchema = z.object({ body: z.string().trim().min(10, '答复至少10个字').max(5000), isSubmitted: z.boolean().default(false) });
export const reviewReplyRequestSchema = z.object({ decision: z.enum(['APPROVE', 'SEND_BACK']), comment: z.string().trim().max(1000).optional() }).refine((value) => value.decision === 'APPROVE' || (value.comment ?? '').length >= 2, { message: '退回修改请填写意见', path: ['comment'] });
export const extensionRequestSchema = z.object({ days: z.number().int().min(1, '延期至少1个工作日').max(15, '延期最多15个工作日'), reason });
export const reviewExtensionRequestSchema = z.object({ decision: z.enum(['APPROVE', 'REJECT']), comment: z.string().trim().max(500).optional() });
export const supplementRequestSchema = z.object({ request: z.string().trim().min(2, '请说明需要补充的内容').max(1000) });
export const mergeLetterRequestSchema = z.object({ intoLetterId: idSchema });
/** The public copy: masked automatically, or as the office edited it. */
export const publishPreviewSchema = z.object({ title: z.string(), body: z.string(), reply: z.string().nullable() });
export type PublishPreview = z.infer<typeof publishPreviewSchema>;
export const publicationStateSchema = z.object({
  isPublished: z.boolean(),
  /** The office edited the public copy (it is shown instead of the automatic masking). */
  isEdited: z.boolean(),
  publishedAt: instant.nullable(),
  withdrawnAt: instant.nullable(),
  withdrawnReason: z.string().nullable(),
});
export type PublicationState = z.infer<typeof publicationStateSchema>;
export const publishPreviewResponseSchema = z.object({ preview: publishPreviewSchema, publication: publicationStateSchema });
export type PublishPreviewResponse = z.infer<typeof publishPreviewResponseSchema>;
/** The office's public title, body and reply; the resident's own text is never changed. */
export const editPublicTextRequestSchema = z.object({
  title: z.string().trim().min(2, '公开标题至少2个字').max(64, '公开标题最多64个字'),
  body: z.string().trim().min(2, '公开内容至少2个字').max(5000, '公开内容最多5000个字'),
  reply: z.string().trim().min(2, '公开答复至少2个字').max(5000, '公开答复最多5000个字').nullable().default(null),
});
export type EditPublicTextRequest = z.input<typeof editPublicTextRequestSchema>;
export const withdrawPublicationRequestSchema = z.object({ reason: z.string().trim().min(2, '请填写撤回公开的原因').max(500, '原因最多500个字') });
