import { z } from 'zod';
import { calendarDateSchema } from './calendar-values';
import {
  appointmentStatusSchema,
  cancellationActorSchema,
  contentCheckStatusSchema,
  deliveryMethodSchema,
  followUpStatusSchema,
  preReviewStatusSchema,
  ratingLevelSchema,
  scheduleOverrideKindSchema,
} from '../enums';

/**
 * "最多跑一次" appointments: the contract between the BFF (validates requests with these schemas
 * and parses its answers through them) and the mini-program (types its client from them).
 * Dates are `YYYY-MM-DD` and times `HH:MM`, Asia/Shanghai; instants are ISO strings.
 * Booking and cancel require an `Idempotency-Key` header (8–64 characters, e.g. a UUID); a retry
 * with the same key returns the first answer.
 */

export const idempotencyKeyHeader = 'Idempotency-Key';
export const idempotencyKeySchema = z
  .string({ message: '缺少 Idempotency-Key 请求头' })
  .trim()
  .regex(/^[A-Za-z0-9_:.-]{8,64}$/, 'Idempotency-Key 须为 8 到 64 位字母、数字或 _ : . -');

const dateSchema = calendarDateSchema;
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
const idSchema = z.string().min(1).max(32);

// ─── choosing a hall, a day and a slot ───

export const bookableHallSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type BookableHall = z.infer<typeof bookableHallSchema>;

/** GET /booking/items/:code/halls */
export const bookingHallsResponseSchema = z.object({
  item: z.object({ code: z.string(), name: z.string(), onSiteTrips: z.number().int(), promisedDays: z.number().int() }),
  halls: z.array(bookableHallSchema),
});
export type BookingHallsResponse = z.infer<typeof bookingHallsResponseSchema>;

export const bookingDaysQuerySchema = z.object({ itemCode: z.string().min(1).max(32) });

export const bookingDaySchema = z.object({
  date: dateSchema,
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  /** e.g. 11月24日 周一 */
  label: z.string(),
  /** 调休上班: a weekend day that is a working day. */
  isMakeupWorkday: z.boolean(),
  capacity: z.number().int(),
  remaining: z.number().int(),
  isBookable: z.boolean(),
});
export type BookingDay = z.infer<typeof bookingDaySchema>;

/** GET /booking/halls/:hallId/days?itemCode= : the next working days (holidays excluded). */
export const bookingDaysResponseSchema = z.object({ hallId: z.string(), itemCode: z.string(), days: z.array(bookingDaySchema) });
export type BookingDaysResponse = z.infer<typeof bookingDaysResponseSchema>;

export const bookingSlotsQuerySchema = z.object({ itemCode: z.string().min(1).max(32), date: dateSchema });

export const slotClosedReasonSchema = z.enum(['FULL', 'CUTOFF', 'CLOSED', 'PAST']);
export type SlotClosedReason = z.infer<typeof slotClosedReasonSchema>;
export const slotClosedReasonLabels: Record<SlotClosedReason, string> = { FULL: '已约满', CUTOFF: '已截止', CLOSED: '暂停预约', PAST: '已结束' };

export const bookingSlotSchema = z.object({
  id: z.string(),
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  remaining: z.number().int(),
  isBookable: z.boolean(),
  closedReason: slotClosedReasonSchema.nullable(),
  /** Chinese text of closedReason (已约满 / 已截止 …), null when bookable. */
  closedReasonLabel: z.string().nullable(),
});
export type BookingSlot = z.infer<typeof bookingSlotSchema>;

/** GET /booking/halls/:hallId/slots?itemCode=&date= */
export const bookingSlotsResponseSchema = z.object({ hallId: z.string(), itemCode: z.string(), date: dateSchema, slots: z.array(bookingSlotSchema) });
export type BookingSlotsResponse = z.infer<typeof bookingSlotsResponseSchema>;

// ─── booking ───

export const deliveryRequestSchema = z
  .object({
    method: deliveryMethodSchema,
    /** Required when method is MAIL. */
    address: z.string().trim().min(5, '请填写完整的邮寄地址').max(200, '地址最多200字').optional(),
  })
  .refine((delivery) => delivery.method !== 'MAIL' || delivery.address !== undefined, { message: '邮寄送达须填写邮寄地址', path: ['address'] });

