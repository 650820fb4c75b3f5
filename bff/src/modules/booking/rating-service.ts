import type { HallFollowUp, RateAppointmentRequest, RatingView } from '@govpocket/shared';
import { followUpRatingLevels, followUpStatusLabels, pageLinks, ratingLevelLabels, type RatingLevel, type SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import type { RateLimiter } from '../../platform/rate-limit';
import { checkResidentText, recheckStoredText, type ContentSafetyDeps, type ContentVerdict } from '../content-safety/service';
import { AppError } from '../../platform/errors/app-error';
import { enqueueNotification } from '../notification';
import { stringArray } from './appointment-view';
import type { BookingDeps } from './deps';
import {
  findHallFollowUp,
  findRateable,
  findServingStaffId,
  insertFollowUp,
  insertRating,
  listHallFollowUps,
  listHallRatings,
  listHallStaffUserIds,
  listPendingRatingTexts,
  resolveFollowUpRow,
  setRatingTextCheck,
  type FollowUpRow,
} from './rating-repository';
import { inTransaction, isUniqueViolation } from '../../platform/db/transaction';

/**
 * 好差评: one rating per completed visit. 不满意 / 非常不满意 open a 回访 task for the hall, due in
 * 15 working days; the hall sees ratings and tasks without the rater's identity.
 */
const scores: Record<RatingLevel, number> = { VERY_SATISFIED: 5, SATISFIED: 4, BASICALLY_SATISFIED: 3, DISSATISFIED: 2, VERY_DISSATISFIED: 1 };

export async function rateAppointment(deps: BookingDeps & { rateLimiter?: RateLimiter }, input: RateAppointmentRequest & { residentId: string; appointmentId: string; requestId: string }): Promise<RatingView> {
  const { residentId, appointmentId } = input;
  const appointment = await findRateable(deps.prisma, { id: appointmentId, residentId });
  if (!appointment) throw new AppError('NOT_FOUND', { message: '预约不存在' });
  if (appointment.status !== 'COMPLETED' || !appointment.completedAt) throw new AppError('ILLEGAL_TRANSITION', { message: '办结后才能评价' });
  if (appointment.rating) throw new AppError('CONFLICT', { message: '您已评价过本次办事，每次办事只能评价一次' });
  const now = deps.now();
  const settings = await deps.settings.read();
  if (now.getTime() > appointment.completedAt.getTime() + settings.ratingWindowDays * 86_400_000) throw new AppError('BOOKING_NOT_ALLOWED', { message: `已超过评价期限（办结后${settings.ratingWindowDays}天内）` });
  const textCheck = input.text ? await checkRatingText(deps, { text: input.text, openid: appointment.resident.openid, residentId }) : null;
  const needsFollowUp = followUpRatingLevels.includes(input.level);
  const dueAt = needsFollowUp ? (await deps.calendar.current()).addWorkingDays(now, settings.followUpWorkingDays) : null;
  const staffUserId = await findServingStaffId(deps.prisma, appointmentId);
  try {
    return await inTransaction(deps.prisma, async (tx) => {
      const rating = await insertRating(tx, {
        appointmentId, residentId, hallId: appointment.hallId, itemId: appointment.itemId, staffUserId, level: input.level, tags: input.tags, text: input.text || null,
        textCheckStatus: textCheck?.status ?? 'PASS', textCheckTraceId: textCheck?.traceId ?? null,
      });
      const followUp = dueAt ? await insertFollowUp(tx, { ratingId: rating.id, hallId: appointment.hallId, dueAt }) : null;
      await writeAudit(tx, { actorUserId: residentId, actorRole: 'RESIDENT', action: 'APPOINTMENT_RATED', entityType: 'Appointment', entityId: appointmentId, after: { level: input.level, textCheckStatus: textCheck?.status ?? null }, requestId: input.requestId });
      if (followUp) {
        for (const userId of await listHallStaffUserIds(tx, appointment.hallId)) {
          await enqueueNotification(tx, {
            userId, event: 'RATING_FOLLOW_UP_CREATED',
            payload: { ratingId: rating.id, itemName: appointment.item.name, hallName: appointment.hall.name, score: scores[input.level], link: pageLinks.staffFollowUps() },
            dedupeKey: `RATING_FOLLOW_UP_CREATED:${rating.id}:${userId}`,
          });
        }
      }
      return {
        level: rating.level, levelLabel: ratingLevelLabels[rating.level], tags: stringArray(rating.tags), text: rating.text, createdAt: rating.createdAt.toISOString(),
        followUp: followUp ? { status: followUp.status, statusLabel: followUpStatusLabels[followUp.status], dueAt: followUp.dueAt.toISOString(), result: null, handledAt: null } : null,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { message: '您已评价过本次办事，每次办事只能评价一次' });
    throw error;
  }
}

/**
 * A comment passes content safety like a letter: a blocked word or a risky verdict refuses it
 * (422, nothing stored); a review word or WeChat being unreachable stores it held (REVIEW /
 * PENDING), and the hall does not see a held text.
 */
async function checkRatingText(deps: BookingDeps & { rateLimiter?: RateLimiter }, { text, openid, residentId }: { text: string; openid: string; residentId: string }): Promise<ContentVerdict> {
  if (!deps.contentSafety) return { status: 'PENDING', traceId: null, reasons: [] };
  await deps.rateLimiter?.consume('textCheck', residentId);
  return checkResidentText(deps.contentSafety, { text, openid, scene: 'COMMENT' });
}

type HallRatingRow = FollowUpRow['rating'];

export function toHallRating(row: HallRatingRow) {
  const isTextHeld = row.text !== null && row.textCheckStatus !== 'PASS';
  return { id: row.id, level: row.level, levelLabel: ratingLevelLabels[row.level], tags: stringArray(row.tags), text: isTextHeld ? null : row.text, isTextHeld, itemName: row.item.name, createdAt: row.createdAt.toISOString() };
}

function toHallFollowUp(row: FollowUpRow, now: Date): HallFollowUp {
  return {
    id: row.id, status: row.status, statusLabel: followUpStatusLabels[row.status], dueAt: row.dueAt.toISOString(),
    isOverdue: row.status === 'OPEN' && row.dueAt.getTime() < now.getTime(),
    rating: toHallRating(row.rating), result: row.result, handledAt: row.handledAt?.toISOString() ?? null,
  };
}

export async function listRatingsForHall(deps: BookingDeps, { hallId }: { hallId: string }) {
  return { items: (await listHallRatings(deps.prisma, hallId)).map(toHallRating) };
}

export async function listFollowUpsForHall(deps: BookingDeps, { hallId, status }: { hallId: string; status?: 'OPEN' | 'FIXED' | 'EXPLAINED' }) {
  const now = deps.now();
  return { items: (await listHallFollowUps(deps.prisma, { hallId, status })).map((row) => toHallFollowUp(row, now)) };
}

export async function resolveFollowUp(
  deps: BookingDeps,
  { staff, hallId, followUpId, status, note, requestId }: { staff: SessionUser; hallId: string; followUpId: string; status: 'FIXED' | 'EXPLAINED'; note: string; requestId: string },
): Promise<HallFollowUp> {
  const existing = await findHallFollowUp(deps.prisma, { id: followUpId, hallId });
  if (!existing) throw new AppError('NOT_FOUND', { message: '回访任务不存在' });
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    if (!(await resolveFollowUpRow(tx, { id: followUpId, status, result: note, handledById: staff.id, handledAt: now }))) {
      throw new AppError('ILLEGAL_TRANSITION', { message: '该回访任务已处理，不能重复处理' });
    }
    await writeAudit(tx, { actorUserId: staff.id, actorRole: 'WINDOW_STAFF', action: 'FOLLOW_UP_RESOLVED', entityType: 'RatingFollowUp', entityId: followUpId, before: { status: 'OPEN' }, after: { status, note }, requestId });
  });
  const row = await findHallFollowUp(deps.prisma, { id: followUpId, hallId });
  if (!row) throw new AppError('NOT_FOUND', { message: '回访任务不存在' });
  return toHallFollowUp(row, now);
}

/** Comments held as PENDING get their verdict once WeChat answers again (a risky one stays hidden from the hall). */
export async function recheckPendingRatingTexts(deps: { prisma: BookingDeps['prisma']; contentSafety: ContentSafetyDeps }): Promise<number> {
  let checked = 0;
  for (const rating of await listPendingRatingTexts(deps.prisma)) {
    const verdict = await recheckStoredText(deps.contentSafety, { text: rating.text ?? '', openid: rating.resident.openid, scene: 'COMMENT' });
    if (!verdict) continue;
    await setRatingTextCheck(deps.prisma, rating.id, verdict);
    checked += 1;
  }
  return checked;
}
