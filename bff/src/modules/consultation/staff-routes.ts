import { answerOpinionRequestSchema, bulkAnswerRequestSchema, publishFeedbackRequestSchema } from '@govpocket/shared';
import type { Context } from 'koa';
import { createRouter, type AppRouter } from '../../platform/http/router';
import type { AppState } from '../../platform/http/types';
import { currentUser, requireScope } from '../auth/access';
import { answerOpinions } from './answer-service';
import type { ConsultationDeps } from './deps';
import { createConsultation, getStaffConsultation, listStaffConsultations, updateConsultation } from './draft-service';
import { correctFeedback, publishFeedback } from './publish-service';

/** The department's side: role DEPARTMENT_HANDLER for that department (or admin), checked per route. */
export function staffConsultationRoutes(deps: ConsultationDeps): AppRouter {
  const router = createRouter('/staff/departments/:departmentId/consultations', { guard: requireScope(['DEPARTMENT_HANDLER'], 'departmentId') });
  type RouteContext = Context & { state: AppState; params: Record<string, string | undefined> };
  const actor = (ctx: RouteContext) => ({ staff: currentUser(ctx.state), departmentId: ctx.params.departmentId ?? '', requestId: ctx.state.requestId });
  const target = (ctx: RouteContext) => ({ ...actor(ctx), consultationId: ctx.params.id ?? '' });

  router.get('/', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await listStaffConsultations(deps, actor(ctx));
  });
  router.post('/', async (ctx) => {
    ctx.status = 201;
    ctx.body = await createConsultation(deps, { ...actor(ctx), input: ctx.request.body ?? {} });
  });
  router.get('/:id', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getStaffConsultation(deps, target(ctx));
  });
  router.put('/:id', async (ctx) => {
    ctx.body = await updateConsultation(deps, { ...target(ctx), input: ctx.request.body ?? {} });
  });
  router.put('/:id/opinions/:opinionId/outcome', async (ctx) => {
    const answer = answerOpinionRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await answerOpinions(deps, { ...target(ctx), opinionIds: [ctx.params.opinionId ?? ''], answer });
  });
  router.post('/:id/outcomes', async (ctx) => {
    const { opinionIds, ...answer } = bulkAnswerRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await answerOpinions(deps, { ...target(ctx), opinionIds, answer });
  });
  router.post('/:id/publish', async (ctx) => {
    const { explanation } = publishFeedbackRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await publishFeedback(deps, { ...target(ctx), explanation });
  });
  router.post('/:id/corrections', async (ctx) => {
    ctx.body = await correctFeedback(deps, { ...target(ctx), request: ctx.request.body ?? {} });
  });
  return router;
}
