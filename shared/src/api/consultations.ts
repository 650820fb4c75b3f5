import { z } from 'zod';
import { calendarDateSchema } from './calendar-values';
import { httpsUrl } from '../https-url';
import { consultationStatusSchema, opinionOutcomeKindSchema, opinionStatusSchema } from '../enums';

/**
 * Public consultations (意见征集) and the feedback on adopted opinions (采纳情况反馈): the contract
 * between the BFF and the mini-program. Dates are `YYYY-MM-DD` (Asia/Shanghai), instants ISO
 * strings. Submitting an opinion requires an `Idempotency-Key` header; a retry with the same key
 * returns the opinion already stored.
 */

const dateSchema = calendarDateSchema;
const idSchema = z.string().min(1).max(32);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((value) => (value ? value : null));

// ─── resident side ───

/** open = 征集中, closed = 已结束待反馈, published = 已反馈. */
export const consultationPhaseSchema = z.enum(['OPEN', 'CLOSED', 'FEEDBACK_PUBLISHED']);
export type ConsultationPhase = z.infer<typeof consultationPhaseSchema>;

export const consultationListQuerySchema = z.object({
  status: consultationPhaseSchema.optional(),
  departmentId: idSchema.optional(),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuerySchema>;

export const consultationListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  status: consultationStatusSchema,
  summary: z.string().nullable(),
  startDate: dateSchema,
  endDate: dateSchema,
  /** Calendar days left until the end date, the end day included; null once closed. */
  daysLeft: z.number().int().nullable(),
  opinionCount: z.number().int(),
  feedbackPublishedAt: z.string().nullable(),
});
export type ConsultationListItem = z.infer<typeof consultationListItemSchema>;

export const consultationListResponseSchema = z.object({
  items: z.array(consultationListItemSchema),
  /** The departments that have public consultations (the filter's options). */
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ConsultationListResponse = z.infer<typeof consultationListResponseSchema>;

export const consultationSectionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  heading: z.string().nullable(),
  body: z.string(),
});
export type ConsultationSection = z.infer<typeof consultationSectionSchema>;

export const consultationAttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** A signed, expiring URL of the stored file, or the external link. */
  url: z.string(),
  fileId: z.string().nullable(),
});
export type ConsultationAttachment = z.infer<typeof consultationAttachmentSchema>;

export const consultationContactSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});

export const consultationDetailSchema = consultationListItemSchema.extend({
  background: z.string(),
  basis: z.string(),
  shortenedReason: z.string().nullable(),
  contact: consultationContactSchema,
  sections: z.array(consultationSectionSchema),
  attachments: z.array(consultationAttachmentSchema),
  isAcceptingOpinions: z.boolean(),
  /** The latest feedback report version, null before publication. */
  feedbackVersion: z.number().int().nullable(),
});
export type ConsultationDetail = z.infer<typeof consultationDetailSchema>;

export const submitOpinionRequestSchema = z.object({
  /** null or absent: an opinion on the whole draft. */
  sectionId: idSchema.nullish().transform((value) => value ?? null),
  body: z.string().trim().min(1, '请填写意见内容').max(5000, '意见内容过长'),
});
export type SubmitOpinionRequest = z.input<typeof submitOpinionRequestSchema>;

/** A published outcome as the opinion's author reads it. */
export const opinionOutcomeViewSchema = z.object({
  outcome: opinionOutcomeKindSchema,
  reason: z.string().nullable(),
  summary: z.string().nullable(),
  /** For MERGED: the section number of the opinion it was merged into (null = whole draft). */
  mergedIntoSectionNumber: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
});
export type OpinionOutcomeView = z.infer<typeof opinionOutcomeViewSchema>;

export const myOpinionSchema = z.object({
  id: z.string(),
  consultation: z.object({ id: z.string(), title: z.string(), status: consultationStatusSchema }),
  section: z.object({ id: z.string(), number: z.number().int(), heading: z.string().nullable() }).nullable(),
  body: z.string(),
  /** SUBMITTED until the feedback is published (drafted answers stay private), then PUBLISHED. */
  status: opinionStatusSchema,
  createdAt: z.string(),
  outcome: opinionOutcomeViewSchema.nullable(),
});
export type MyOpinion = z.infer<typeof myOpinionSchema>;

