import type { NotificationEvent } from '@govpocket/db';

/**
 * What each event carries. Producers write these in their transaction; the in-app renderer and the
 * subscribe-message field maps read them. Payloads are flat (scalar values only), so a field map in
 * the NotificationTemplate table can name any value by its key. Instants may be given as Date or
 * ISO string and are stored as ISO strings; money is in fen.
 */
type Instant = Date | string;

/** Every payload may name the mini-program page to open, built with `pageLinks` of @govpocket/shared (e.g. `booking/detail/index?id=…`). */
type Common = { link?: string };

type Letter = { letterId: string; letterNo: string; subject: string };

export type NotificationPayloads = {
  /** bookingNo is the appointment's 6-digit 签到码 (the key keeps its name: template field maps name it). */
  BOOKING_CONFIRMED: Common & { appointmentId: string; itemName: string; hallName: string; slotStart: Instant; bookingNo: string; remark?: string };
  BOOKING_REMINDER: Common & { appointmentId: string; itemName: string; hallName: string; slotStart: Instant; remark?: string };
  BOOKING_CALLED: Common & { appointmentId: string; itemName: string; ticketNo: string; windowName: string; calledAt: Instant };
  BOOKING_CANCELLED_BY_HALL: Common & { appointmentId: string; itemName: string; hallName: string; slotStart: Instant; reason: string };
  BOOKING_PAUSED: Common & { pausedUntil: Instant; reason: string };
  /** resultText is a short Chinese phrase such as 预审通过 / 需要补正 (≤ 5 characters reach WeChat). */
  PRE_REVIEW_RESULT: Common & { appointmentId: string; itemName: string; resultText: string; comment?: string; reviewedAt: Instant };
  FEE_ORDER_ISSUED: Common & { feeOrderId: string; itemName: string; amountFen: number; orderNo: string; issuedAt: Instant; dueAt?: Instant };
  PAYMENT_SUCCEEDED: Common & { feeOrderId: string; itemName: string; amountFen: number; paidAt: Instant };
  PAYMENT_REFUNDED: Common & { feeOrderId: string; itemName: string; amountFen: number; refundedAt: Instant };
  RATING_REQUEST: Common & { appointmentId: string; itemName: string; hallName: string };
  RATING_FOLLOW_UP_CREATED: Common & { ratingId: string; itemName: string; hallName: string; score: number };
  LETTER_ACCEPTED: Common & Letter & { acceptedAt: Instant; dueAt: Instant };
  LETTER_NOT_ACCEPTED: Common & Letter & { reason: string; decidedAt: Instant };
  LETTER_ASSIGNED: Common & Letter & { departmentName: string; dueAt: Instant };
  LETTER_RETURNED: Common & Letter & { departmentName: string; reason: string; returnedAt: Instant };
  LETTER_REPLY_SUBMITTED: Common & Letter & { departmentName: string; submittedAt: Instant };
  LETTER_REPLIED: Common & Letter & { departmentName: string; repliedAt: Instant };
  LETTER_EXTENDED: Common & Letter & { newDueAt: Instant; reason: string; extendedAt: Instant };
  LETTER_SUPPLEMENT_REQUESTED: Common & Letter & { request: string; requestedAt: Instant };
  LETTER_DEADLINE_WARNING: Common & Letter & { dueAt: Instant };
  LETTER_OVERDUE: Common & Letter & { dueAt: Instant };
  /** To the handling department: the office sent the drafted reply back with its comment. */
  LETTER_SENT_BACK: Common & Letter & { comment: string; sentBackAt: Instant };
  /** To the office: a department asks for more time. */
  LETTER_EXTENSION_REQUESTED: Common & Letter & { departmentName: string; days: number; reason: string; requestedAt: Instant };
  /** To whoever waits for it (office before acceptance, the department after): the resident answered. */
  LETTER_SUPPLEMENTED: Common & Letter & { answeredAt: Instant };
  /** To the resident: the letter and its reply are now in 信件选登. */
  LETTER_PUBLISHED: Common & Letter & { publishedAt: Instant };
  /** outcomeText: 已采纳 / 部分采纳 / 未采纳 / 已合并. */
  OPINION_OUTCOME_PUBLISHED: Common & { consultationId: string; consultationTitle: string; outcomeText: string; publishedAt: Instant };
  GUIDE_ERROR_REPORTED: Common & { reportId: string; itemName: string };
  GUIDE_ERROR_ANSWERED: Common & { reportId: string; itemName: string; answer: string };
};

/** A payload as stored in OutboxEvent.payload and read back by the worker. */
export type StoredPayload = Record<string, string | number | boolean | null>;

type PayloadInput = Record<string, string | number | boolean | null | Date | undefined>;

/** Dates become ISO strings and absent fields disappear, so the stored JSON reads back the same. */
export function toStoredPayload(payload: PayloadInput): StoredPayload {
  const stored: StoredPayload = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    stored[key] = value instanceof Date ? value.toISOString() : value;
  }
  return stored;
}

/** The worker's view of a stored payload: only scalar values, whatever the JSON column holds. */
export function readStoredPayload(json: unknown): StoredPayload {
  const stored: StoredPayload = {};
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return stored;
  for (const [key, value] of Object.entries(json)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') stored[key] = value;
  }
  return stored;
}

export type PayloadOf<E extends NotificationEvent> = NotificationPayloads[E];
