import { z } from 'zod';
import { httpsUrl } from '../https-url';
import {
  deliveryMethodSchema,
  guideErrorCategorySchema,
  materialFormSchema,
  materialSourceSchema,
  onlineDepthSchema,
  serviceAudienceSchema,
  serviceItemStatusSchema,
  serviceItemTypeSchema,
} from '../enums';

/** 办事指南 as residents see them: a list row, a search hit and the full national guide. */
export const guideSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: serviceItemTypeSchema,
  departmentName: z.string(),
  audience: serviceAudienceSchema,
  onSiteTrips: z.number().int(),
  /** 最多跑一次: at most one trip. */
  isMaxOneTrip: z.boolean(),
  isAppointmentEnabled: z.boolean(),
  promisedDays: z.number().int(),
  isCharged: z.boolean(),
  revisedAt: z.string(),
});
export type GuideSummary = z.infer<typeof guideSummarySchema>;

export const highlightSegmentSchema = z.object({ text: z.string(), isMatch: z.boolean() });

export const guideListQuerySchema = z.object({
  departmentId: z.string().max(32).optional(),
  audience: z.enum(['INDIVIDUAL', 'LEGAL_PERSON']).optional(),
  theme: z.string().max(32).optional(),
  lifeEvent: z.string().max(32).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type GuideListQuery = z.infer<typeof guideListQuerySchema>;

export const guideListResponseSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(guideSummarySchema) });

export const guideSearchQuerySchema = z.object({
  q: z.string().trim().min(1, '请输入要搜索的事项').max(64, '搜索词过长'),
  page: z.coerce.number().int().min(1).max(100).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const guideSearchResponseSchema = z.object({
  query: z.string(),
  total: z.number().int(),
  items: z.array(guideSummarySchema.extend({ highlight: z.array(highlightSegmentSchema) })),
});
export type GuideSearchResponse = z.infer<typeof guideSearchResponseSchema>;

export const guideMaterialSchema = z.object({
  id: z.string(),
  name: z.string(),
  form: materialFormSchema,
  copies: z.number().int(),
  isRequired: z.boolean(),
  condition: z.string().nullable(),
  note: z.string().nullable(),
  source: materialSourceSchema,
  isElectronicAccepted: z.boolean(),
  blankFormUrl: z.string().nullable(),
  sampleUrl: z.string().nullable(),
});

export const guideDetailSchema = guideSummarySchema.extend({
  status: serviceItemStatusSchema,
  version: z.number().int(),
  departmentId: z.string(),
  themes: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  keywords: z.array(z.string()),
  basis: z.array(z.object({ law: z.string(), article: z.string().nullable() })),
  conditions: z.array(z.string()),
  materials: z.array(guideMaterialSchema),
  steps: z.array(z.object({ name: z.string(), actor: z.string(), description: z.string(), days: z.number().int(), countsTowardLimit: z.boolean() })),
  statutoryDays: z.number().int(),
  fee: z.object({ isCharged: z.boolean(), standard: z.string().nullable(), basis: z.string().nullable(), amountFen: z.number().int().nullable(), isOnlinePaymentEnabled: z.boolean() }),
  onlineDepth: onlineDepthSchema,
  deliveryMethods: z.array(deliveryMethodSchema),
  halls: z.array(z.object({ id: z.string(), name: z.string(), address: z.string(), hours: z.string(), phone: z.string().nullable(), windows: z.array(z.object({ code: z.string(), name: z.string() })) })),
  hours: z.string(),
  consultPhone: z.string().nullable(),
  supervisePhone: z.string().nullable(),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
});
export type GuideDetail = z.infer<typeof guideDetailSchema>;

export const guideCatalogSchema = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string(), itemCount: z.number().int() })),
  audiences: z.array(z.object({ value: z.enum(['INDIVIDUAL', 'LEGAL_PERSON']), label: z.string(), itemCount: z.number().int() })),
  themes: z.array(z.object({ name: z.string(), itemCount: z.number().int() })),
  lifeEvents: z.array(z.object({ name: z.string(), description: z.string(), itemCount: z.number().int() })),
});
export type GuideCatalog = z.infer<typeof guideCatalogSchema>;

