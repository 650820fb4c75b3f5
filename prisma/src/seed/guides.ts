import type { Prisma, PrismaClient } from '../../generated/client/client';
import { at } from './clock';
import type { GuideItem, ServiceGuides } from './guide-data';
import { civicCentreHall, type Organisation, realEstateDepartment, realEstateItemGroup, requireId, windowsByHall } from './organisation';
import { syncRows } from './sync';

/**
 * The 48 guides with their materials, steps, FAQ, halls, windows and life events, plus the
 * version-1 snapshot each guide starts its history with. Rerunning brings the guide content back
 * to the source (by item code and position) with a handful of bulk queries, and never touches an
 * existing snapshot.
 */

function itemData(item: GuideItem, departmentId: string, sortOrder: number) {
  const revisedAt = at(item.updatedAt);
  return {
    name: item.name,
    type: item.type,
    departmentId,
    audience: item.audience,
    themes: item.themes,
    keywords: item.keywords,
    searchText: [item.name, ...item.keywords, ...item.themes].join(' ').toLowerCase(),
    basis: item.basis,
    conditions: item.conditions,
    statutoryDays: item.statutoryDays,
    promisedDays: item.promisedDays,
    isCharged: item.fee.charged,
    feeStandard: item.fee.standard,
    feeBasis: item.fee.basis,
    feeAmountFen: item.fee.amountFen,
    isOnlinePaymentEnabled: item.fee.onlinePayment,
    onSiteTrips: item.onSiteTrips,
    onlineDepth: item.onlineDepth,
    deliveryMethods: item.delivery,
    isAppointmentEnabled: item.appointment,
    hours: item.hours,
    consultPhone: item.consultPhone,
    supervisePhone: item.superviseLine,
    status: 'PUBLISHED' as const,
    revisedAt,
    publishedAt: revisedAt,
    sortOrder,
  };
}

/** The guide as a resident saw it when this version was saved. */
function snapshot(item: GuideItem): Prisma.InputJsonValue {
  return {
    code: item.code,
    name: item.name,
    type: item.type,
    department: item.department,
    audience: item.audience,
    themes: item.themes,
    lifeEvents: item.lifeEvents,
    keywords: item.keywords,
    basis: item.basis,
    conditions: item.conditions,
    materials: item.materials,
    steps: item.steps,
    statutoryDays: item.statutoryDays,
    promisedDays: item.promisedDays,
    fee: item.fee,
    onSiteTrips: item.onSiteTrips,
    onlineDepth: item.onlineDepth,
    deliveryMethods: item.delivery,
    isAppointmentEnabled: item.appointment,
    halls: item.halls,
    hours: item.hours,
    consultPhone: item.consultPhone,
    supervisePhone: item.superviseLine,
    faq: item.faq,
    revisedAt: item.updatedAt,
    /** The guide's version number in the source catalogue it was imported from. */
    sourceVersion: item.version,
  };
}

function materialRows(item: GuideItem, itemId: string) {
  return item.materials.map((material, sortOrder) => ({
    itemId,
    sortOrder,
    name: material.name,
    form: material.form,
    copies: material.copies,
    isRequired: material.required,
    condition: material.condition,
    note: material.note,
    source: material.source,
    isElectronicAccepted: material.electronicAccepted,
  }));
}

function stepRows(item: GuideItem, itemId: string) {
  return item.steps.map((step, sortOrder) => ({
    itemId,
    sortOrder,
    name: step.name,
    actor: step.actor,
    description: step.description,
    days: step.days,
    countsTowardLimit: step.countsTowardLimit,
  }));
}

function faqRows(item: GuideItem, itemId: string) {
  return item.faq.map((faq, sortOrder) => ({ itemId, sortOrder, question: faq.q, answer: faq.a }));
}

/** Specialised windows take their department's items; comprehensive windows take the others. */
function servingWindowCodes(hallName: string, department: string): string[] {
  const windows = windowsByHall[hallName] ?? [];
  const specialised = windows.filter((window) => window.department === department);
  return (specialised.length > 0 ? specialised : windows.filter((window) => window.kind === 'COMPREHENSIVE')).map((window) => window.code);
}

function queuePrefix(hallName: string, department: string): string {
  const specialised = (windowsByHall[hallName] ?? []).find((window) => window.department === department);
  return specialised ? specialised.code.slice(0, 1) : 'A';
}

const bySortOrder = (row: { itemId: string; sortOrder: number }): string => `${row.itemId}:${row.sortOrder}`;

