import { readPersonal } from '@govpocket/db';
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
    residentLabel: residentLabel(row.residentId, row.resident.phoneEncrypted),
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

function residentLabel(residentId: string, phoneEncrypted: string | null): string {
  // An unreadable blob (another row's copy, a retired key) shows as no phone, never as an error.
  const phone = readPersonal(phoneEncrypted, { field: 'User.phoneEncrypted', rowId: residentId });
  return phone ? `居民（尾号${phone.slice(-4)}）` : '居民';
}
