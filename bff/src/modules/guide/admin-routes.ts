import { z } from 'zod';
import { adminGuideListQuerySchema, guideInputSchema, type AdminGuideListQuery, type SessionUser } from '@govpocket/shared';
import type { PrismaClient } from '@govpocket/db';
import { AppError } from '../../platform/errors/app-error';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, hasRole, requireRole, scopeIds } from '../auth/access';
import { assertMayEditDepartment, listGuideVersions, readGuideVersion, saveGuide, setGuidePublished, type GuideAdminDeps } from './admin-service';
import { guideImportExportRoutes } from './import-export-routes';
import { findGuideDetail, toSummary } from './repository';

async function adminList(prisma: PrismaClient, user: SessionUser, query: AdminGuideListQuery) {
  // A department's handlers see their own department's guides; admins see all.
  const scope = hasRole(user, 'ADMIN') ? null : scopeIds(user, 'DEPARTMENT_HANDLER');
  const allowed = scope && !scope.all ? (query.departmentId ? scope.ids.filter((id) => id === query.departmentId) : scope.ids) : null;
  const departmentFilter = allowed ? { departmentId: { in: allowed } } : query.departmentId ? { departmentId: query.departmentId } : {};
  const where = { ...(query.status ? { status: query.status } : {}), ...departmentFilter };
  const [total, rows] = await Promise.all([
    prisma.serviceItem.count({ where }),
    prisma.serviceItem.findMany({
      where,
      orderBy: [{ departmentId: 'asc' }, { code: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { code: true, name: true, type: true, audience: true, onSiteTrips: true, isAppointmentEnabled: true, promisedDays: true, isCharged: true, revisedAt: true, status: true, currentVersion: true, department: { select: { name: true } } },
    }),
  ]);
  return { total, items: rows.map((row) => ({ ...toSummary(row), status: row.status, version: row.currentVersion })) };
}

/** Guide maintenance (admin, or the owning department's handlers) and the public version history. */
export function guideAdminRoutes(deps: GuideAdminDeps): AppRouter {
  const router = createRouter();
  const editors = requireRole('ADMIN', 'DEPARTMENT_HANDLER');
  // First: /admin/guides/export.xlsx and the like would otherwise be taken for /admin/guides/:code.
  router.use(guideImportExportRoutes(deps).routes());

  router.get('/admin/guides', editors, async (ctx) => {
    ctx.body = await adminList(deps.prisma, currentUser(ctx.state), adminGuideListQuerySchema.parse(ctx.query));
  });
  router.get('/admin/guides/:code', editors, async (ctx) => {
    const detail = await findGuideDetail(deps.prisma, ctx.params.code ?? '');
    if (!detail) throw new AppError('NOT_FOUND', { message: '办事指南不存在' });
    assertMayEditDepartment(currentUser(ctx.state), detail.departmentId);
    const { id: _id, ...guide } = detail;
    ctx.body = guide;
  });
  router.post('/admin/guides', editors, async (ctx) => {
    const input = guideInputSchema.parse(ctx.request.body ?? {});
    if (await deps.prisma.serviceItem.findUnique({ where: { code: input.code }, select: { id: true } })) throw new AppError('CONFLICT', { message: '事项编码已存在' });
    ctx.status = 201;
    ctx.body = await saveGuide(deps, { actor: currentUser(ctx.state), input, requestId: ctx.state.requestId });
  });
  router.put('/admin/guides/:code', editors, async (ctx) => {
    const input = guideInputSchema.parse({ ...(typeof ctx.request.body === 'object' ? ctx.request.body : {}), code: ctx.params.code });
    if (!(await deps.prisma.serviceItem.findUnique({ where: { code: input.code }, select: { id: true } }))) throw new AppError('NOT_FOUND', { message: '办事指南不存在' });
    ctx.body = await saveGuide(deps, { actor: currentUser(ctx.state), input, requestId: ctx.state.requestId });
  });
  router.post('/admin/guides/:code/publish', editors, async (ctx) => {
    await setGuidePublished(deps, { actor: currentUser(ctx.state), code: ctx.params.code ?? '', isPublished: true, requestId: ctx.state.requestId });
    ctx.status = 204;
  });
  router.post('/admin/guides/:code/unpublish', editors, async (ctx) => {
    await setGuidePublished(deps, { actor: currentUser(ctx.state), code: ctx.params.code ?? '', isPublished: false, requestId: ctx.state.requestId });
    ctx.status = 204;
  });
  router.get('/guides/:code/versions', async (ctx) => {
    ctx.body = { versions: await listGuideVersions(deps.prisma, ctx.params.code ?? '') };
  });
  router.get('/guides/:code/versions/:version', async (ctx) => {
    const version = z.coerce.number().int().min(1).parse(ctx.params.version);
    ctx.body = await readGuideVersion(deps.prisma, ctx.params.code ?? '', version);
  });
  return router;
}