async function seedItemDetails(prisma: PrismaClient, guides: ServiceGuides, items: Map<string, string>): Promise<void> {
  const itemIds = [...items.values()];
  const itemIdOf = (item: GuideItem): string => requireId(items, item.code);

  await syncRows({
    existing: await prisma.serviceItemMaterial.findMany({ where: { itemId: { in: itemIds } } }),
    desired: guides.items.flatMap((item) => materialRows(item, itemIdOf(item))),
    rowKey: bySortOrder,
    desiredKey: bySortOrder,
    createMany: (rows) => prisma.serviceItemMaterial.createMany({ data: rows }),
    update: (row, data) => prisma.serviceItemMaterial.update({ where: { id: row.id }, data }),
    deleteMany: (rows) => prisma.serviceItemMaterial.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } }),
  });
  await syncRows({
    existing: await prisma.serviceItemStep.findMany({ where: { itemId: { in: itemIds } } }),
    desired: guides.items.flatMap((item) => stepRows(item, itemIdOf(item))),
    rowKey: bySortOrder,
    desiredKey: bySortOrder,
    createMany: (rows) => prisma.serviceItemStep.createMany({ data: rows }),
    update: (row, data) => prisma.serviceItemStep.update({ where: { id: row.id }, data }),
    deleteMany: (rows) => prisma.serviceItemStep.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } }),
  });
  await syncRows({
    existing: await prisma.serviceItemFaq.findMany({ where: { itemId: { in: itemIds } } }),
    desired: guides.items.flatMap((item) => faqRows(item, itemIdOf(item))),
    rowKey: bySortOrder,
    desiredKey: bySortOrder,
    createMany: (rows) => prisma.serviceItemFaq.createMany({ data: rows }),
    update: (row, data) => prisma.serviceItemFaq.update({ where: { id: row.id }, data }),
    deleteMany: (rows) => prisma.serviceItemFaq.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } }),
  });
  await prisma.serviceItemVersion.createMany({
    data: guides.items.map((item) => ({ itemId: itemIdOf(item), version: 1, snapshot: snapshot(item), changeNote: '从办事指南目录导入' })),
    skipDuplicates: true,
  });
}

async function seedItemPlaces(prisma: PrismaClient, guides: ServiceGuides, items: Map<string, string>, organisation: Organisation): Promise<void> {
  const itemIds = [...items.values()];
  const desiredHalls = guides.items.flatMap((item) =>
    item.halls.map((hallName) => ({
      itemId: requireId(items, item.code),
      hallId: requireId(organisation.halls, hallName),
      itemGroup: hallName === civicCentreHall && item.department === realEstateDepartment ? realEstateItemGroup : '',
      queuePrefix: queuePrefix(hallName, item.department),
    })),
  );
  const byHall = (row: { itemId: string; hallId: string }): string => `${row.itemId}:${row.hallId}`;
  await syncRows({
    existing: await prisma.serviceItemHall.findMany({ where: { itemId: { in: itemIds } } }),
    desired: desiredHalls,
    rowKey: byHall,
    desiredKey: byHall,
    createMany: (rows) => prisma.serviceItemHall.createMany({ data: rows }),
    update: (row, data) => prisma.serviceItemHall.update({ where: { itemId_hallId: { itemId: row.itemId, hallId: row.hallId } }, data }),
    deleteMany: (rows) => prisma.serviceItemHall.deleteMany({ where: { OR: rows.map((row) => ({ itemId: row.itemId, hallId: row.hallId })) } }),
  });

  // Window assignments are only added: an admin may have moved items between windows since.
  const windows = await prisma.serviceWindow.findMany({ where: { hallId: { in: [...organisation.halls.values()] } }, select: { id: true, hallId: true, code: true } });
  const windowIds = new Map(windows.map((window) => [`${window.hallId}:${window.code}`, window.id]));
  await prisma.serviceWindowItem.createMany({
    data: guides.items.flatMap((item) =>
      item.halls.flatMap((hallName) => {
        const hallId = requireId(organisation.halls, hallName);
        return servingWindowCodes(hallName, item.department).map((code) => ({ windowId: requireId(windowIds, `${hallId}:${code}`), itemId: requireId(items, item.code) }));
      }),
    ),
    skipDuplicates: true,
  });
}

export async function seedGuides(prisma: PrismaClient, guides: ServiceGuides, organisation: Organisation): Promise<Map<string, string>> {
  const codes = guides.items.map((item) => item.code);
  await syncRows({
    existing: await prisma.serviceItem.findMany({ where: { code: { in: codes } } }),
    desired: guides.items.map((item, sortOrder) => ({ code: item.code, ...itemData(item, requireId(organisation.departments, item.department), sortOrder) })),
    rowKey: (row) => row.code,
    desiredKey: (row) => row.code,
    createMany: (rows) => prisma.serviceItem.createMany({ data: rows.map((row) => ({ ...row, currentVersion: 1 })) }),
    update: (row, data) => prisma.serviceItem.update({ where: { id: row.id }, data }),
  });
  const itemRows = await prisma.serviceItem.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const items = new Map(itemRows.map((row) => [row.code, row.id]));

  await seedItemDetails(prisma, guides, items);
  await seedItemPlaces(prisma, guides, items, organisation);

  for (const [sortOrder, lifeEvent] of guides.lifeEvents.entries()) {
    const row = await prisma.lifeEvent.upsert({
      where: { name: lifeEvent.name },
      create: { name: lifeEvent.name, description: lifeEvent.description, sortOrder },
      update: { description: lifeEvent.description, sortOrder },
      select: { id: true },
    });
    await prisma.lifeEventItem.createMany({
      data: lifeEvent.itemCodes.map((code, position) => ({ lifeEventId: row.id, itemId: requireId(items, code), sortOrder: position })),
      skipDuplicates: true,
    });
  }
  return items;
}