/** POST /appointments (header Idempotency-Key) → 201 appointmentResponseSchema */
export const createAppointmentRequestSchema = z.object({
  itemCode: z.string().min(1).max(32),
  slotId: idSchema,
  /** The materials the resident has ticked on their checklist. */
  materialChecklist: z.object({ checkedMaterialIds: z.array(idSchema).max(100) }).optional(),
  /** Pre-review photos (预审), uploaded first through POST /files with purpose PRE_REVIEW. */
  preReviewFileIds: z.array(z.object({ materialId: idSchema, fileId: idSchema })).max(30).optional(),
  delivery: deliveryRequestSchema.optional(),
});
export type CreateAppointmentRequest = z.infer<typeof createAppointmentRequestSchema>;

export const preReviewFileViewSchema = z.object({
  id: z.string(),
  materialId: z.string().nullable(),
  materialName: z.string(),
  /** Signed URL, short-lived. */
  fileUrl: z.string(),
  status: preReviewStatusSchema,
  statusLabel: z.string(),
  comment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Set when the photo was deleted (retention period after the visit, or account deletion); fileUrl is then empty. */
  fileRemovedNote: z.string().nullable(),
});
export type PreReviewFileView = z.infer<typeof preReviewFileViewSchema>;

export const followUpViewSchema = z.object({ status: followUpStatusSchema, statusLabel: z.string(), dueAt: z.string(), result: z.string().nullable(), handledAt: z.string().nullable() });

export const ratingViewSchema = z.object({
  level: ratingLevelSchema,
  levelLabel: z.string(),
  tags: z.array(z.string()),
  text: z.string().nullable(),
  createdAt: z.string(),
  /** The hall's 回访 for 不满意 / 非常不满意: the resident sees its outcome. */
  followUp: followUpViewSchema.nullable(),
});
export type RatingView = z.infer<typeof ratingViewSchema>;

export const appointmentSummarySchema = z.object({
  id: z.string(),
  status: appointmentStatusSchema,
  statusLabel: z.string(),
  item: z.object({ code: z.string(), name: z.string() }),
  hall: z.object({ id: z.string(), name: z.string(), address: z.string() }),
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  queueNumber: z.string().nullable(),
  createdAt: z.string(),
});
export type AppointmentSummary = z.infer<typeof appointmentSummarySchema>;

