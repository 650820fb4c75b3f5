import {
  consultationListQuerySchema,
  idempotencyKeyHeader,
  idempotencyKeySchema,
  myOpinionsQuerySchema,
  openDataQuerySchema,
  submitOpinionRequestSchema,
} from '@govpocket/shared';
import { z } from 'zod';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireUser } from '../auth/access';
import type { ConsultationDeps } from './deps';
import { exportOpenData, toCsv } from './open-data';
import { getFeedbackReport } from './publish-service';
import { getConsultation, listConsultations, listMyOpinions, submitOpinion } from './resident-service';

const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

/** The resident side: browse, read, comment while open, follow one's own opinions, read the feedback. */
export function consultationRoutes(deps: ConsultationDeps): AppRouter {
  const router = createRouter();
  router.get('/consultations', async (ctx) => {
    ctx.body = await listConsultations(deps, consultationListQuerySchema.parse(ctx.query));
  });
  router.get('/consultations/:id', async (ctx) => {
    ctx.body = await getConsultation(deps, { consultationId: ctx.params.id ?? '' });
  });
  router.post('/consultations/:id/opinions', requireUser(), async (ctx) => {
    const idempotencyKey = idempotencyKeySchema.parse(ctx.get(idempotencyKeyHeader) || undefined);
    const { sectionId, body } = submitOpinionRequestSchema.parse(ctx.request.body ?? {});
    const { isCreated, opinion } = await submitOpinion(deps, { user: currentUser(ctx.state), consultationId: ctx.params.id ?? '', sectionId, body, idempotencyKey, requestId: ctx.state.requestId });
    ctx.status = isCreated ? 201 : 200;
    ctx.body = { opinion };
  });
  router.get('/me/opinions', requireUser(), async (ctx) => {
    const { consultationId } = myOpinionsQuerySchema.parse(ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { items: await listMyOpinions(deps, { userId: currentUser(ctx.state).id, consultationId }) };
  });
  router.get('/consultations/:id/feedback', async (ctx) => {
    const { version } = versionQuerySchema.parse(ctx.query);
    ctx.body = await getFeedbackReport(deps, { consultationId: ctx.params.id ?? '', version });
  });
  router.get('/consultations/:id/open-data', async (ctx) => {
    const { format } = openDataQuerySchema.parse(ctx.query);
    const data = await exportOpenData(deps, { consultationId: ctx.params.id ?? '' });
    if (format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="consultation-${data.consultation.id}-v${data.consultation.feedbackVersion}.csv"`);
      ctx.body = toCsv(data);
      return;
    }
    ctx.body = data;
  });
  return router;
}
