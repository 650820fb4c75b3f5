import { useState } from 'react';
import type { ConsultationListResponse, ConsultationPhase } from '@govpocket/shared';
import { fetchConsultations } from '@/services/consultation-service';
import { useRemoteData, type RemoteData } from './use-remote-data';

export type ConsultationList = {
  phase: ConsultationPhase;
  setPhase: (phase: ConsultationPhase) => void;
  departmentId: string | null;
  setDepartmentId: (id: string | null) => void;
  list: RemoteData<ConsultationListResponse>;
};

/** 意见征集 list: one phase at a time (征集中 / 待反馈 / 已反馈), optionally one department. */
export function useConsultations(initialPhase: ConsultationPhase = 'OPEN'): ConsultationList {
  const [phase, setPhase] = useState<ConsultationPhase>(initialPhase);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const { state } = useRemoteData(`consultations:${phase}:${departmentId ?? ''}`, () => fetchConsultations({ status: phase, departmentId: departmentId ?? undefined }));
  return { phase, setPhase, departmentId, setDepartmentId, list: state };
}
