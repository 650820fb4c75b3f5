import { useState } from 'react';
import { fetchGuideCatalog } from '@/services/guide-service';
import type { SessionGrant } from '@/session/roles';
import { useRemoteData } from './use-remote-data';

export type DepartmentOption = { id: string; name: string };

export type DepartmentChoice = { options: DepartmentOption[]; selectedId: string | null; select: (id: string) => void };

/**
 * The departments a staff member works for: the scopes of their department grants, or every
 * department when a grant is city-wide (scopeId null).
 */
export function useDepartmentChoice(grants: readonly SessionGrant[]): DepartmentChoice {
  const isCityWide = grants.some((grant) => grant.scopeId === null);
  const catalog = useRemoteData(isCityWide ? 'guide-catalog' : null, fetchGuideCatalog);
  const scoped = grants.flatMap((grant) => (grant.scopeId ? [{ id: grant.scopeId, name: grant.scopeName ?? grant.scopeId }] : []));
  const fromCatalog = catalog.state.status === 'ready' ? catalog.state.data.departments.map(({ id, name }) => ({ id, name })) : [];
  const options = [...scoped, ...fromCatalog.filter((department) => !scoped.some((own) => own.id === department.id))];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const selectedId = chosenId && options.some((option) => option.id === chosenId) ? chosenId : (options[0]?.id ?? null);
  return { options, selectedId, select: setChosenId };
}