export const myOpinionsQuerySchema = z.object({ consultationId: idSchema.optional() });
export const myOpinionsResponseSchema = z.object({ items: z.array(myOpinionSchema) });
export type MyOpinionsResponse = z.infer<typeof myOpinionsResponseSchema>;

// ─── the feedback report (采纳情况反馈) ───

const outcomeCountsSchema = z.object({ ADOPTED: z.number().int(), PARTIALLY_ADOPTED: z.number().int(), NOT_ADOPTED: z.number().int(), MERGED: z.number().int() });
export type OutcomeCounts = z.infer<typeof outcomeCountsSchema>;

/** The stored report body (also written by the seed); extra keys are ignored. */
export const feedbackReportBodySchema = z.object({
  totals: outcomeCountsSchema.extend({ opinions: z.number().int() }),
  sections: z.array(z.object({ number: z.number().int().nullable(), label: z.string(), opinions: z.number().int(), outcomes: outcomeCountsSchema })),
  adopted: z.array(z.object({ opinionId: z.string(), section: z.number().int().nullable(), outcome: opinionOutcomeKindSchema.nullable(), summary: z.string().nullable() })),
  notAdopted: z.array(z.object({ opinionId: z.string(), section: z.number().int().nullable(), reason: z.string().nullable(), excerpt: z.string().optional() })),
  merged: z.array(z.object({ opinionId: z.string(), mergedIntoOpinionId: z.string().nullable(), reason: z.string().nullable() })),
});
export type FeedbackReportBody = z.infer<typeof feedbackReportBodySchema>;

export const feedbackReportSchema = z.object({
  consultation: z.object({ id: z.string(), title: z.string(), departmentName: z.string() }),
  version: z.number().int(),
  publishedAt: z.string(),
  /** The department's explanation (and, for a correction, what was corrected). */
  explanation: z.string().nullable(),
  report: feedbackReportBodySchema,
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string() })),
});
export type FeedbackReport = z.infer<typeof feedbackReportSchema>;

// ─── open data ───

export const openDataFormatSchema = z.enum(['json', 'csv']);
export const openDataQuerySchema = z.object({ format: openDataFormatSchema.default('json') });

export const openDataOpinionSchema = z.object({
  /** Sequence number within the consultation (1 = earliest). */
  no: z.number().int(),
  section: z.number().int().nullable(),
  submittedOn: dateSchema,
  /** Personal numbers masked; null while the text is held for review. */
  text: z.string().nullable(),
  outcome: opinionOutcomeKindSchema,
  outcomeLabel: z.string(),
  summary: z.string().nullable(),
  reason: z.string().nullable(),
  mergedIntoNo: z.number().int().nullable(),
});
export type OpenDataOpinion = z.infer<typeof openDataOpinionSchema>;

export const openDataExportSchema = z.object({
  consultation: z.object({ id: z.string(), title: z.string(), department: z.string(), startDate: dateSchema, endDate: dateSchema, feedbackVersion: z.number().int(), feedbackPublishedAt: z.string() }),
  opinions: z.array(openDataOpinionSchema),
});
export type OpenDataExport = z.infer<typeof openDataExportSchema>;

// ─── staff side ───

export const consultationSectionInputSchema = z.object({
  heading: optionalText(128, '章节标题'),
  body: z.string().trim().min(1, '条文内容不能为空').max(5000, '每条不能超过5000字'),
});

export const consultationAttachmentInputSchema = z
  .object({
    name: z.string().trim().min(1, '请填写附件名称').max(128, '附件名称不能超过128个字'),
    /** An uploaded document (POST /files/documents) … */
    fileId: idSchema.nullish().transform((value) => value ?? null),
    /** … or a link to a document published elsewhere. */
    url: httpsUrl('附件链接须为 https:// 开头的网址').nullish().transform((value) => value ?? null),
  })
  .refine((value) => (value.fileId === null) !== (value.url === null), { message: '附件须为已上传的文件或外部链接之一', path: ['fileId'] });

