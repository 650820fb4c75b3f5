import type { ConsultationDetail, MyOpinion } from '@govpocket/shared';
import { fetchConsultation, fetchMyOpinions } from '@/services/consultation-service';
import { useReloadOnReturn } from './use-reload-on-return';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';

export type ConsultationDetailView = { consultation: RemoteData<ConsultationDetail>; myOpinions: RemoteData<MyOpinion[]> };

/** The draft with its sections, and (signed in) the resident's own opinions on it with their outcome. */
export function useConsultationDetail(id: string): ConsultationDetailView {
  const { isSignedIn } = useSession();
  const consultation = useRemoteData(id ? `consultation:${id}` : null, () => fetchConsultation(id));
  const myOpinions = useRemoteData(id && isSignedIn ? `my-opinions:${id}` : null, () => fetchMyOpinions(id));
  useReloadOnReturn(() => {
    consultation.reload();
    myOpinions.reload();
  });
  return { consultation: consultation.state, myOpinions: myOpinions.state };
}
