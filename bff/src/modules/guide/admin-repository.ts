import type { Prisma, PrismaClient } from '@govpocket/db';
import type { GuideInput } from '@govpocket/shared';

type Tx = Prisma.TransactionClient;

/**
 * Writes one guide and its parts. Materials, steps and FAQ are matched by position, so a material
 * that stays in its place keeps its id (and residents' checklist ticks on it); rows past the new
 * end are removed.
 */
async function syncByPosition<Row extends { id: string; sortOrder: number }, Data>(input: {
  existing: Row[];
  desired: Data[];
  update: (row: Row, data: Data) => Promise<unknown>;
  create: (data: Data, sortOrder: number) => Promise<unknown>;
  remove: (rows: Row[]) => Promise<unknown>;
}): Promise<void> {
  const bySortOrder = new Map(input.existing.map((row) => [row.sortOrder, row]));
  for (const [sortOrder, data] of input.desired.entries()) {
    const row = bySortOrder.get(sortOrder);
    await (row ? input.update(row, data) : input.create(data, sortOrder));
  }
  const extra = input.existing.filter((row) => row.sortOrder >= input.desired.length);
  if (extra.length > 0) await input.remove(extra);
}

function itemFields(input: GuideInput) {
  return {
    name: input.name,
    type: input.type,
    departmentId: input.departmentId,
    audience: input.audience,
    themes: input.themes,
    keywords: input.keywords,
    searchText: [input.name, ...input.keywords, ...input.themes].join(' ').toLowerCase(),
    basis: input.basis,
    conditions: input.conditions,
    statutoryDays: input.statutoryDays,
    promisedDays: input.promisedDays,
    isCharged: input.fee.isCharged,
    feeStandard: input.fee.standard,
    feeBasis: input.fee.basis,
    feeAmountFen: input.fee.amountFen,
    isOnlinePaymentEnabled: input.fee.isOnlinePaymentEnabled,
    onSiteTrips: input.onSiteTrips,
    onlineDepth: input.onlineDepth,
    deliveryMethods: input.deliveryMethods,
    isAppointmentEnabled: input.isAppointmentEnabled,
    hours: input.hours,
    consultPhone: input.consultPhone,
    supervisePhone: input.supervisePhone,
  };
}

export async function writeGuide(tx: Tx, input: GuideInput, at: Date): Promise<{ itemId: string; version: number; isNew: boolean }> {
  const existing = await tx.serviceItem.findUnique({ where: { code: input.code }, select: { id: true, currentVersion: true } });
  const item = existing
    ? await tx.serviceItem.update({ where: { id: existing.id }, data: { ...itemFields(input), currentVersion: { increment: 1 }, revisedAt: at }, select: { id: true, currentVersion: true } })
    : await tx.serviceItem.create({ data: { code: input.code, ...itemFields(input), status: 'UNPUBLISHED', currentVersion: 1, revisedAt: at }, select: { id: true, currentVersion: true } });
  const itemId = item.id;

  await syncByPosition({
    existing: await tx.serviceItemMaterial.findMany({ where: { itemId }, select: { id: true, sortOrder: true } }),
    desired: input.materials,
    update: (row, data) => tx.serviceItemMaterial.update({ where: { id: row.id }, data }),
    create: (data, sortOrder) => tx.serviceItemMaterial.create({ data: { ...data, itemId, sortOrder } }),
    remove: (rows) => tx.serviceItemMaterial.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } }),
  });
  await syncByPosition({
    existing: await tx.serviceItemStep.findMany({ where: { itemId }, select: { id: true, sortOrder: true } }),
    desired: input.steps,
    update: (row, data) => tx.serviceItemStep.update({ where: { id: row.id }, data }),
    create: (data, sortOrder) => tx.serviceItemStep.create({ data: { ...data, itemId, sortOrder } }),
    remove: (rows) => tx.serviceItemStep.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } }),
  });
  await syncByPosition({
    existing: await tx.serviceItemFaq.findMany({ where: { itemId }, select: { id: true, sortOrder: true } }),
    desired: input.faq,
    update: (row, data) => tx.serviceItemFaq.update({ where: { id: row.id }, data }),
    create: (data, sortOrder) => tx.serviceItemFaq.create({ data: { ...data, itemId, sortOrder } }),
    remove: (rows) => tx.serviceItemFaq.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } }),
  });

  await tx.serviceItemHall.deleteMany({ where: { itemId, hallId: { notIn: input.hallIds } } });
  for (const hallId of input.hallIds) {
    await tx.serviceItemHall.upsert({ where: { itemId_hallId: { itemId, hallId } }, create: { itemId, hallId }, update: {} });
  }
  const lifeEvents = await tx.lifeEvent.findMany({ where: { name: { in: input.lifeEvents } }, select: { id: true } });
  await tx.lifeEventItem.deleteMany({ where: { itemId, lifeEventId: { notIn: lifeEvents.map((event) => event.id) } } });
  for (const event of lifeEvents) {
    await tx.lifeEventItem.upsert({ where: { lifeEventId_itemId: { lifeEventId: event.id, itemId } }, create: { lifeEventId: event.id, itemId }, update: {} });
  }
  return { itemId, version: item.currentVersion, isNew: !existing };
}

export async function missingReferences(tx: Tx, input: GuideInput): Promise<string[]> {
  const [department, halls, lifeEvents] = await Promise.all([
    tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }),
    tx.hall.findMany({ where: { id: { in: input.hallIds } }, select: { id: true } }),
    tx.lifeEvent.findMany({ where: { name: { in: input.lifeEvents } }, select: { name: true } }),
  ]);
  const problems: string[] = [];
  if (!department) problems.push('实施部门不存在');
  const knownHalls = new Set(halls.map((hall) => hall.id));
  for (const hallId of input.hallIds) if (!knownHalls.has(hallId)) problems.push(`办理大厅不存在：${hallId}`);
  const knownEvents = new Set(lifeEvents.map((event) => event.name));
  for (const name of input.lifeEvents) if (!knownEvents.has(name)) problems.push(`一件事主题不存在：${name}`);
  return problems;
}

export async function insertVersion(tx: Tx, input: { itemId: string; version: number; snapshot: Prisma.InputJsonValue; changeNote: string | null; createdById: string | null }): Promise<void> {
  await tx.serviceItemVersion.create({ data: input });
}

export async function setStatus(tx: Tx, code: string, status: 'PUBLISHED' | 'UNPUBLISHED', at: Date): Promise<{ id: string; before: string } | null> {
  const item = await tx.serviceItem.findUnique({ where: { code }, select: { id: true, status: true } });
  if (!item) return null;
  await tx.serviceItem.update({ where: { id: item.id }, data: { status, ...(status === 'PUBLISHED' ? { publishedAt: at } : {}) } });
  return { id: item.id, before: item.status };
}

export type GuideReferences = { departments: Map<string, string>; halls: Map<string, string>; lifeEvents: Set<string> };

/** Departments and halls by name (to their ids) and the life event names: what a spreadsheet row may name. */
export async function loadGuideReferences(db: Tx | PrismaClient): Promise<GuideReferences> {
  const [departments, halls, lifeEvents] = await Promise.all([
    db.department.findMany({ select: { id: true, name: true } }),
    db.hall.findMany({ select: { id: true, name: true } }),
    db.lifeEvent.findMany({ select: { name: true } }),
  ]);
  return {
    departments: new Map(departments.map((department) => [department.name, department.id])),
    halls: new Map(halls.map((hall) => [hall.name, hall.id])),
    lifeEvents: new Set(lifeEvents.map((event) => event.name)),
  };
}
