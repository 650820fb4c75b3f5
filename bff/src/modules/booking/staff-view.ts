import { decryptPersonal } from '@govpocket/db';
import { appointmentStatusLabels, type StaffAppointment } from '@govpocket/shared';
import type { StaffAppointmentRow } from './staff-repository';

/** An appointment as window staff see it: enough to serve, nothing that names the resident. */
export function toStaffAppointment(row: StaffAppointmentRow, tripNumber: number): StaffAppointment {
  return {
    id: row.id,
    status: row.status,
    statusLabel: appointmentStatusLabels[row.status],
    itemCode: row.item.code,
    itemName: row.item.name,
    residentLabel: residentLabel(row.resident.phoneEncrypted),
    slotId: row.slotId,
    startTime: row.slot.startTime,
    endTime: row.slot.endTime,
    queueNumber: row.queueNumber,
    calledWindow: row.calledWindow,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    pendingPreReviews: row._count.preReviewFiles,
    tripNumber,
  };
}

function residentLabel(phoneEncrypted: string | null): string {
  if (!phoneEncrypted) return '居民';
  try {
    return `居民（尾号${decryptPersonal(phoneEncrypted).slice(-4)}）`;
  } catch {
    return '居民';
  }
}