export const appointmentDetailSchema = appointmentSummarySchema.extend({
  /** 6-digit code typed at the window; null once the appointment is no longer active. */
  checkInCode: z.string().nullable(),
  /** String to render as the check-in QR code (staff scan it; the BFF accepts it at check-in). */
  qrPayload: z.string().nullable(),
  /** 前面还有 N 人: people waiting ahead after check-in; null before check-in or once called. */
  aheadCount: z.number().int().nullable(),
  calledWindow: z.object({ code: z.string(), name: z.string() }).nullable(),
  canCancel: z.boolean(),
  canReschedule: z.boolean(),
  /** The last moment to cancel or reschedule. */
  changeDeadline: z.string(),
  cancelledBy: cancellationActorSchema.nullable(),
  cancelReason: z.string().nullable(),
  deliveryMethod: deliveryMethodSchema.nullable(),
  preReviews: z.array(preReviewFileViewSchema),
  canRate: z.boolean(),
  rating: ratingViewSchema.nullable(),
  /** Which on-site trip of the case this visit is (1 = first). */
  tripNumber: z.number().int(),
  promisedTrips: z.number().int(),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

export const appointmentResponseSchema = z.object({ appointment: appointmentDetailSchema });
export type AppointmentResponse = z.infer<typeof appointmentResponseSchema>;

export const appointmentListQuerySchema = z.object({ scope: z.enum(['upcoming', 'past']).default('upcoming') });
export type AppointmentListQuery = z.infer<typeof appointmentListQuerySchema>;
export const appointmentListResponseSchema = z.object({ items: z.array(appointmentSummarySchema) });
export type AppointmentListResponse = z.infer<typeof appointmentListResponseSchema>;

/** POST /appointments/:id/cancel (header Idempotency-Key) → appointmentResponseSchema */
export const cancelAppointmentRequestSchema = z.object({ reason: z.string().trim().max(100, '原因最多100字').optional() });
/** POST /appointments/:id/reschedule → appointmentResponseSchema */
export const rescheduleAppointmentRequestSchema = z.object({ slotId: idSchema });

/** GET /appointments/:id/queue: cheap enough to poll every few seconds. */
export const queuePositionResponseSchema = z.object({
  appointmentId: z.string(),
  status: appointmentStatusSchema,
  statusLabel: z.string(),
  queueNumber: z.string().nullable(),
  aheadCount: z.number().int().nullable(),
  calledWindow: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Suggested polling interval. */
  pollAfterSeconds: z.number().int(),
});
export type QueuePositionResponse = z.infer<typeof queuePositionResponseSchema>;

export const ratingTagOptions = ['态度好', '效率高', '一次办成', '指引清楚', '等候太久', '态度差', '材料要求不清', '多次跑腿'] as const;

/** POST /appointments/:id/rating → 201 { rating } */
export const rateAppointmentRequestSchema = z.object({
  level: ratingLevelSchema,
  tags: z.array(z.string().trim().min(1).max(16)).max(8).default([]),
  text: z.string().trim().max(500, '评价最多500字').optional(),
});
export type RateAppointmentRequest = z.infer<typeof rateAppointmentRequestSchema>;
export const rateAppointmentResponseSchema = z.object({ rating: ratingViewSchema });

/** GET /me/booking-status */
export const bookingStatusResponseSchema = z.object({
  isPaused: z.boolean(),
  pause: z.object({ reason: z.string(), pausedUntil: z.string(), noShowCount: z.number().int() }).nullable(),
  activeCount: z.number().int(),
  maxActive: z.number().int(),
  canBook: z.boolean(),
  /** Why booking is not possible, in Chinese; null when canBook. */
  message: z.string().nullable(),
});
export type BookingStatusResponse = z.infer<typeof bookingStatusResponseSchema>;

// ─── window staff (staff subpackage), scoped to one hall ───

export const staffDayQuerySchema = z.object({ date: dateSchema.optional() });

export const staffAppointmentSchema = z.object({
  id: z.string(),
  status: appointmentStatusSchema,
  statusLabel: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  /** Masked, e.g. 居民(尾号1234) — staff see no more than needed. */
  residentLabel: z.string(),
  slotId: z.string(),
  startTime: timeSchema,
  endTime: timeSchema,
  queueNumber: z.string().nullable(),
  calledWindow: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  checkedInAt: z.string().nullable(),
  pendingPreReviews: z.number().int(),
  tripNumber: z.number().int(),
});
export type StaffAppointment = z.infer<typeof staffAppointmentSchema>;

/** GET /staff/halls/:hallId/appointments?date= (default today) */
export const staffDayResponseSchema = z.object({
  hallId: z.string(),
  date: dateSchema,
  slots: z.array(
    z.object({
      slotId: z.string(),
      startTime: timeSchema,
      endTime: timeSchema,
      itemGroup: z.string(),
      capacity: z.number().int(),
      bookedCount: z.number().int(),
      isClosed: z.boolean(),
      appointments: z.array(staffAppointmentSchema),
    }),
  ),
  waitingCount: z.number().int(),
});
export type StaffDayResponse = z.infer<typeof staffDayResponseSchema>;

/** POST /staff/halls/:hallId/check-in : the 6-digit code or the scanned QR payload. */
export const checkInRequestSchema = z.object({ code: z.string().trim().min(6, '请输入6位签到码').max(200) });
export const staffAppointmentResponseSchema = z.object({ appointment: staffAppointmentSchema });
export type StaffAppointmentResponse = z.infer<typeof staffAppointmentResponseSchema>;

/** POST /staff/halls/:hallId/windows/:windowId/call-next : null when nobody is waiting. */
export const callNextResponseSchema = z.object({ appointment: staffAppointmentSchema.nullable(), message: z.string().nullable() });
export type CallNextResponse = z.infer<typeof callNextResponseSchema>;

/** POST …/appointments/:id/transfer */
export const transferRequestSchema = z.object({ windowId: idSchema });
/**
 * POST …/appointments/:id/complete : isCaseFinished false when the case needs another visit
 * (e.g. 补正); the next booking of the same item then counts as the case's next on-site trip.
 */
export const completeRequestSchema = z.object({ note: z.string().trim().max(255).optional(), isCaseFinished: z.boolean().default(true) });

export const staffWindowSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), isActive: z.boolean() });
/** GET /staff/halls/:hallId/windows */
export const staffWindowsResponseSchema = z.object({ windows: z.array(staffWindowSchema) });

