import { useRoleGate } from './use-role-gate';

export type StaffHall = { hallId: string; hallName: string };

const windowStaff = ['WINDOW_STAFF'] as const;

/** The hall a window staff member works in: the scope of their WINDOW_STAFF grant. */
export function useStaffHall(): StaffHall | null {
  const gate = useRoleGate(windowStaff);
  if (gate.access !== 'allowed') return null;
  const grant = gate.grants.find((candidate) => candidate.scopeType === 'HALL' && candidate.scopeId);
  return grant?.scopeId ? { hallId: grant.scopeId, hallName: grant.scopeName ?? '' } : null;
}
