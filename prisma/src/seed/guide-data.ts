import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DeliveryMethod, MaterialForm, MaterialSource, OnlineDepth, ServiceAudience, ServiceItemType } from '../../generated/client/enums';

/**
 * The demo city's 48 service guides (prisma/seed/data/service-guides.json, described in the
 * README beside it), validated on load and mapped from the Chinese values to the schema's enums.
 */

/** prisma/seed/data/service-guides.json, inside the repository; SERVICE_GUIDES_PATH overrides it. */
export const defaultServiceGuidesPath = path.resolve(__dirname, '../../seed/data/service-guides.json');

const itemTypes = { 行政许可: 'ADMINISTRATIVE_LICENSE', 行政给付: 'ADMINISTRATIVE_BENEFIT', 行政确认: 'ADMINISTRATIVE_CONFIRMATION', 行政征收: 'ADMINISTRATIVE_LEVY', 公共服务: 'PUBLIC_SERVICE', 其他: 'OTHER' } as const satisfies Record<string, ServiceItemType>;
const audiences = { 个人: 'INDIVIDUAL', 法人: 'LEGAL_PERSON', '个人,法人': 'BOTH' } as const satisfies Record<string, ServiceAudience>;
const materialForms = { 原件: 'ORIGINAL', 复印件: 'COPY', 原件及复印件: 'ORIGINAL_AND_COPY', 电子证照: 'ELECTRONIC_LICENSE' } as const satisfies Record<string, MaterialForm>;
const materialSources = { 申请人自备: 'APPLICANT', 政府部门核发: 'GOVERNMENT_ISSUED', 其他: 'OTHER' } as const satisfies Record<string, MaterialSource>;
const onlineDepths = { 一级: 'LEVEL_1', 二级: 'LEVEL_2', 三级: 'LEVEL_3', 四级: 'LEVEL_4' } as const satisfies Record<string, OnlineDepth>;
const deliveryMethods = { 窗口领取: 'WINDOW_PICKUP', 邮寄送达: 'MAIL', 电子送达: 'ELECTRONIC' } as const satisfies Record<string, DeliveryMethod>;

function isKeyOf<K extends string>(mapping: Record<K, unknown>, value: string): value is K {
  return Object.hasOwn(mapping, value);
}

/** A string that must be one of the Chinese keys of `mapping`, parsed to the mapped enum value. */
function mapped<K extends string, V>(mapping: Record<K, V>) {
  return z.string().transform((value, ctx) => {
    if (isKeyOf(mapping, value)) return mapping[value];
    ctx.addIssue({ code: 'custom', message: `expected one of ${Object.keys(mapping).join(' / ')}, got ${value}` });
    return z.NEVER;
  });
}

const materialSchema = z.object({
  name: z.string().min(1),
  form: mapped(materialForms),
  copies: z.number().int().min(1),
  required: z.boolean(),
  condition: z.string().nullable(),
  note: z.string().nullable(),
  source: mapped(materialSources),
  electronicAccepted: z.boolean(),
});

const stepSchema = z.object({
  name: z.string().min(1),
  actor: z.string().min(1),
  description: z.string(),
  days: z.number().int().min(0),
  countsTowardLimit: z.boolean(),
});

const itemSchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{8,12}-(XK|GF|QR|ZS|GG|QT)-\d{4}$/),
  name: z.string().min(1),
  department: z.string().min(1),
  type: mapped(itemTypes),
  audience: mapped(audiences),
  themes: z.array(z.string()).min(1),
  lifeEvents: z.array(z.string()),
  keywords: z.array(z.string()).min(1),
  basis: z.array(z.object({ law: z.string(), article: z.string().nullable() })),
  conditions: z.array(z.string()),
  materials: z.array(materialSchema),
  steps: z.array(stepSchema),
  statutoryDays: z.number().int().min(0),
  promisedDays: z.number().int().min(0),
  fee: z.object({
    charged: z.boolean(),
    standard: z.string().nullable(),
    basis: z.string().nullable(),
    amountFen: z.number().int().min(0).nullable(),
    onlinePayment: z.boolean(),
  }),
  onSiteTrips: z.number().int().min(0).max(2),
  onlineDepth: mapped(onlineDepths),
  delivery: z.array(mapped(deliveryMethods)).min(1),
  appointment: z.boolean(),
  halls: z.array(z.string()).min(1),
  hours: z.string(),
  consultPhone: z.string(),
  superviseLine: z.string(),
  faq: z.array(z.object({ q: z.string(), a: z.string() })),
  updatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  version: z.number().int().min(1),
});

const serviceGuidesSchema = z.object({
  schemaVersion: z.literal(1),
  city: z.string(),
  generatedAt: z.string(),
  halls: z.array(z.object({ name: z.string(), address: z.string(), hours: z.string() })),
  departments: z.array(z.object({ name: z.string(), officeCode: z.string(), consultPhone: z.string() })),
  lifeEvents: z.array(z.object({ name: z.string(), description: z.string(), itemCodes: z.array(z.string()) })),
  items: z.array(itemSchema),
});

export type ServiceGuides = z.infer<typeof serviceGuidesSchema>;
export type GuideItem = ServiceGuides['items'][number];

export function loadServiceGuides(filePath: string = process.env.SERVICE_GUIDES_PATH ?? defaultServiceGuidesPath): ServiceGuides {
  const data: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
  const parsed = serviceGuidesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${filePath} does not match the service-guide format: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
