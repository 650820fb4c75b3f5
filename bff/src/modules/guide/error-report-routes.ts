import { z } from 'zod';
import { answerGuideErrorReportRequestSchema, guideErrorReportRequestSchema } from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireScope, requireUser } from '../auth/access';
import { listReportsByDepartment, listReportsByReporter } from './error-report-repository';
import { answerGuideError, reportGuideError, type ErrorReportDeps } from './error-report-service';

const statusFilter = z.object({ status: z.enum(['PENDING', 'ANSWERED']).optional() });

/** 指南纠错: residents report, the owning department's staff answer (their department only). */
export function guideErrorReportRoutes(deps: ErrorReportDeps): AppRouter {
  const router = createRouter();
  router.post('/guides/:code/error-reports', requireUser(), async (ctx) => {
    const input = guideErrorReportRequestSchema.parse(ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await reportGuideError(deps, { user: currentUser(ctx.state), code: ctx.params.code ?? '', ...input, requestId: ctx.state.requestId });
  });
  router.get('/me/guide-error-reports', requireUser(), async (ctx) => {
    ctx.body = { items: await listReportsByReporter(deps.prisma, currentUser(ctx.state).id) };
  });
  const departmentStaff = requireScope(['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'], 'departmentId');
  router.get('/staff/departments/:departmentId/guide-error-reports', departmentStaff, async (ctx) => {
    const { status } = statusFilter.parse(ctx.query);
    ctx.body = { items: await listReportsByDepartment(deps.prisma, ctx.params.departmentId ?? '', status) };
  });
  router.post('/staff/departments/:departmentId/guide-error-reports/:reportId/answer', departmentStaff, async (ctx) => {
    const { answer } = answerGuideErrorReportRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await answerGuideError(deps, {
      staff: currentUser(ctx.state), departmentId: ctx.params.departmentId ?? '', reportId: ctx.params.reportId ?? '', answer, requestId: ctx.state.requestId,
    });
  });
  return router;
}
