import { openChecklist } from '@/navigation/guide-routes';
import { openPage, routes } from '@/navigation/routes';

/** Where the booking pages lead. */

export function openChecklistFromBooking(itemCode: string): void {
  openChecklist(itemCode, '');
}

export function openAppointment(id: string): void {
  openPage(routes.appointmentDetail, { id });
}

export function openReschedule({ itemCode, appointmentId }: { itemCode: string; appointmentId: string }): void {
  openPage(routes.booking, { code: itemCode, rescheduleId: appointmentId });
}
