import { useRef, useState } from 'react';
import type { AppointmentDetail, Checklist } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { bookAppointment, fetchBookingStatus, fetchBookingTemplateIds, newIdempotencyKey } from '@/services/booking-service';
import { fetchChecklist } from '@/services/guide-service';
import { useReloadOnReturn } from './use-reload-on-return';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';
import { useSubscribePrompt } from './use-subscribe-prompt';

export type BookingConfirmation = {
  checklist: RemoteData<Checklist>;
  /** Why the resident cannot book now (paused, too many active bookings), or null. */
  blockedMessage: string | null;
  isSubmitting: boolean;
  errorMessage: string | null;
  /** The tap handler: subscribe prompt first (WeChat needs it straight from the tap), then book. */
  submit: () => Promise<AppointmentDetail | null>;
};

export function useBookAppointment({
  itemCode,
  slotId,
  preReviewFileIds = [],
}: {
  itemCode: string;
  slotId: string;
  /** Pre-review photos already uploaded (purpose PRE_REVIEW), one entry per photo. */
  preReviewFileIds?: { materialId: string; fileId: string }[];
}): BookingConfirmation {
  const { session } = useSession();
  const sessionKey = session ? session.token : null;
  const checklist = useRemoteData(sessionKey && itemCode ? `checklist:${itemCode}:${sessionKey}` : null, () => fetchChecklist(itemCode));
  const status = useRemoteData(sessionKey ? `booking-status:${sessionKey}` : null, fetchBookingStatus);
  // Back from the checklist page: show the ticks the resident just made.
  useReloadOnReturn(checklist.reload);
  const templates = useRemoteData(sessionKey ? `templates:${sessionKey}` : null, fetchBookingTemplateIds);
  const subscribe = useSubscribePrompt(templates.state.status === 'ready' ? templates.state.data : []);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  // One key per submission attempt: kept after a failure so that "再试一次" cannot book twice. A
  // retry with other photos or ticks is a new request (the BFF refuses a reused key), so a new key.
  const pending = useRef<{ key: string; fingerprint: string } | null>(null);

  const submit = async (): Promise<AppointmentDetail | null> => {
    await subscribe.prompt();
    if (isSubmitting) return null;
    setIsSubmitting(true);
    setErrorMessage(null);
    try {
      const checkedMaterialIds = checklist.state.status === 'ready' ? checklist.state.data.materials.filter((material) => material.isChecked).map((material) => material.id) : [];
      const request = {
        itemCode,
        slotId,
        materialChecklist: checkedMaterialIds.length > 0 ? { checkedMaterialIds } : undefined,
        preReviewFileIds: preReviewFileIds.length > 0 ? preReviewFileIds : undefined,
      };
      const fingerprint = JSON.stringify(request);
      if (pending.current?.fingerprint !== fingerprint) pending.current = { key: newIdempotencyKey(), fingerprint };
      const appointment = await bookAppointment({ request, idempotencyKey: pending.current.key });
      pending.current = null;
      return appointment;
    } catch (error) {
      setErrorMessage(describeError(error));
      return null;
    } finally {
      setIsSubmitting(false);
    }
  };

  const blockedMessage = status.state.status === 'ready' && !status.state.data.canBook ? (status.state.data.message ?? '暂时无法预约') : null;
  return { checklist: checklist.state, blockedMessage, isSubmitting, errorMessage, submit };
}