export const hallCancelRequestSchema = z.object({ reason: z.string().trim().min(2, '请填写取消原因').max(100, '原因最多100字') });
export type HallCancelRequest = z.infer<typeof hallCancelRequestSchema>;
/** POST …/appointments/:id/cancel, …/slots/:slotId/cancel, …/days/:date/cancel */
export const hallCancelResponseSchema = z.object({ cancelledCount: z.number().int(), appointmentIds: z.array(z.string()) });
export type HallCancelResponse = z.infer<typeof hallCancelResponseSchema>;

/** POST …/appointments/:id/move : the hall moves a booking affected by a schedule change. */
export const moveAppointmentRequestSchema = z.object({ slotId: idSchema, reason: z.string().trim().min(2, '请填写调整原因').max(100) });

export const staffPreReviewSchema = preReviewFileViewSchema.extend({
  /** WeChat's media check of the photo: PENDING (检测中) until its verdict arrives. */
  checkStatus: contentCheckStatusSchema,
  checkStatusLabel: z.string(),
  appointmentId: z.string(),
  itemName: z.string(),
  date: dateSchema,
  startTime: timeSchema,
});
export type StaffPreReview = z.infer<typeof staffPreReviewSchema>;
export const staffPreReviewsQuerySchema = z.object({ status: preReviewStatusSchema.optional() });
/** GET /staff/halls/:hallId/pre-reviews?status= */
export const staffPreReviewsResponseSchema = z.object({ items: z.array(staffPreReviewSchema) });
/** POST /staff/halls/:hallId/pre-reviews/:fileId */
export const reviewPreReviewRequestSchema = z
  .object({ status: z.enum(['PASSED', 'NEEDS_CORRECTION']), comment: z.string().trim().max(500).optional() })
  .refine((body) => body.status !== 'NEEDS_CORRECTION' || (body.comment ?? '').length >= 2, { message: '需补正时请说明要补正的内容', path: ['comment'] });
export const reviewPreReviewResponseSchema = z.object({ file: staffPreReviewSchema });

/** Ratings as the hall sees them: never who rated. */
export const hallRatingSchema = z.object({
  id: z.string(),
  level: ratingLevelSchema,
  levelLabel: z.string(),
  tags: z.array(z.string()),
  /** null when there is none, or while it is held by content safety (isTextHeld). */
  text: z.string().nullable(),
  /** The resident wrote a comment that content safety holds for review (or has not checked yet). */
  isTextHeld: z.boolean(),
  itemName: z.string(),
  createdAt: z.string(),
});
export const hallRatingsResponseSchema = z.object({ items: z.array(hallRatingSchema) });

