import type { PrismaClient } from '@govpocket/db';
import type { Checklist } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { addFavourite, findChecklist, findItemForChecklist, findPublishedItemId, removeFavourite, saveChecklist } from './resident-repository';

const notFound = (): AppError => new AppError('NOT_FOUND', { message: '该办事指南不存在或已下线' });

function stringIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The materials checklist: what the resident has ticked, kept per user and item, and what is still
 * missing. Ticks on materials a newer guide version dropped are forgotten; new materials start
 * unticked, so a changed guide never shows a stale "ready".
 */
export async function getChecklist(prisma: PrismaClient, { userId, code }: { userId: string; code: string }): Promise<Checklist> {
  const item = await findItemForChecklist(prisma, code);
  if (!item) throw notFound();
  const checked = new Set(stringIds((await findChecklist(prisma, userId, item.id))?.checkedMaterialIds));
  const materials = item.materials.map((material) => ({ ...material, isChecked: checked.has(material.id) }));
  const missingRequired = materials.filter((material) => material.isRequired && !material.isChecked).map((material) => material.name);
  return { itemCode: item.code, version: item.currentVersion, materials, missingRequired, isReady: missingRequired.length === 0 };
}

export async function updateChecklist(prisma: PrismaClient, { userId, code, checkedMaterialIds }: { userId: string; code: string; checkedMaterialIds: string[] }): Promise<Checklist> {
  const item = await findItemForChecklist(prisma, code);
  if (!item) throw notFound();
  const known = new Set(item.materials.map((material) => material.id));
  const unknown = checkedMaterialIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', { message: '材料清单已更新，请刷新后重试', details: { unknown } });
  await saveChecklist(prisma, { userId, itemId: item.id, itemVersion: item.currentVersion, checkedMaterialIds: [...new Set(checkedMaterialIds)] });
  return getChecklist(prisma, { userId, code });
}

export async function setFavourite(prisma: PrismaClient, { userId, code, isFavourite }: { userId: string; code: string; isFavourite: boolean }): Promise<void> {
  const itemId = await findPublishedItemId(prisma, code);
  if (!itemId) throw notFound();
  await (isFavourite ? addFavourite(prisma, userId, itemId) : removeFavourite(prisma, userId, itemId));
}
