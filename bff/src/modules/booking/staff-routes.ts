import {
  callNextResponseSchema,
  checkInRequestSchema,
  completeRequestSchema,
  followUpsQuerySchema,
  hallCancelRequestSchema,
  moveAppointmentRequestSchema,
  resolveFollowUpRequestSchema,
  reviewPreReviewRequestSchema,
  staffDayQuerySchema,
  staffPreReviewsQuerySchema,
  transferRequestSchema,
} from '@govpocket/shared';
import type { Context } from 'koa';
import { createRouter, type AppRouter } from '../../platform/http/router';
import type { AppState } from '../../platform/http/types';
import { currentUser, requireScope } from '../auth/access';
import type { BookingDeps } from './deps';
import { cancelByHall, type HallCancelTarget } from './hall-cancel-service';
import { getTripStats, listWindows, moveByHall } from './hall-service';
import { listPreReviews, reviewPreReview } from './pre-review-service';
import { listFollowUpsForHall, listRatingsForHall, resolveFollowUp } from './rating-service';
import { affectedBookings } from './slot-generation';
import { callNext, checkIn, completeAppointment, listHallAppointments, markNoShow, serveAppointment, transferAppointment } from './staff-service';

/** The window staff's workbench for one hall: role WINDOW_STAFF with that hall in scope (or admin). */
export function staffBookingRoutes(deps: BookingDeps): AppRouter {
  const router = createRouter('/staff/halls/:hallId', { guard: requireScope(['WINDOW_STAFF'], 'hallId') });
  const input = (ctx: Context & { state: AppState; params: Record<string, string | undefined> }) => ({
    staff: currentUser(ctx.state), hallId: ctx.params.hallId ?? '', requestId: ctx.state.requestId,
  });

  router.get('/appointments', async (ctx) => {
    const { date } = staffDayQuerySchema.parse(ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await listHallAppointments(deps, { hallId: ctx.params.hallId ?? '', date });
  });
  router.get('/windows', async (ctx) => {
    ctx.body = await listWindows(deps, { hallId: ctx.params.hallId ?? '' });
  });
  router.post('/check-in', async (ctx) => {
    const { code } = checkInRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { appointment: await checkIn(deps, { ...input(ctx), code }) };
  });
  router.post('/windows/:windowId/call-next', async (ctx) => {
    ctx.body = callNextResponseSchema.parse(await callNext(deps, { ...input(ctx), windowId: ctx.params.windowId ?? '' }));
  });
  router.post('/appointments/:id/serve', async (ctx) => {
    ctx.body = { appointment: await serveAppointment(deps, { ...input(ctx), appointmentId: ctx.params.id ?? '' }) };
  });
  router.post('/appointments/:id/complete', async (ctx) => {
    const { note, isCaseFinished } = completeRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { appointment: await completeAppointment(deps, { ...input(ctx), appointmentId: ctx.params.id ?? '', note, isCaseFinished }) };
  });
  router.post('/appointments/:id/no-show', async (ctx) => {
    ctx.body = { appointment: await markNoShow(deps, { ...input(ctx), appointmentId: ctx.params.id ?? '' }) };
  });
  router.post('/appointments/:id/transfer', async (ctx) => {
    const { windowId } = transferRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { appointment: await transferAppointment(deps, { ...input(ctx), appointmentId: ctx.params.id ?? '', windowId }) };
  });
  router.post('/appointments/:id/move', async (ctx) => {
    const { slotId, reason } = moveAppointmentRequestSchema.parse(ctx.request.body ?? {});
    await moveByHall(deps, { ...input(ctx), appointmentId: ctx.params.id ?? '', slotId, reason });
    ctx.body = { affected: await affectedBookings(deps, { hallId: ctx.params.hallId ?? '', now: deps.now() }) };
  });
  router.get('/affected-bookings', async (ctx) => {
    ctx.body = { items: await affectedBookings(deps, { hallId: ctx.params.hallId ?? '', now: deps.now() }) };
  });

  const cancel = (target: (ctx: Context & { params: Record<string, string | undefined> }) => HallCancelTarget) => async (ctx: Context & { state: AppState; params: Record<string, string | undefined> }) => {
    const { reason } = hallCancelRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await cancelByHall(deps, { ...input(ctx), target: target(ctx), reason });
  };
  router.post('/appointments/:id/cancel', cancel((ctx) => ({ kind: 'APPOINTMENT', appointmentId: ctx.params.id ?? '' })));
  router.post('/slots/:slotId/cancel', cancel((ctx) => ({ kind: 'SLOT', slotId: ctx.params.slotId ?? '' })));
  router.post('/days/:date/cancel', cancel((ctx) => ({ kind: 'DAY', date: ctx.params.date ?? '' })));

  router.get('/pre-reviews', async (ctx) => {
    const { status } = staffPreReviewsQuerySchema.parse(ctx.query);
    ctx.body = await listPreReviews(deps, { ...input(ctx), status });
  });
  router.post('/pre-reviews/:fileId', async (ctx) => {
    const { status, comment } = reviewPreReviewRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { file: await reviewPreReview(deps, { ...input(ctx), fileId: ctx.params.fileId ?? '', status, comment }) };
  });

  router.get('/ratings', async (ctx) => {
    ctx.body = await listRatingsForHall(deps, { hallId: ctx.params.hallId ?? '' });
  });
  router.get('/follow-ups', async (ctx) => {
    const { status } = followUpsQuerySchema.parse(ctx.query);
    ctx.body = await listFollowUpsForHall(deps, { hallId: ctx.params.hallId ?? '', status });
  });
  router.post('/follow-ups/:id', async (ctx) => {
    const { status, note } = resolveFollowUpRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = { followUp: await resolveFollowUp(deps, { ...input(ctx), followUpId: ctx.params.id ?? '', status, note }) };
  });
  router.get('/trip-stats', async (ctx) => {
    ctx.body = await getTripStats(deps, { hallId: ctx.params.hallId ?? '' });
  });
  return router;
}
