import {
  consultationDetailSchema,
  consultationListResponseSchema,
  feedbackReportSchema,
  idempotencyKeyHeader,
  myOpinionsResponseSchema,
  myOpinionSchema,
  staffConsultationListResponseSchema,
  staffConsultationSchema,
  type AnswerOpinionRequest,
  type ConsultationDetail,
  type ConsultationInput,
  type ConsultationListResponse,
  type ConsultationPhase,
  type FeedbackReport,
  type MyOpinion,
  type StaffConsultation,
  type StaffConsultationListResponse,
} from '@govpocket/shared';
import { z } from 'zod';
import { bffClient } from './api-client';

/** 意见征集: the resident's reading and commenting, and the department's drafting and answering. */

const path = (value: string): string => encodeURIComponent(value);

export function fetchConsultations(query: { status?: ConsultationPhase; departmentId?: string }): Promise<ConsultationListResponse> {
  return bffClient.request({ path: '/consultations', query, responseSchema: consultationListResponseSchema });
}

export function fetchConsultation(id: string): Promise<ConsultationDetail> {
  return bffClient.request({ path: `/consultations/${path(id)}`, responseSchema: consultationDetailSchema });
}

export async function submitOpinion({ consultationId, sectionId, body, idempotencyKey }: { consultationId: string; sectionId: string | null; body: string; idempotencyKey: string }): Promise<MyOpinion> {
  const answer = await bffClient.request({
    method: 'POST',
    path: `/consultations/${path(consultationId)}/opinions`,
    body: { sectionId, body },
    headers: { [idempotencyKeyHeader]: idempotencyKey },
    responseSchema: z.object({ opinion: myOpinionSchema }),
  });
  return answer.opinion;
}

export async function fetchMyOpinions(consultationId?: string): Promise<MyOpinion[]> {
  return (await bffClient.request({ path: '/me/opinions', query: { consultationId }, responseSchema: myOpinionsResponseSchema })).items;
}

export function fetchFeedbackReport(consultationId: string, version?: number): Promise<FeedbackReport> {
  return bffClient.request({ path: `/consultations/${path(consultationId)}/feedback`, query: { version }, responseSchema: feedbackReportSchema });
}

// ─── staff ───

const staffBase = (departmentId: string) => `/staff/departments/${path(departmentId)}/consultations`;

export function fetchStaffConsultations(departmentId: string): Promise<StaffConsultationListResponse> {
  return bffClient.request({ path: staffBase(departmentId), responseSchema: staffConsultationListResponseSchema });
}

export function fetchStaffConsultation(departmentId: string, id: string): Promise<StaffConsultation> {
  return bffClient.request({ path: `${staffBase(departmentId)}/${path(id)}`, responseSchema: staffConsultationSchema });
}

export function saveConsultation({ departmentId, id, input }: { departmentId: string; id: string | null; input: ConsultationInput }): Promise<StaffConsultation> {
  return bffClient.request({
    method: id ? 'PUT' : 'POST',
    path: id ? `${staffBase(departmentId)}/${path(id)}` : staffBase(departmentId),
    body: input,
    responseSchema: staffConsultationSchema,
  });
}

/** One opinion or a group of similar ones answered alike. */
export function answerOpinions({ departmentId, id, opinionIds, answer }: { departmentId: string; id: string; opinionIds: string[]; answer: AnswerOpinionRequest }): Promise<StaffConsultation> {
  return bffClient.request({ method: 'POST', path: `${staffBase(departmentId)}/${path(id)}/outcomes`, body: { ...answer, opinionIds }, responseSchema: staffConsultationSchema });
}

export function publishFeedback({ departmentId, id, explanation }: { departmentId: string; id: string; explanation: string }): Promise<FeedbackReport> {
  return bffClient.request({ method: 'POST', path: `${staffBase(departmentId)}/${path(id)}/publish`, body: { explanation }, responseSchema: feedbackReportSchema });
}