export const consultationInputSchema = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(128, '标题不能超过128个字'),
  summary: optionalText(500, '摘要'),
  background: z.string().trim().min(1, '请填写起草背景').max(20000),
  basis: z.string().trim().min(1, '请填写起草依据').max(20000),
  startDate: dateSchema,
  /** Defaults to the start date plus the configured default period (30 days). */
  endDate: dateSchema.nullish().transform((value) => value ?? null),
  /** Required when the period is shorter than the default. */
  shortenedReason: optionalText(500, '缩短期限的理由'),
  contact: z
    .object({
      name: optionalText(64, '联系人'),
      phone: optionalText(32, '联系电话'),
      email: optionalText(128, '电子邮箱'),
      address: optionalText(255, '通信地址'),
    })
    .default({ name: null, phone: null, email: null, address: null }),
  sections: z.array(consultationSectionInputSchema).min(1, '至少需要一条条文').max(300, '条文不能超过300条'),
  attachments: z.array(consultationAttachmentInputSchema).max(20, '附件不能超过20个').default([]),
});
export type ConsultationInput = z.input<typeof consultationInputSchema>;

export const staffOpinionSchema = z.object({
  id: z.string(),
  /** Sequence number within the consultation, what staff and the MERGED target refer to. */
  no: z.number().int(),
  section: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  body: z.string(),
  contentCheckStatus: z.enum(['PENDING', 'PASS', 'REVIEW', 'RISKY']),
  status: opinionStatusSchema,
  createdAt: z.string(),
  outcome: z
    .object({ outcome: opinionOutcomeKindSchema, reason: z.string().nullable(), summary: z.string().nullable(), mergedIntoOpinionId: z.string().nullable(), isPublished: z.boolean() })
    .nullable(),
});
export type StaffOpinion = z.infer<typeof staffOpinionSchema>;

export const staffConsultationSchema = consultationDetailSchema.extend({
  opinions: z.array(staffOpinionSchema),
  unansweredCount: z.number().int(),
});
export type StaffConsultation = z.infer<typeof staffConsultationSchema>;

export const staffConsultationListResponseSchema = z.object({
  items: z.array(consultationListItemSchema.extend({ unansweredCount: z.number().int() })),
});
export type StaffConsultationListResponse = z.infer<typeof staffConsultationListResponseSchema>;

const answerFields = {
  outcome: opinionOutcomeKindSchema,
  reason: optionalText(1000, '理由'),
  summary: optionalText(500, '采纳情况摘要'),
  mergedIntoOpinionId: idSchema.nullish().transform((value) => value ?? null),
};

export const answerOpinionRequestSchema = z.object(answerFields);
export type AnswerOpinionRequest = z.input<typeof answerOpinionRequestSchema>;

export const bulkAnswerRequestSchema = z.object({
  opinionIds: z.array(idSchema).min(1, '请选择意见').max(500),
  ...answerFields,
});
export type BulkAnswerRequest = z.input<typeof bulkAnswerRequestSchema>;

export const publishFeedbackRequestSchema = z.object({
  explanation: z.string().trim().min(1, '请填写反馈说明').max(5000, '反馈说明不能超过5000字'),
});

/** A correction after publication: changed answers plus what was corrected; makes a new version. */
export const correctFeedbackRequestSchema = z.object({
  explanation: z.string().trim().min(1, '请说明更正的内容').max(5000, '更正说明不能超过5000字'),
  changes: z.array(answerOpinionRequestSchema.extend({ opinionId: idSchema })).max(500).default([]),
});
export type CorrectFeedbackRequest = z.input<typeof correctFeedbackRequestSchema>;

export const consultationJobReportSchema = z.object({ opened: z.number().int(), closed: z.number().int() });
