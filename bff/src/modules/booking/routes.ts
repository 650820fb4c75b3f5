import {
  appointmentListQuerySchema,
  appointmentResponseSchema,
  bookingDaysQuerySchema,
  bookingSlotsQuerySchema,
  cancelAppointmentRequestSchema,
  createAppointmentRequestSchema,
  idempotencyKeyHeader,
  idempotencyKeySchema,
  rateAppointmentRequestSchema,
  rescheduleAppointmentRequestSchema,
} from '@govpocket/shared';
import type { Context } from 'koa';
import { createRouter, type AppRouter } from '../../platform/http/router';
import type { RateLimiter } from '../../platform/rate-limit';
import { currentUser, requireUser } from '../auth/access';
import { listBookingDays, listBookingHalls, listBookingSlots } from './availability-service';
import { cancelAppointment, rescheduleAppointment } from './change-appointment';
import type { BookingDeps } from './deps';
import { runIdempotently } from '../../platform/http/idempotency';
import { placeBooking } from './place-booking';
import { rateAppointment } from './rating-service';
import { getAppointment, getBookingStatus, getQueuePosition, listAppointments } from './resident-service';

/** The resident side: choose hall, day and slot; book, cancel, reschedule, follow the queue, rate. */
export function bookingRoutes(deps: BookingDeps & { rateLimiter: RateLimiter }): AppRouter {
  const router = createRouter();
  const idempotencyKey = (ctx: Context): string => idempotencyKeySchema.parse(ctx.get(idempotencyKeyHeader) || undefined);
  const parseAnswer = (json: unknown) => appointmentResponseSchema.parse(json);

  router.get('/booking/items/:code/halls', async (ctx) => {
    ctx.body = await listBookingHalls(deps, { itemCode: ctx.params.code ?? '' });
  });
  router.get('/booking/halls/:hallId/days', async (ctx) => {
    const { itemCode } = bookingDaysQuerySchema.parse(ctx.query);
    ctx.body = await listBookingDays(deps, { hallId: ctx.params.hallId ?? '', itemCode });
  });
  router.get('/booking/halls/:hallId/slots', async (ctx) => {
    const { itemCode, date } = bookingSlotsQuerySchema.parse(ctx.query);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await listBookingSlots(deps, { hallId: ctx.params.hallId ?? '', itemCode, date });
  });

  router.post('/appointments', requireUser(), async (ctx) => {
    const user = currentUser(ctx.state);
    const key = idempotencyKey(ctx);
    const input = createAppointmentRequestSchema.parse(ctx.request.body ?? {});
    const answer = await placeBooking(deps, { residentId: user.id, idempotencyKey: key, request: input, requestId: ctx.state.requestId });
    ctx.status = answer.status;
    ctx.body = answer.body;
  });
  router.get('/appointments', requireUser(), async (ctx) => {
    const { scope } = appointmentListQuerySchema.parse(ctx.query);
    ctx.body = await listAppointments(deps, { residentId: currentUser(ctx.state).id, scope });
  });
  router.get('/appointments/:id', requireUser(), async (ctx) => {
    ctx.body = { appointment: await getAppointment(deps, { residentId: currentUser(ctx.state).id, appointmentId: ctx.params.id ?? '' }) };
  });
  router.get('/appointments/:id/queue', requireUser(), async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await getQueuePosition(deps, { residentId: currentUser(ctx.state).id, appointmentId: ctx.params.id ?? '' });
  });
  router.post('/appointments/:id/cancel', requireUser(), async (ctx) => {
    const user = currentUser(ctx.state);
    const key = idempotencyKey(ctx);
    const { reason } = cancelAppointmentRequestSchema.parse(ctx.request.body ?? {});
    const appointmentId = ctx.params.id ?? '';
    const answer = await runIdempotently({ prisma: deps.prisma, scope: `appointment.cancel:${user.id}`, key, userId: user.id, request: { appointmentId, reason }, now: deps.now }, parseAnswer, async () => {
      await cancelAppointment(deps, { residentId: user.id, appointmentId, reason, requestId: ctx.state.requestId });
      return { status: 200, body: { appointment: await getAppointment(deps, { residentId: user.id, appointmentId }) } };
    });
    ctx.status = answer.status;
    ctx.body = answer.body;
  });
  router.post('/appointments/:id/reschedule', requireUser(), async (ctx) => {
    const user = currentUser(ctx.state);
    const { slotId } = rescheduleAppointmentRequestSchema.parse(ctx.request.body ?? {});
    await deps.rateLimiter.consume('booking', user.id);
    await rescheduleAppointment(deps, { residentId: user.id, appointmentId: ctx.params.id ?? '', slotId, requestId: ctx.state.requestId });
    ctx.body = { appointment: await getAppointment(deps, { residentId: user.id, appointmentId: ctx.params.id ?? '' }) };
  });
  router.post('/appointments/:id/rating', requireUser(), async (ctx) => {
    const input = rateAppointmentRequestSchema.parse(ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = { rating: await rateAppointment(deps, { ...input, residentId: currentUser(ctx.state).id, appointmentId: ctx.params.id ?? '', requestId: ctx.state.requestId }) };
  });
  router.get('/me/booking-status', requireUser(), async (ctx) => {
    ctx.body = await getBookingStatus(deps, { residentId: currentUser(ctx.state).id });
  });
  return router;
}
