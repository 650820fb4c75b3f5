import type { Prisma, PrismaClient } from '@govpocket/db';
import type { GuideDetail, GuideInput, SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { hasRole, scopeIds } from '../auth/access';
import { insertVersion, missingReferences, setStatus, writeGuide } from './admin-repository';
import type { GuideCache } from './guide-cache';
import { findGuideDetail } from './repository';

export type GuideAdminDeps = { prisma: PrismaClient; cache: GuideCache };

/** Admins edit every guide; a department's handlers edit their own department's guides. */
export function mayEditDepartment(user: SessionUser, departmentId: string): boolean {
  if (hasRole(user, 'ADMIN')) return true;
  const scope = scopeIds(user, 'DEPARTMENT_HANDLER');
  return scope.all || scope.ids.includes(departmentId);
}

export function assertMayEditDepartment(user: SessionUser, departmentId: string): void {
  if (!mayEditDepartment(user, departmentId)) throw new AppError('FORBIDDEN', { message: '只能维护本部门的办事指南' });
}

export function actorRole(user: SessionUser): 'ADMIN' | 'DEPARTMENT_HANDLER' {
  return hasRole(user, 'ADMIN') ? 'ADMIN' : 'DEPARTMENT_HANDLER';
}

/**
 * Writes one guide with all its elements as a new version inside the caller's transaction: the
 * item, its materials, steps, FAQ, halls and life events, an immutable snapshot of what residents
 * will see, and the audit row. Both the editor (one guide) and the bulk import (many guides in one
 * transaction) save through here; callers check permissions and bump the cache after the commit.
 */
export async function writeGuideVersion(
  tx: Prisma.TransactionClient,
  { actor, input, requestId, now }: { actor: SessionUser; input: GuideInput; requestId: string; now: Date },
): Promise<{ detail: GuideDetail; version: number; isNew: boolean }> {
  const problems = await missingReferences(tx, input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { message: problems.join('；'), details: problems });
  const written = await writeGuide(tx, input, now);
  const saved = await findGuideDetail(tx, input.code);
  if (!saved) throw new AppError('INTERNAL');
  const { id: _id, ...detail } = saved;
  await insertVersion(tx, { itemId: written.itemId, version: written.version, snapshot: detail, changeNote: input.changeNote ?? null, createdById: actor.id });
  await writeAudit(tx, {
    actorUserId: actor.id, actorRole: actorRole(actor), action: written.isNew ? 'GUIDE_CREATED' : 'GUIDE_SAVED', entityType: 'ServiceItem', entityId: input.code,
    after: { version: written.version, changeNote: input.changeNote ?? null }, requestId,
  });
  return { detail, version: written.version, isNew: written.isNew };
}

/** Saves one guide as a new version; the public caches move to it right after the commit. */
export async function saveGuide(
  deps: GuideAdminDeps,
  { actor, input, requestId, now = new Date() }: { actor: SessionUser; input: GuideInput; requestId: string; now?: Date },
): Promise<GuideDetail> {
  assertMayEditDepartment(actor, input.departmentId);
  const existing = await deps.prisma.serviceItem.findUnique({ where: { code: input.code }, select: { departmentId: true } });
  if (existing) assertMayEditDepartment(actor, existing.departmentId);
  const saved = await deps.prisma.$transaction((tx) => writeGuideVersion(tx, { actor, input, requestId, now }), { timeout: 20000 });
  await deps.cache.bump();
  return saved.detail;
}

export async function setGuidePublished(
  deps: GuideAdminDeps,
  { actor, code, isPublished, requestId }: { actor: SessionUser; code: string; isPublished: boolean; requestId: string },
): Promise<void> {
  const item = await deps.prisma.serviceItem.findUnique({ where: { code }, select: { departmentId: true } });
  if (!item) throw new AppError('NOT_FOUND', { message: '办事指南不存在' });
  assertMayEditDepartment(actor, item.departmentId);
  await deps.prisma.$transaction(async (tx) => {
    const status = isPublished ? 'PUBLISHED' : 'UNPUBLISHED';
    const changed = await setStatus(tx, code, status, new Date());
    if (!changed) throw new AppError('NOT_FOUND', { message: '办事指南不存在' });
    await writeAudit(tx, { actorUserId: actor.id, actorRole: actorRole(actor), action: isPublished ? 'GUIDE_PUBLISHED' : 'GUIDE_UNPUBLISHED', entityType: 'ServiceItem', entityId: code, before: { status: changed.before }, after: { status }, requestId });
  });
  await deps.cache.bump();
}

export async function listGuideVersions(prisma: PrismaClient, code: string) {
  const item = await prisma.serviceItem.findUnique({ where: { code }, select: { status: true, versions: { select: { version: true, changeNote: true, createdAt: true }, orderBy: { version: 'desc' } } } });
  if (!item || item.status !== 'PUBLISHED') throw new AppError('NOT_FOUND', { message: '该办事指南不存在或已下线' });
  return item.versions.map((version) => ({ ...version, createdAt: version.createdAt.toISOString() }));
}

export async function readGuideVersion(prisma: PrismaClient, code: string, version: number) {
  const row = await prisma.serviceItemVersion.findFirst({ where: { version, item: { code, status: 'PUBLISHED' } }, select: { snapshot: true, version: true, createdAt: true, changeNote: true } });
  if (!row) throw new AppError('NOT_FOUND', { message: '该版本不存在' });
  return { version: row.version, changeNote: row.changeNote, createdAt: row.createdAt.toISOString(), guide: row.snapshot };
}
