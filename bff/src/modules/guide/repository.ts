import type { Prisma, PrismaClient } from '@govpocket/db';
import { guideDetailSchema, type GuideDetail, type GuideListQuery, type GuideSummary } from '@govpocket/shared';
import type { GuideSearchDoc } from './search/search-index';

type Db = PrismaClient | Prisma.TransactionClient;

export const summarySelect = {
  code: true,
  name: true,
  type: true,
  audience: true,
  onSiteTrips: true,
  isAppointmentEnabled: true,
  promisedDays: true,
  isCharged: true,
  revisedAt: true,
  department: { select: { name: true } },
} satisfies Prisma.ServiceItemSelect;

type SummaryRow = Prisma.ServiceItemGetPayload<{ select: typeof summarySelect }>;

export function toSummary(row: SummaryRow): GuideSummary {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    departmentName: row.department.name,
    audience: row.audience,
    onSiteTrips: row.onSiteTrips,
    isMaxOneTrip: row.onSiteTrips <= 1,
    isAppointmentEnabled: row.isAppointmentEnabled,
    promisedDays: row.promisedDays,
    isCharged: row.isCharged,
    revisedAt: row.revisedAt.toISOString(),
  };
}

function listWhere(query: Omit<GuideListQuery, 'page' | 'pageSize'>): Prisma.ServiceItemWhereInput {
  return {
    status: 'PUBLISHED',
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.audience ? { audience: { in: [query.audience, 'BOTH'] } } : {}),
    ...(query.theme ? { themes: { array_contains: query.theme } } : {}),
    ...(query.lifeEvent ? { lifeEvents: { some: { lifeEvent: { name: query.lifeEvent } } } } : {}),
  };
}

