import type { Prisma, PrismaClient } from '@govpocket/db';
import { summarySelect, toSummary } from './repository';
import { ownerId } from '../../platform/db/owner';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Prisma emulates upsert on MySQL (find, then insert or update): two requests of one user racing
 * (a double tap, the fuzz) both insert and the second hits the unique key. Run again, the upsert
 * finds the row and updates it.
 */
async function upsertRacing(upsert: () => Promise<unknown>): Promise<void> {
  try {
    await upsert();
  } catch (error) {
    if (typeof error !== 'object' || error === null || Reflect.get(error, 'code') !== 'P2002') throw error;
    await upsert();
  }
}

/** A resident's own guide data: materials checklist, favourites, recently viewed. */
export async function findItemForChecklist(db: Db, code: string) {
  return db.serviceItem.findFirst({
    where: { code, status: 'PUBLISHED' },
    select: { id: true, code: true, currentVersion: true, materials: { orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, isRequired: true, condition: true } } },
  });
}

export async function findChecklist(db: Db, userId: string, itemId: string) {
  return db.materialChecklist.findUnique({ where: { userId_itemId: { userId, itemId } }, select: { checkedMaterialIds: true } });
}

export async function saveChecklist(db: Db, input: { userId: string; itemId: string; itemVersion: number; checkedMaterialIds: string[] }): Promise<void> {
  await upsertRacing(() =>
    db.materialChecklist.upsert({
      where: { userId_itemId: { userId: input.userId, itemId: input.itemId } },
      create: input,
      update: { itemVersion: input.itemVersion, checkedMaterialIds: input.checkedMaterialIds },
    }),
  );
}

export async function findPublishedItemId(db: Db, code: string): Promise<string | null> {
  return (await db.serviceItem.findFirst({ where: { code, status: 'PUBLISHED' }, select: { id: true } }))?.id ?? null;
}

export async function addFavourite(db: Db, userId: string, itemId: string): Promise<void> {
  await upsertRacing(() => db.favourite.upsert({ where: { userId_itemId: { userId, itemId } }, create: { userId, itemId }, update: {} }));
}

export async function removeFavourite(db: Db, userId: string, itemId: string): Promise<void> {
  await db.favourite.deleteMany({ where: { userId: ownerId(userId, 'userId'), itemId } });
}

export async function listFavourites(db: Db, userId: string) {
  const rows = await db.favourite.findMany({ where: { userId: ownerId(userId, 'userId'), item: { status: 'PUBLISHED' } }, select: { createdAt: true, item: { select: summarySelect } }, orderBy: { createdAt: 'desc' }, take: 200 });
  return rows.map((row) => ({ ...toSummary(row.item), favouritedAt: row.createdAt.toISOString() }));
}

export async function recordRecentView(db: Db, userId: string, code: string): Promise<void> {
  const itemId = await findPublishedItemId(db, code);
  if (!itemId) return;
  const viewedAt = new Date();
  await upsertRacing(() => db.recentView.upsert({ where: { userId_itemId: { userId, itemId } }, create: { userId, itemId, viewedAt }, update: { viewedAt } }));
}

export async function listRecentViews(db: Db, userId: string, limit: number) {
  const rows = await db.recentView.findMany({ where: { userId: ownerId(userId, 'userId'), item: { status: 'PUBLISHED' } }, select: { viewedAt: true, item: { select: summarySelect } }, orderBy: { viewedAt: 'desc' }, take: limit });
  return rows.map((row) => ({ ...toSummary(row.item), viewedAt: row.viewedAt.toISOString() }));
}

export async function isFavourite(db: Db, userId: string, itemId: string): Promise<boolean> {
  return (await db.favourite.count({ where: { userId: ownerId(userId, 'userId'), itemId } })) > 0;
}
