import {
  idempotencyKeyHeader,
  letterLookupResponseSchema,
  letterReceiptResponseSchema,
  letterStatsResponseSchema,
  mailboxListResponseSchema,
  myLettersResponseSchema,
  publicLetterListResponseSchema,
  publishPreviewResponseSchema,
  residentLetterResponseSchema,
  staffLetterListResponseSchema,
  staffLetterResponseSchema,
  type LetterLookupResponse,
  type LetterReceipt,
  type LetterSatisfaction,
  type LetterStatsResponse,
  type LetterSummary,
  type LetterType,
  type MailboxView,
  type PublicLetterListResponse,
  type PublishPreview,
  type PublishPreviewResponse,
  type ResidentLetter,
  type StaffLetter,
  type StaffLetterListResponse,
  type SubmitLetterRequest,
} from '@govpocket/shared';
import { bffClient, ignoreResponseBody } from './api-client';

/** 领导信箱: writing, following and rating letters; the public side; the staff side. */

const path = (value: string): string => encodeURIComponent(value);

export async function fetchMailboxes(): Promise<MailboxView[]> {
  return (await bffClient.request({ path: '/mailboxes', responseSchema: mailboxListResponseSchema })).mailboxes;
}

/** The caller keeps `idempotencyKey` for the draft, so a retry after a lost answer is the same letter. */
export async function submitLetter(input: SubmitLetterRequest, idempotencyKey: string): Promise<LetterReceipt> {
  return (await bffClient.request({ method: 'POST', path: '/letters', body: input, headers: { [idempotencyKeyHeader]: idempotencyKey }, responseSchema: letterReceiptResponseSchema })).letter;
}

export async function fetchMyLetters(): Promise<LetterSummary[]> {
  return (await bffClient.request({ path: '/letters', responseSchema: myLettersResponseSchema })).letters;
}

export async function fetchMyLetter(id: string): Promise<ResidentLetter> {
  return (await bffClient.request({ path: `/letters/${path(id)}`, responseSchema: residentLetterResponseSchema })).letter;
}

export async function rateLetter(id: string, input: { satisfaction: LetterSatisfaction; comment?: string }): Promise<ResidentLetter> {
  return (await bffClient.request({ method: 'POST', path: `/letters/${path(id)}/rating`, body: input, responseSchema: residentLetterResponseSchema })).letter;
}

export async function answerSupplement(id: string, response: string): Promise<ResidentLetter> {
  return (await bffClient.request({ method: 'POST', path: `/letters/${path(id)}/supplement`, body: { response }, responseSchema: residentLetterResponseSchema })).letter;
}

export async function lookupLetter(input: { trackingCode: string; phoneLast4: string }): Promise<LetterLookupResponse['letter']> {
  return (await bffClient.request({ method: 'POST', path: '/letters/lookup', body: input, responseSchema: letterLookupResponseSchema })).letter;
}

export function fetchPublicLetters(query: { type?: LetterType; month?: string; cursor?: string }): Promise<PublicLetterListResponse> {
  return bffClient.request({ path: '/public/letters', query, responseSchema: publicLetterListResponseSchema });
}

export function fetchLetterStats(query: { period: 'month' | 'quarter'; value: string }): Promise<LetterStatsResponse> {
  return bffClient.request({ path: '/public/letter-stats', query, responseSchema: letterStatsResponseSchema });
}

// ─── staff ───

export type OfficeView = 'inbox' | 'review' | 'open' | 'closed';

export function fetchOfficeLetters(officeId: string, view: OfficeView, cursor?: string): Promise<StaffLetterListResponse> {
  return bffClient.request({ path: `/staff/offices/${path(officeId)}/letters`, query: { view, cursor }, responseSchema: staffLetterListResponseSchema });
}

export function fetchOfficeOverdue(officeId: string): Promise<StaffLetterListResponse> {
  return bffClient.request({ path: `/staff/offices/${path(officeId)}/overdue`, responseSchema: staffLetterListResponseSchema });
}

export function fetchDepartmentLetters(departmentId: string, cursor?: string): Promise<StaffLetterListResponse> {
  return bffClient.request({ path: `/staff/departments/${path(departmentId)}/letters`, query: { cursor }, responseSchema: staffLetterListResponseSchema });
}

export async function fetchStaffLetter(id: string): Promise<StaffLetter> {
  return (await bffClient.request({ path: `/staff/letters/${path(id)}`, responseSchema: staffLetterResponseSchema })).letter;
}

/** One office or department action on a letter (accept, assign, reply …); answers the letter as it now is. */
export async function actOnLetter(id: string, action: string, body: object = {}): Promise<StaffLetter> {
  return (await bffClient.request({ method: 'POST', path: `/staff/letters/${path(id)}/${action}`, body, responseSchema: staffLetterResponseSchema })).letter;
}

export async function returnLetter(id: string, reason: string): Promise<void> {
  await bffClient.request({ method: 'POST', path: `/staff/letters/${path(id)}/return`, body: { reason }, responseSchema: ignoreResponseBody });
}

/** The public copy (masked, or as the office edited it) and whether it is published or was withdrawn. */
export async function fetchPublishPreview(id: string): Promise<PublishPreviewResponse> {
  return bffClient.request({ path: `/staff/letters/${path(id)}/publish-preview`, responseSchema: publishPreviewResponseSchema });
}

/** The office's own public title, body and reply; the resident's original stays as written. */
export async function savePublicText(id: string, text: PublishPreview): Promise<PublishPreviewResponse> {
  return bffClient.request({ method: 'PUT', path: `/staff/letters/${path(id)}/public-text`, body: text, responseSchema: publishPreviewResponseSchema });
}

export async function withdrawPublication(id: string, reason: string): Promise<PublishPreviewResponse> {
  return bffClient.request({ method: 'POST', path: `/staff/letters/${path(id)}/withdraw-publication`, body: { reason }, responseSchema: publishPreviewResponseSchema });
}
export async function publishLetter(id: string): Promise<PublishPreviewResponse> {
  return bffClient.request({ method: 'POST', path: `/staff/letters/${path(id)}/publish`, body: {}, responseSchema: publishPreviewResponseSchema });
}
