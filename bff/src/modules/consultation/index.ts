import type { AppRouter } from '../../platform/http/router';
import type { ConsultationDeps } from './deps';
import { consultationRoutes } from './routes';
import { staffConsultationRoutes } from './staff-routes';

/** Public consultations (意见征集) and the feedback on adopted opinions (采纳情况反馈). */
export type { ConsultationDeps } from './deps';
export { closeDueConsultations, consultationScheduledJobs, openDueConsultations, runConsultationLifecycle } from './jobs';

export function consultationRouters(deps: ConsultationDeps): AppRouter[] {
  return [consultationRoutes(deps), staffConsultationRoutes(deps)];
}
