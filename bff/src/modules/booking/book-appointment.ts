import { randomInt } from 'node:crypto';
import { encryptPersonal, newRecordId, type Prisma } from '@govpocket/db';
import { pageLinks, type CreateAppointmentRequest } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { saveChecklist } from '../guide/resident-repository';
import { enqueueNotification } from '../notification';
import { activeDayKey, fromDbDate } from './dates';
import type { BookingDeps } from './deps';
import { findPreReviewUploads } from './pre-review-repository';
import {
  activeSeatsOf,
  appendAppointmentEvent,
  countActiveBookings,
  findActivePause,
  findAppointmentIdByKey,
  insertAppointment,
  insertPreReviewFiles,
  isDayKeyTaken,
  takeSeat,
  type BookableItem,
  type SlotRow,
} from './repository';
import { slotFullMessage, type SeatHold } from './seat-hold';
import type { BookingSettings } from './settings';
import { inTransaction, isUniqueViolation } from '../../platform/db/transaction';

/**
 * Books a slot the request holds a seat in (seat-hold.ts). The resident's own rules come next
 * (pause, one per item per day, the cap on active bookings), then the database takes the seat
 * for good: a conditional UPDATE … WHERE bookedCount < capacity in the transaction that inserts
 * the appointment, whose unique keys also hold one-per-day and the cap under any concurrency.
 * Anything that stops the booking gives the Redis seat back.
 */
export type BookAppointmentOptions = CreateAppointmentRequest & { residentId: string; idempotencyKey: string; requestId: string; hold: SeatHold };

export async function bookAppointment(deps: BookingDeps, options: BookAppointmentOptions): Promise<{ appointmentId: string }> {
  const { residentId, idempotencyKey, hold } = options;
  const { item, slot, settings } = hold;
  try {
    // A booking committed by an earlier attempt whose answer was lost: the same booking again.
    const earlier = await findAppointmentIdByKey(deps.prisma, { residentId, idempotencyKey });
    if (earlier) {
      await hold.confirm();
      return { appointmentId: earlier };
    }
    await assertResidentMayBook(deps, { residentId, item, slot, now: deps.now(), settings });
    const preReviews = await resolvePreReviews(deps, { residentId, item, files: options.preReviewFileIds ?? [], settings });
    const appointmentId = await inTransaction(deps.prisma, (tx) => insertBooking(tx, { ...options, item, slot, settings, preReviews, hallName: hold.hallName }));
    await hold.confirm();
    return { appointmentId };
  } catch (error) {
    await hold.release();
    // The gate let us through but the database had no seat: the set drifted, rebuild it.
    if (error instanceof AppError && error.code === 'SLOT_FULL') await deps.gate.invalidate(slot.id);
    throw error;
  }
}

