import {
  idempotencyKeyHeader,
  idempotencyKeySchema,
  letterLookupRequestSchema,
  letterStatsQuerySchema,
  publicLetterQuerySchema,
  rateLetterRequestSchema,
  supplementAnswerRequestSchema,
} from '@govpocket/shared';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireUser } from '../auth/access';
import type { MailboxDeps } from './deps';
import { getPublicLetter, letterStatistics, listPublicLetters } from './public-service';
import { getMyLetter, listMailboxes, listMyLetters, lookupLetter, rateLetter, supplementLetter } from './resident-service';
import { submitLetter } from './submit-letter';

/** The resident side (互动 tab) and the public side (信件选登, statistics). */
export function mailboxRoutes(deps: MailboxDeps): AppRouter {
  const router = createRouter();

  router.get('/mailboxes', async (ctx) => {
    ctx.body = { mailboxes: await listMailboxes(deps) };
  });
  router.post('/letters', requireUser(), async (ctx) => {
    const user = currentUser(ctx.state);
    const key = idempotencyKeySchema.parse(ctx.get(idempotencyKeyHeader) || undefined);
    const answer = await submitLetter(deps, { residentId: user.id, idempotencyKey: key, request: ctx.request.body ?? {}, requestId: ctx.state.requestId });
    ctx.status = answer.status;
    ctx.body = answer.body;
  });
  router.get('/letters', requireUser(), async (ctx) => {
    ctx.body = { letters: await listMyLetters(deps, { residentId: currentUser(ctx.state).id }) };
  });
  router.post('/letters/lookup', async (ctx) => {
    const input = letterLookupRequestSchema.parse(ctx.request.body ?? {});
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { letter: await lookupLetter(deps, { ...input, clientKey: ctx.ip }) };
  });
  router.get('/letters/:id', requireUser(), async (ctx) => {
    ctx.body = { letter: await getMyLetter(deps, { residentId: currentUser(ctx.state).id, letterId: ctx.params.id ?? '' }) };
  });
  router.post('/letters/:id/supplement', requireUser(), async (ctx) => {
    const { response } = supplementAnswerRequestSchema.parse(ctx.request.body ?? {});
    const residentId = currentUser(ctx.state).id;
    const letterId = ctx.params.id ?? '';
    await supplementLetter(deps, { residentId, letterId, response, requestId: ctx.state.requestId });
    ctx.body = { letter: await getMyLetter(deps, { residentId, letterId }) };
  });
  router.post('/letters/:id/rating', requireUser(), async (ctx) => {
    const input = rateLetterRequestSchema.parse(ctx.request.body ?? {});
    const residentId = currentUser(ctx.state).id;
    const letterId = ctx.params.id ?? '';
    await rateLetter(deps, { ...input, residentId, letterId, requestId: ctx.state.requestId });
    ctx.body = { letter: await getMyLetter(deps, { residentId, letterId }) };
  });

  router.get('/public/letters', async (ctx) => {
    ctx.body = await listPublicLetters(deps, publicLetterQuerySchema.parse(ctx.query));
  });
  router.get('/public/letters/:id', async (ctx) => {
    ctx.body = { letter: await getPublicLetter(deps, { id: ctx.params.id ?? '' }) };
  });
  router.get('/public/letter-stats', async (ctx) => {
    ctx.body = await letterStatistics(deps, letterStatsQuerySchema.parse(ctx.query));
  });
  return router;
}
