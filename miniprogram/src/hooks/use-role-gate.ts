import type { Role, SessionUser } from '@govpocket/shared';
import { grantsFor, type SessionGrant } from '@/session/roles';
import { useSession } from './use-session';

export type RoleGateState =
  | { access: 'signed-out' }
  | { access: 'forbidden'; user: SessionUser }
  | { access: 'allowed'; user: SessionUser; grants: SessionGrant[] };

/**
 * Client-side gate for the staff and admin subpackages. It only decides what to render: the BFF
 * checks role and scope on every staff request.
 */
export function useRoleGate(allowed: readonly Role[]): RoleGateState {
  const { user } = useSession();
  if (!user) return { access: 'signed-out' };
  const grants = grantsFor(user, allowed);
  return grants.length > 0 ? { access: 'allowed', user, grants } : { access: 'forbidden', user };
}