export async function assertNotPaused(deps: Pick<BookingDeps, 'prisma'>, { residentId, now }: { residentId: string; now: Date }): Promise<void> {
  const pause = await findActivePause(deps.prisma, { userId: residentId, now });
  if (pause) {
    const until = new Date(pause.pausedUntil.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    throw new AppError('BOOKING_PAUSED', { message: `${pause.reason}，预约功能暂停至${until}`, details: { reason: pause.reason, pausedUntil: pause.pausedUntil.toISOString() } });
  }
}

async function assertResidentMayBook(deps: BookingDeps, input: { residentId: string; item: BookableItem; slot: SlotRow; now: Date; settings: BookingSettings }): Promise<void> {
  const { residentId, item, slot, now, settings } = input;
  const [, isDayTaken, activeCount] = await Promise.all([
    assertNotPaused(deps, { residentId, now }),
    isDayKeyTaken(deps.prisma, activeDayKey({ residentId, itemId: item.id, date: fromDbDate(slot.date) })),
    countActiveBookings(deps.prisma, residentId),
  ]);
  if (isDayTaken) throw sameDayError();
  if (activeCount >= settings.maxActiveBookings) throw capError(settings);
}

const sameDayError = (): AppError => new AppError('BOOKING_NOT_ALLOWED', { message: '您当天已预约过该事项（每人每天每个事项限约一次）' });
const capError = (settings: BookingSettings): AppError => new AppError('BOOKING_NOT_ALLOWED', { message: `您已有${settings.maxActiveBookings}个未完成的预约，请办理或取消后再预约` });

type PreReviewUpload = { materialId: string; materialName: string; fileId: string; storageKey: string; contentType: string; sizeBytes: number };

async function resolvePreReviews(
  deps: BookingDeps,
  { residentId, item, files, settings }: { residentId: string; item: BookableItem; files: Array<{ materialId: string; fileId: string }>; settings: BookingSettings },
): Promise<PreReviewUpload[]> {
  if (files.length === 0) return [];
  const uploads = new Map((await findPreReviewUploads(deps.prisma, { ownerId: residentId, fileIds: files.map((file) => file.fileId) })).map((upload) => [upload.id, upload]));
  const perMaterial = new Map<string, number>();
  return files.map(({ materialId, fileId }) => {
    const material = item.materials.find((candidate) => candidate.id === materialId);
    if (!material) throw new AppError('VALIDATION_FAILED', { message: '预审材料与所选事项不符' });
    const upload = uploads.get(fileId);
    if (!upload) throw new AppError('VALIDATION_FAILED', { message: '预审照片不存在或不是您上传的，请重新上传' });
    const count = (perMaterial.get(materialId) ?? 0) + 1;
    if (count > settings.maxFilesPerMaterial) throw new AppError('VALIDATION_FAILED', { message: `每项材料最多上传${settings.maxFilesPerMaterial}张照片` });
    perMaterial.set(materialId, count);
    return { materialId, materialName: material.name, fileId, storageKey: upload.storageKey, contentType: upload.contentType, sizeBytes: upload.sizeBytes };
  });
}

type InsertInput = BookAppointmentOptions & { item: BookableItem; slot: SlotRow; settings: BookingSettings; preReviews: PreReviewUpload[]; hallName: string };

async function insertBooking(tx: Prisma.TransactionClient, input: InsertInput): Promise<string> {
  const { residentId, item, slot, settings } = input;
  if (!(await takeSeat(tx, slot.id))) throw new AppError('SLOT_FULL', { message: slotFullMessage });
  const dayKey = activeDayKey({ residentId, itemId: item.id, date: fromDbDate(slot.date) });
  let created: { id: string; checkInCode: string } | undefined;
  for (let attempt = 0; !created; attempt += 1) {
    if (await isDayKeyTaken(tx, dayKey)) throw sameDayError();
    const taken = await activeSeatsOf(tx, residentId);
    const seat = Array.from({ length: settings.maxActiveBookings }, (_, index) => index + 1).find((candidate) => !taken.includes(candidate));
    if (seat === undefined) throw capError(settings);
    const checkInCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    try {
      // The id is chosen here so that the delivery address is bound to this row.
      const appointmentId = newRecordId();
      const id = await insertAppointment(tx, {
        id: appointmentId, residentId, itemId: item.id, itemVersion: item.currentVersion, hallId: slot.hallId, slotId: slot.id, date: slot.date, startsAt: slot.startsAt, endsAt: slot.endsAt,
        activeDayKey: dayKey, activeSeat: seat, idempotencyKey: input.idempotencyKey, checkInCode, promisedTrips: item.onSiteTrips,
        deliveryMethod: input.delivery?.method ?? null,
        deliveryAddressEncrypted: input.delivery?.method === 'MAIL' && input.delivery.address ? encryptPersonal(input.delivery.address, { field: 'Appointment.deliveryAddressEncrypted', rowId: appointmentId }) : null,
      });
      created = { id, checkInCode };
    } catch (error) {
      // Another booking of this resident took the seat or the day, or the code is in use that day.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
  const appointmentId = created.id;
  await appendAppointmentEvent(tx, { appointmentId, fromStatus: null, toStatus: 'BOOKED', actorType: 'RESIDENT', actorUserId: residentId, data: { slotId: slot.id } });
  await insertPreReviewFiles(tx, input.preReviews.map((file) => ({
    appointmentId, materialId: file.materialId, materialName: file.materialName, fileUrl: preReviewFileRef(file.fileId), storageKey: file.storageKey, mimeType: file.contentType, sizeBytes: file.sizeBytes,
  })));
  if (input.materialChecklist) await saveChecklist(tx, { userId: residentId, itemId: item.id, itemVersion: item.currentVersion, checkedMaterialIds: input.materialChecklist.checkedMaterialIds });
  await writeAudit(tx, {
    actorUserId: residentId, actorRole: 'RESIDENT', action: 'APPOINTMENT_BOOKED', entityType: 'Appointment', entityId: appointmentId,
    after: { status: 'BOOKED', slotId: slot.id, itemCode: item.code }, requestId: input.requestId,
  });
  await enqueueNotification(tx, {
    userId: residentId,
    event: 'BOOKING_CONFIRMED',
    payload: { appointmentId, itemName: item.name, hallName: input.hallName, slotStart: slot.startsAt, bookingNo: created.checkInCode, link: appointmentLink(appointmentId) },
    dedupeKey: `BOOKING_CONFIRMED:${appointmentId}`,
  });
  return appointmentId;
}

/** 我的预约 → this appointment: every booking notification links here. */
export function appointmentLink(appointmentId: string): string {
  return pageLinks.appointment(appointmentId);
}

/** PreReviewFile.fileUrl keeps the upload's path; signed URLs are minted per viewer when shown. */
export function preReviewFileRef(fileId: string): string {
  return `/files/${fileId}`;
}

export function fileIdOfRef(fileUrl: string): string | null {
  return /^\/files\/([A-Za-z0-9_-]{1,32})$/.exec(fileUrl)?.[1] ?? null;
}