export const checklistSchema = z.object({
  itemCode: z.string(),
  version: z.number().int(),
  materials: z.array(z.object({ id: z.string(), name: z.string(), isRequired: z.boolean(), condition: z.string().nullable(), isChecked: z.boolean() })),
  missingRequired: z.array(z.string()),
  isReady: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;
export const updateChecklistRequestSchema = z.object({ checkedMaterialIds: z.array(z.string().max(32)).max(100) });

export const guideErrorReportRequestSchema = z.object({
  category: guideErrorCategorySchema,
  content: z.string().trim().min(5, '请至少写5个字说明问题').max(500, '说明最多500字'),
});
export const answerGuideErrorReportRequestSchema = z.object({ answer: z.string().trim().min(2, '请填写答复内容').max(1000, '答复最多1000字') });

/** What an admin (or the owning department) edits: every element of the national guide. */
const itemCodePattern = /^[0-9A-Z]{8,12}-(XK|GF|QR|ZS|GG|QT)-\d{4}$/;
export const guideInputSchema = z
  .object({
    code: z.string().trim().regex(itemCodePattern, '事项编码格式应如 11331000MZ-QR-0001'),
    name: z.string().trim().min(2, '请填写事项名称').max(128),
    type: serviceItemTypeSchema,
    departmentId: z.string().min(1, '请选择实施部门').max(32),
    audience: serviceAudienceSchema,
    themes: z.array(z.string().trim().min(1).max(32)).min(1, '至少填写一个主题').max(10),
    lifeEvents: z.array(z.string().trim().min(1).max(32)).max(10).default([]),
    keywords: z.array(z.string().trim().min(1).max(32)).min(1, '至少填写一个关键词').max(30),
    basis: z.array(z.object({ law: z.string().trim().min(2).max(255), article: z.string().trim().max(64).nullable() })).min(1, '请填写设定依据'),
    conditions: z.array(z.string().trim().min(2).max(500)).min(1, '请填写受理条件').max(30),
    materials: z
      .array(
        z.object({
          name: z.string().trim().min(2).max(128),
          form: materialFormSchema,
          copies: z.number().int().min(1).max(20),
          isRequired: z.boolean(),
          condition: z.string().trim().min(2).max(255).nullable(),
          note: z.string().trim().max(1000).nullable(),
          source: materialSourceSchema,
          isElectronicAccepted: z.boolean(),
          blankFormUrl: httpsUrl('空白表格链接须为 https:// 开头的网址').nullable().default(null),
          sampleUrl: httpsUrl('示例样表链接须为 https:// 开头的网址').nullable().default(null),
        }),
      )
      .max(60),
    steps: z.array(z.object({ name: z.string().trim().min(2).max(64), actor: z.string().trim().min(1).max(64), description: z.string().trim().min(2).max(2000), days: z.number().int().min(0).max(365), countsTowardLimit: z.boolean() })).min(1, '请填写办理流程').max(20),
    statutoryDays: z.number().int().min(0).max(365),
    promisedDays: z.number().int().min(0).max(365),
    fee: z.object({
      isCharged: z.boolean(),
      standard: z.string().trim().max(1000).nullable(),
      basis: z.string().trim().max(1000).nullable(),
      amountFen: z.number().int().min(1).max(100_000_000).nullable(),
      isOnlinePaymentEnabled: z.boolean(),
    }),
    onSiteTrips: z.number().int().min(0).max(5),
    onlineDepth: onlineDepthSchema,
    deliveryMethods: z.array(deliveryMethodSchema).min(1, '请选择结果送达方式'),
    isAppointmentEnabled: z.boolean(),
    hallIds: z.array(z.string().min(1).max(32)).min(1, '请选择办理大厅').max(10),
    hours: z.string().trim().min(2).max(255),
    consultPhone: z.string().trim().max(32).nullable(),
    supervisePhone: z.string().trim().max(32).nullable(),
    faq: z.array(z.object({ question: z.string().trim().min(2).max(255), answer: z.string().trim().min(2).max(2000) })).max(20),
    changeNote: z.string().trim().max(255).optional(),
  })
  .superRefine((guide, ctx) => {
    const typeCode = { ADMINISTRATIVE_LICENSE: 'XK', ADMINISTRATIVE_BENEFIT: 'GF', ADMINISTRATIVE_CONFIRMATION: 'QR', ADMINISTRATIVE_LEVY: 'ZS', PUBLIC_SERVICE: 'GG', OTHER: 'QT' }[guide.type];
    if (!guide.code.includes(`-${typeCode}-`)) ctx.addIssue({ code: 'custom', path: ['code'], message: `事项编码中的类型代码应为 ${typeCode}` });
    if (guide.promisedDays > guide.statutoryDays) ctx.addIssue({ code: 'custom', path: ['promisedDays'], message: '承诺时限不能超过法定时限' });
    const counted = guide.steps.filter((step) => step.countsTowardLimit).reduce((sum, step) => sum + step.days, 0);
    if (counted !== guide.promisedDays) ctx.addIssue({ code: 'custom', path: ['steps'], message: `计入时限的环节共 ${counted} 个工作日，应等于承诺时限 ${guide.promisedDays} 个工作日` });
    guide.materials.forEach((material, index) => {
      if (material.isRequired !== (material.condition === null)) ctx.addIssue({ code: 'custom', path: ['materials', index, 'condition'], message: '必需材料不填适用情形；非必需材料须写明适用情形' });
      if (material.form === 'ELECTRONIC_LICENSE' && !material.isElectronicAccepted) ctx.addIssue({ code: 'custom', path: ['materials', index, 'isElectronicAccepted'], message: '电子证照材料须支持电子证照' });
    });
    if (guide.onSiteTrips === 0 && guide.onlineDepth !== 'LEVEL_4') ctx.addIssue({ code: 'custom', path: ['onlineDepth'], message: '零跑动事项的网办深度应为四级' });
    if (!guide.fee.isCharged && (guide.fee.standard !== null || guide.fee.amountFen !== null || guide.fee.isOnlinePaymentEnabled)) {
      ctx.addIssue({ code: 'custom', path: ['fee'], message: '不收费事项不填收费标准、金额，也不开通在线支付' });
    }
    if (guide.fee.isCharged && !guide.fee.standard) ctx.addIssue({ code: 'custom', path: ['fee', 'standard'], message: '收费事项须填写收费标准' });
  });
export type GuideInput = z.infer<typeof guideInputSchema>;

export const guideVersionSummarySchema = z.object({ version: z.number().int(), changeNote: z.string().nullable(), createdAt: z.string() });
export const guideVersionListSchema = z.object({ versions: z.array(guideVersionSummarySchema) });
/** One saved version. `guide` is the snapshot residents saw; version 1 of a seeded guide keeps the source catalogue's shape. */
export const guideVersionDetailSchema = z.object({ version: z.number().int(), changeNote: z.string().nullable(), createdAt: z.string(), guide: z.record(z.string(), z.unknown()) });

export const favouriteGuideListSchema = z.object({ items: z.array(guideSummarySchema.extend({ favouritedAt: z.string() })) });
export const recentGuideListSchema = z.object({ items: z.array(guideSummarySchema.extend({ viewedAt: z.string() })) });

/** The maintenance list (admin, or a department's handlers): every status. */
export const adminGuideListQuerySchema = z.object({
  status: serviceItemStatusSchema.optional(),
  departmentId: z.string().max(32).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminGuideListQuery = z.infer<typeof adminGuideListQuerySchema>;
export const adminGuideListResponseSchema = z.object({
  total: z.number().int(),
  items: z.array(guideSummarySchema.extend({ status: serviceItemStatusSchema, version: z.number().int() })),
});

/** Bulk import and export of the catalogue as CSV or XLSX (docs/guide-import-template.md). */
export const guideImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
export const guideExportQuerySchema = z.object({ departmentId: z.string().max(32).optional() });

export const guideImportOutcomeSchema = z.enum(['CREATED', 'UPDATED', 'UNCHANGED']);
export type GuideImportOutcome = z.infer<typeof guideImportOutcomeSchema>;
export const guideImportResultSchema = z.object({
  /** True when nothing was written (`?dryRun=true`): the outcomes say what an import would do. */
  isDryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** One per guide row, in file order; `line` is the spreadsheet row number (header = 1). */
  rows: z.array(z.object({ line: z.number().int(), code: z.string(), name: z.string(), outcome: guideImportOutcomeSchema, version: z.number().int() })),
});
export type GuideImportResult = z.infer<typeof guideImportResultSchema>;

/** Every bad row of a refused import, with the reasons in Chinese; nothing was written. */
export const guideImportRowErrorSchema = z.object({ line: z.number().int(), code: z.string().nullable(), errors: z.array(z.string()) });
export type GuideImportRowError = z.infer<typeof guideImportRowErrorSchema>;
export const guideImportErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.object({ rows: z.array(guideImportRowErrorSchema) }).optional(),
    requestId: z.string().optional(),
  }),
});

/** The editable form of a guide as shown: what the admin form and the catalogue export start from. */
export function guideDetailToInput(detail: GuideDetail): GuideInput {
  return {
    code: detail.code,
    name: detail.name,
    type: detail.type,
    departmentId: detail.departmentId,
    audience: detail.audience,
    themes: detail.themes,
    lifeEvents: detail.lifeEvents,
    keywords: detail.keywords,
    basis: detail.basis,
    conditions: detail.conditions,
    materials: detail.materials.map(({ id: _id, ...material }) => material),
    steps: detail.steps,
    statutoryDays: detail.statutoryDays,
    promisedDays: detail.promisedDays,
    fee: detail.fee,
    onSiteTrips: detail.onSiteTrips,
    onlineDepth: detail.onlineDepth,
    deliveryMethods: detail.deliveryMethods,
    isAppointmentEnabled: detail.isAppointmentEnabled,
    hallIds: detail.halls.map((hall) => hall.id),
    hours: detail.hours,
    consultPhone: detail.consultPhone,
    supervisePhone: detail.supervisePhone,
    faq: detail.faq,
  };
}