export const hallFollowUpSchema = z.object({
  id: z.string(),
  status: followUpStatusSchema,
  statusLabel: z.string(),
  dueAt: z.string(),
  isOverdue: z.boolean(),
  rating: hallRatingSchema,
  result: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type HallFollowUp = z.infer<typeof hallFollowUpSchema>;
export const followUpsQuerySchema = z.object({ status: followUpStatusSchema.optional() });
/** GET /staff/halls/:hallId/follow-ups?status= */
export const hallFollowUpsResponseSchema = z.object({ items: z.array(hallFollowUpSchema) });
/** POST /staff/halls/:hallId/follow-ups/:id : the call-back log. */
export const resolveFollowUpRequestSchema = z.object({ status: z.enum(['FIXED', 'EXPLAINED']), note: z.string().trim().min(5, '请至少写5个字的回访记录').max(1000) });
export const followUpResponseSchema = z.object({ followUp: hallFollowUpSchema });

/** GET /staff/halls/:hallId/trip-stats : actual vs promised on-site trips per item. */
export const tripStatsResponseSchema = z.object({
  items: z.array(
    z.object({
      itemCode: z.string(),
      itemName: z.string(),
      promisedTrips: z.number().int(),
      completedCases: z.number().int(),
      averageTrips: z.number(),
      casesOverPromise: z.number().int(),
    }),
  ),
});
export type TripStatsResponse = z.infer<typeof tripStatsResponseSchema>;

// ─── admin: schedules ───

export const scheduleRuleInputSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startTime: timeSchema,
    endTime: timeSchema,
    slotMinutes: z.number().int().min(10).max(240).optional(),
    capacity: z.number().int().min(1).max(500),
    itemGroup: z.string().trim().max(32).default(''),
  })
  .refine((rule) => rule.startTime < rule.endTime, { message: '结束时间须晚于开始时间', path: ['endTime'] });
export const scheduleTemplateInputSchema = z.object({
  name: z.string().trim().min(1).max(64),
  validFrom: dateSchema,
  validTo: dateSchema.nullable().optional(),
  isActive: z.boolean().default(true),
  rules: z.array(scheduleRuleInputSchema).min(1, '至少需要一条排班规则').max(100),
});
export type ScheduleTemplateInput = z.infer<typeof scheduleTemplateInputSchema>;

export const scheduleTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  validFrom: dateSchema,
  validTo: dateSchema.nullable(),
  isActive: z.boolean(),
  rules: z.array(z.object({ weekday: z.number().int(), startTime: timeSchema, endTime: timeSchema, slotMinutes: z.number().int(), capacity: z.number().int(), itemGroup: z.string() })),
});
export const scheduleOverrideInputSchema = z.object({
  date: dateSchema,
  kind: scheduleOverrideKindSchema,
  asWeekday: z.number().int().min(1).max(7).optional(),
  reason: z.string().trim().min(2).max(255),
});
export const scheduleOverrideSchema = z.object({ id: z.string(), date: dateSchema, kind: scheduleOverrideKindSchema, asWeekday: z.number().int().nullable(), reason: z.string() });

/** A booking whose slot no longer exists in the schedule: kept, listed for the hall to move or cancel. */
export const affectedBookingSchema = z.object({
  appointmentId: z.string(),
  slotId: z.string(),
  date: dateSchema,
  startTime: timeSchema,
  itemName: z.string(),
  status: appointmentStatusSchema,
});
export type AffectedBooking = z.infer<typeof affectedBookingSchema>;

/** GET /admin/halls/:hallId/schedule */
export const hallScheduleResponseSchema = z.object({
  templates: z.array(scheduleTemplateSchema),
  overrides: z.array(scheduleOverrideSchema),
  affected: z.array(affectedBookingSchema),
});
/** POST /admin/halls/:hallId/schedule-templates, PUT …/schedule-templates/:templateId, POST …/schedule-overrides, DELETE …/schedule-overrides/:overrideId */
export const scheduleChangeResponseSchema = z.object({
  template: scheduleTemplateSchema.nullable(),
  override: scheduleOverrideSchema.nullable(),
  slotsCreated: z.number().int(),
  slotsRemoved: z.number().int(),
  /** Bookings whose slot the change removed: still valid until the hall moves or cancels them. */
  affected: z.array(affectedBookingSchema),
});
export type ScheduleChangeResponse = z.infer<typeof scheduleChangeResponseSchema>;
/** GET /staff/halls/:hallId/affected-bookings */
export const affectedBookingsResponseSchema = z.object({ items: z.array(affectedBookingSchema) });
/** POST /staff/halls/:hallId/appointments/:id/move → the bookings still affected afterwards. */
export const moveAppointmentResponseSchema = z.object({ affected: z.array(affectedBookingSchema) });
