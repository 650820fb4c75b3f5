import {
  callNextResponseSchema,
  checkInRequestSchema,
  completeRequestSchema,
  followUpResponseSchema,
  hallCancelRequestSchema,
  hallCancelResponseSchema,
  hallFollowUpsResponseSchema,
  resolveFollowUpRequestSchema,
  reviewPreReviewRequestSchema,
  reviewPreReviewResponseSchema,
  staffAppointmentResponseSchema,
  staffDayResponseSchema,
  staffPreReviewsResponseSchema,
  staffWindowsResponseSchema,
  transferRequestSchema,
  tripStatsResponseSchema,
  type CallNextResponse,
  type HallCancelResponse,
  type HallFollowUp,
  type PreReviewStatus,
  type StaffAppointment,
  type StaffDayResponse,
  type StaffPreReview,
  type TripStatsResponse,
} from '@govpocket/shared';
import { bffClient } from './api-client';
import { ApiError } from './api-error';

/** The window staff's day in one hall: every call is scoped to that hall by the BFF. */

export type StaffWindow = { id: string; code: string; name: string; isActive: boolean };
export type ServingAction = 'serve' | 'complete' | 'no-show';

const hallPath = (hallId: string): string => `/staff/halls/${encodeURIComponent(hallId)}`;

function valid<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T {
  if (!result.success) throw new ApiError('VALIDATION_FAILED', result.error.issues[0]?.message ?? '请检查填写的内容');
  return result.data;
}

export function fetchStaffDay(hallId: string): Promise<StaffDayResponse> {
  return bffClient.request({ path: `${hallPath(hallId)}/appointments`, responseSchema: staffDayResponseSchema });
}

export async function fetchStaffWindows(hallId: string): Promise<StaffWindow[]> {
  return (await bffClient.request({ path: `${hallPath(hallId)}/windows`, responseSchema: staffWindowsResponseSchema })).windows;
}

/** The 6-digit code or the scanned QR payload. */
export async function checkIn({ hallId, code }: { hallId: string; code: string }): Promise<StaffAppointment> {
  const body = valid(checkInRequestSchema.safeParse({ code }));
  return (await bffClient.request({ method: 'POST', path: `${hallPath(hallId)}/check-in`, body, responseSchema: staffAppointmentResponseSchema })).appointment;
}

export function callNext({ hallId, windowId }: { hallId: string; windowId: string }): Promise<CallNextResponse> {
  return bffClient.request({ method: 'POST', path: `${hallPath(hallId)}/windows/${encodeURIComponent(windowId)}/call-next`, responseSchema: callNextResponseSchema });
}

/** 开始办理 / 办结 / 未到 for the appointment at the window. */
export async function advanceAppointment({ hallId, appointmentId, action }: { hallId: string; appointmentId: string; action: ServingAction }): Promise<StaffAppointment> {
  const body = action === 'complete' ? completeRequestSchema.parse({}) : undefined;
  return (
    await bffClient.request({
      method: 'POST',
      path: `${hallPath(hallId)}/appointments/${encodeURIComponent(appointmentId)}/${action}`,
      body,
      responseSchema: staffAppointmentResponseSchema,
    })
  ).appointment;
}

export async function transferAppointment({ hallId, appointmentId, windowId }: { hallId: string; appointmentId: string; windowId: string }): Promise<StaffAppointment> {
  const body = valid(transferRequestSchema.safeParse({ windowId }));
  return (
    await bffClient.request({
      method: 'POST',
      path: `${hallPath(hallId)}/appointments/${encodeURIComponent(appointmentId)}/transfer`,
      body,
      responseSchema: staffAppointmentResponseSchema,
    })
  ).appointment;
}

export async function fetchPreReviews({ hallId, status }: { hallId: string; status?: PreReviewStatus }): Promise<StaffPreReview[]> {
  return (await bffClient.request({ path: `${hallPath(hallId)}/pre-reviews`, query: { status }, responseSchema: staffPreReviewsResponseSchema })).items;
}

export async function reviewPreReview({ hallId, fileId, status, comment }: { hallId: string; fileId: string; status: 'PASSED' | 'NEEDS_CORRECTION'; comment?: string }): Promise<StaffPreReview> {
  const body = valid(reviewPreReviewRequestSchema.safeParse({ status, comment: comment?.trim() ? comment : undefined }));
  return (await bffClient.request({ method: 'POST', path: `${hallPath(hallId)}/pre-reviews/${encodeURIComponent(fileId)}`, body, responseSchema: reviewPreReviewResponseSchema })).file;
}

export async function fetchFollowUps(hallId: string): Promise<HallFollowUp[]> {
  return (await bffClient.request({ path: `${hallPath(hallId)}/follow-ups`, responseSchema: hallFollowUpsResponseSchema })).items;
}

export async function resolveFollowUp({ hallId, id, status, note }: { hallId: string; id: string; status: 'FIXED' | 'EXPLAINED'; note: string }): Promise<HallFollowUp> {
  const body = valid(resolveFollowUpRequestSchema.safeParse({ status, note }));
  return (await bffClient.request({ method: 'POST', path: `${hallPath(hallId)}/follow-ups/${encodeURIComponent(id)}`, body, responseSchema: followUpResponseSchema })).followUp;
}

/** 大厅取消: one booking, a whole slot, or the whole day; the BFF notifies every resident affected. */
export type HallCancelTarget = { kind: 'APPOINTMENT'; appointmentId: string } | { kind: 'SLOT'; slotId: string } | { kind: 'DAY'; date: string };

function cancelPath(target: HallCancelTarget): string {
  switch (target.kind) {
    case 'APPOINTMENT':
      return `/appointments/${encodeURIComponent(target.appointmentId)}/cancel`;
    case 'SLOT':
      return `/slots/${encodeURIComponent(target.slotId)}/cancel`;
    case 'DAY':
      return `/days/${encodeURIComponent(target.date)}/cancel`;
  }
}

export function cancelByHall({ hallId, target, reason }: { hallId: string; target: HallCancelTarget; reason: string }): Promise<HallCancelResponse> {
  const body = valid(hallCancelRequestSchema.safeParse({ reason }));
  return bffClient.request({ method: 'POST', path: `${hallPath(hallId)}${cancelPath(target)}`, body, responseSchema: hallCancelResponseSchema });
}

/** 办件跑动统计: actual vs promised on-site trips per item. */
export function fetchTripStats(hallId: string): Promise<TripStatsResponse> {
  return bffClient.request({ path: `${hallPath(hallId)}/trip-stats`, responseSchema: tripStatsResponseSchema });
}
