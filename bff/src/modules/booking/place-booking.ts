import type { AppointmentResponse, CreateAppointmentRequest } from '@govpocket/shared';
import { appointmentResponseSchema } from '@govpocket/shared';
import type { RateLimiter } from '../../platform/rate-limit';
import { bookAppointment } from './book-appointment';
import type { BookingDeps } from './deps';
import { runIdempotently, type IdempotentAnswer } from '../../platform/http/idempotency';
import { getAppointment } from './resident-service';
import { holdSeat, type SeatHold } from './seat-hold';

/**
 * POST /appointments end to end: Idempotency-Key handling around hold-a-seat-then-book. For a
 * new key the seat is held before anything is written, so the crowd refused with 已约满 costs no
 * database write; a hold that never reaches the booking (a replayed answer, a reused key, the
 * rate limit) is given back.
 */
export async function placeBooking(
  deps: BookingDeps & { rateLimiter: RateLimiter },
  { residentId, idempotencyKey, request, requestId }: { residentId: string; idempotencyKey: string; request: CreateAppointmentRequest; requestId: string },
): Promise<IdempotentAnswer<AppointmentResponse>> {
  const target = { residentId, itemCode: request.itemCode, slotId: request.slotId };
  let hold: SeatHold | undefined;
  let isBooking = false;
  try {
    const answer = await runIdempotently(
      {
        prisma: deps.prisma, scope: `appointment.book:${residentId}`, key: idempotencyKey, userId: residentId, request, now: deps.now,
        refuseEarly: async () => {
          hold = await holdSeat(deps, target);
        },
      },
      (json) => appointmentResponseSchema.parse(json),
      async () => {
        await deps.rateLimiter.consume('booking', residentId);
        // Every pre-review photo costs a WeChat media check.
        if (request.preReviewFileIds?.length) await deps.rateLimiter.consume('mediaCheck', residentId, { cost: request.preReviewFileIds.length });
        const seat = hold ?? (await holdSeat(deps, target));
        isBooking = true;
        const { appointmentId } = await bookAppointment(deps, { ...request, residentId, idempotencyKey, requestId, hold: seat });
        return { status: 201, body: { appointment: await getAppointment(deps, { residentId, appointmentId }) } };
      },
    );
    // After the commit: WeChat downloads and judges the pre-review photos; a failure is retried by a job.
    if (request.preReviewFileIds?.length) await deps.mediaChecks?.request({ appointmentId: answer.body.appointment.id });
    return answer;
  } finally {
    if (hold && !isBooking) await hold.release();
  }
}