export async function listPublishedGuides(db: Db, query: GuideListQuery): Promise<{ total: number; items: GuideSummary[] }> {
  const where = listWhere(query);
  const [total, rows] = await Promise.all([
    db.serviceItem.count({ where }),
    db.serviceItem.findMany({ where, select: summarySelect, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { total, items: rows.map(toSummary) };
}

export async function hotGuides(db: Db, limit: number): Promise<GuideSummary[]> {
  const rows = await db.serviceItem.findMany({ where: { status: 'PUBLISHED' }, select: summarySelect, orderBy: [{ viewCount: 'desc' }, { sortOrder: 'asc' }], take: limit });
  return rows.map(toSummary);
}

const detailSelect = {
  ...summarySelect,
  id: true,
  status: true,
  currentVersion: true,
  departmentId: true,
  themes: true,
  keywords: true,
  basis: true,
  conditions: true,
  statutoryDays: true,
  feeStandard: true,
  feeBasis: true,
  feeAmountFen: true,
  isOnlinePaymentEnabled: true,
  onlineDepth: true,
  deliveryMethods: true,
  hours: true,
  consultPhone: true,
  supervisePhone: true,
  materials: { orderBy: { sortOrder: 'asc' } },
  steps: { orderBy: { sortOrder: 'asc' }, select: { name: true, actor: true, description: true, days: true, countsTowardLimit: true } },
  faqs: { orderBy: { sortOrder: 'asc' }, select: { question: true, answer: true } },
  lifeEvents: { select: { lifeEvent: { select: { name: true } } } },
  halls: { select: { hall: { select: { id: true, name: true, address: true, hours: true, phone: true } } } },
  windows: { select: { window: { select: { code: true, name: true, hallId: true, isActive: true } } } },
} satisfies Prisma.ServiceItemSelect;

type DetailRow = Prisma.ServiceItemGetPayload<{ select: typeof detailSelect }>;

/** The whole national guide for one item, parsed into the shared DTO (JSON columns validated). */
export async function findGuideDetail(db: Db, code: string): Promise<(GuideDetail & { id: string }) | null> {
  const row = await db.serviceItem.findUnique({ where: { code }, select: detailSelect });
  return row ? toGuideDetail(row) : null;
}

/** Many whole guides at once (the catalogue export, the import's comparison), in catalogue order. */
export async function findGuideDetails(db: Db, filter: { codes?: string[]; departmentId?: string }): Promise<Array<GuideDetail & { id: string }>> {
  const rows = await db.serviceItem.findMany({
    where: { ...(filter.codes ? { code: { in: filter.codes } } : {}), ...(filter.departmentId ? { departmentId: filter.departmentId } : {}) },
    select: detailSelect,
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.map(toGuideDetail);
}

function toGuideDetail(row: DetailRow): GuideDetail & { id: string } {
  const detail = guideDetailSchema.parse({
    ...toSummary(row),
    status: row.status,
    version: row.currentVersion,
    departmentId: row.departmentId,
    themes: row.themes,
    lifeEvents: row.lifeEvents.map((link) => link.lifeEvent.name),
    keywords: row.keywords,
    basis: row.basis,
    conditions: row.conditions,
    materials: row.materials.map((material) => ({
      id: material.id,
      name: material.name,
      form: material.form,
      copies: material.copies,
      isRequired: material.isRequired,
      condition: material.condition,
      note: material.note,
      source: material.source,
      isElectronicAccepted: material.isElectronicAccepted,
      blankFormUrl: material.blankFormUrl,
      sampleUrl: material.sampleUrl,
    })),
    steps: row.steps,
    statutoryDays: row.statutoryDays,
    fee: { isCharged: row.isCharged, standard: row.feeStandard, basis: row.feeBasis, amountFen: row.feeAmountFen, isOnlinePaymentEnabled: row.isOnlinePaymentEnabled },
    onlineDepth: row.onlineDepth,
    deliveryMethods: row.deliveryMethods,
    halls: row.halls.map(({ hall }) => ({
      ...hall,
      windows: row.windows.filter(({ window }) => window.hallId === hall.id && window.isActive).map(({ window }) => ({ code: window.code, name: window.name })),
    })),
    hours: row.hours,
    consultPhone: row.consultPhone,
    supervisePhone: row.supervisePhone,
    faq: row.faqs,
  });
  return { ...detail, id: row.id };
}

/** What the search index needs of every published guide, with the summary it answers with. */
export async function loadSearchDocs(db: Db): Promise<Array<GuideSearchDoc & { summary: GuideSummary }>> {
  const rows = await db.serviceItem.findMany({
    where: { status: 'PUBLISHED' },
    select: { ...summarySelect, keywords: true, viewCount: true, materials: { select: { name: true } } },
  });
  return rows.map((row) => ({
    summary: toSummary(row),
    code: row.code,
    name: row.name,
    departmentName: row.department.name,
    keywords: Array.isArray(row.keywords) ? row.keywords.filter((keyword): keyword is string => typeof keyword === 'string') : [],
    content: row.materials.map((material) => material.name),
    viewCount: row.viewCount,
  }));
}

export async function catalogCounts(db: Db) {
  const published = { status: 'PUBLISHED' } as const;
  const [departments, audiences, items, lifeEvents] = await Promise.all([
    db.department.findMany({
      where: { serviceItems: { some: published } },
      select: { id: true, name: true, _count: { select: { serviceItems: { where: published } } } },
      orderBy: { sortOrder: 'asc' },
    }),
    db.serviceItem.groupBy({ by: ['audience'], where: published, _count: { _all: true } }),
    db.serviceItem.findMany({ where: published, select: { themes: true } }),
    db.lifeEvent.findMany({ select: { name: true, description: true, _count: { select: { items: { where: { item: published } } } } }, orderBy: { sortOrder: 'asc' } }),
  ]);
  return { departments, audiences, items, lifeEvents };
}

export async function incrementViewCount(db: Db, itemId: string): Promise<void> {
  await db.serviceItem.update({ where: { id: itemId }, data: { viewCount: { increment: 1 } } });
}
