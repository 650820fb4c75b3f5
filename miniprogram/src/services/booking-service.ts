import {
  appointmentListResponseSchema,
  appointmentResponseSchema,
  bookingDaysResponseSchema,
  bookingHallsResponseSchema,
  bookingSlotsResponseSchema,
  bookingStatusResponseSchema,
  cancelAppointmentRequestSchema,
  createAppointmentRequestSchema,
  idempotencyKeyHeader,
  queuePositionResponseSchema,
  rateAppointmentRequestSchema,
  rateAppointmentResponseSchema,
  rescheduleAppointmentRequestSchema,
  subscriptionsResponseSchema,
  type AppointmentDetail,
  type AppointmentSummary,
  type BookingDaysResponse,
  type BookingHallsResponse,
  type BookingSlotsResponse,
  type BookingStatusResponse,
  type CreateAppointmentRequest,
  type NotificationEvent,
  type QueuePositionResponse,
  type RateAppointmentRequest,
  type RatingView,
} from '@govpocket/shared';
import { bffClient } from './api-client';
import { ApiError } from './api-error';

/** 预约办理 as the resident sees it: halls, days, slots, booking and 我的预约. */

export type AppointmentScope = 'upcoming' | 'past';

/**
 * A fresh Idempotency-Key for one submission attempt; the caller keeps it and sends it again when
 * the resident retries the same submission, so a retry never books twice.
 */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `gp-${Date.now().toString(36)}-${random}`;
}

const path = (value: string): string => encodeURIComponent(value);

export function fetchBookingHalls(itemCode: string): Promise<BookingHallsResponse> {
  return bffClient.request({ path: `/booking/items/${path(itemCode)}/halls`, responseSchema: bookingHallsResponseSchema });
}

export function fetchBookingDays({ hallId, itemCode }: { hallId: string; itemCode: string }): Promise<BookingDaysResponse> {
  return bffClient.request({ path: `/booking/halls/${path(hallId)}/days`, query: { itemCode }, responseSchema: bookingDaysResponseSchema });
}

export function fetchBookingSlots({ hallId, itemCode, date }: { hallId: string; itemCode: string; date: string }): Promise<BookingSlotsResponse> {
  return bffClient.request({ path: `/booking/halls/${path(hallId)}/slots`, query: { itemCode, date }, responseSchema: bookingSlotsResponseSchema });
}

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T {
  if (!result.success) throw new ApiError('VALIDATION_FAILED', result.error.issues[0]?.message ?? '请检查填写的内容');
  return result.data;
}

/** `POST /appointments`: the same key on a retry answers the first booking. */
export async function bookAppointment({ request, idempotencyKey }: { request: CreateAppointmentRequest; idempotencyKey: string }): Promise<AppointmentDetail> {
  const body = parsed(createAppointmentRequestSchema.safeParse(request));
  const { appointment } = await bffClient.request({
    method: 'POST',
    path: '/appointments',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
    responseSchema: appointmentResponseSchema,
  });
  return appointment;
}

export async function listAppointments(scope: AppointmentScope): Promise<AppointmentSummary[]> {
  return (await bffClient.request({ path: '/appointments', query: { scope }, responseSchema: appointmentListResponseSchema })).items;
}

export async function fetchAppointment(id: string): Promise<AppointmentDetail> {
  return (await bffClient.request({ path: `/appointments/${path(id)}`, responseSchema: appointmentResponseSchema })).appointment;
}

export function fetchQueuePosition(id: string): Promise<QueuePositionResponse> {
  return bffClient.request({ path: `/appointments/${path(id)}/queue`, responseSchema: queuePositionResponseSchema });
}

export async function cancelAppointment({ id, reason, idempotencyKey }: { id: string; reason?: string; idempotencyKey: string }): Promise<AppointmentDetail> {
  const body = parsed(cancelAppointmentRequestSchema.safeParse({ reason }));
  const { appointment } = await bffClient.request({
    method: 'POST',
    path: `/appointments/${path(id)}/cancel`,
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
    responseSchema: appointmentResponseSchema,
  });
  return appointment;
}

export async function rescheduleAppointment({ id, slotId }: { id: string; slotId: string }): Promise<AppointmentDetail> {
  const body = parsed(rescheduleAppointmentRequestSchema.safeParse({ slotId }));
  return (await bffClient.request({ method: 'POST', path: `/appointments/${path(id)}/reschedule`, body, responseSchema: appointmentResponseSchema })).appointment;
}

export async function rateAppointment({ id, rating }: { id: string; rating: RateAppointmentRequest }): Promise<RatingView> {
  const body = parsed(rateAppointmentRequestSchema.safeParse(rating));
  return (await bffClient.request({ method: 'POST', path: `/appointments/${path(id)}/rating`, body, responseSchema: rateAppointmentResponseSchema })).rating;
}

export function fetchBookingStatus(): Promise<BookingStatusResponse> {
  return bffClient.request({ path: '/me/booking-status', responseSchema: bookingStatusResponseSchema });
}

const bookingEvents: readonly NotificationEvent[] = ['BOOKING_CONFIRMED', 'BOOKING_REMINDER', 'BOOKING_CALLED', 'BOOKING_CANCELLED_BY_HALL', 'PRE_REVIEW_RESULT'];

/** The subscribe-message template ids carrying the booking events (asked for at booking). */
export async function fetchBookingTemplateIds(): Promise<string[]> {
  const { templates } = await bffClient.request({ path: '/notifications/subscriptions', responseSchema: subscriptionsResponseSchema });
  return templates.filter((template) => template.events.some((event) => bookingEvents.includes(event))).map((template) => template.templateId).slice(0, 3);
}
