import { useRef, useState } from 'react';
import type { Checklist } from '@govpocket/shared';
import { describeError } from '@/services/error-message';
import { fetchChecklist, saveChecklist } from '@/services/guide-service';
import { useRemoteData, type RemoteData } from './use-remote-data';
import { useSession } from './use-session';

export type ChecklistView = {
  /** idle while signed out: the page asks the resident to log in. */
  checklist: RemoteData<Checklist>;
  reload: () => void;
  /** Ticks or unticks one material; every tick is saved at once. */
  toggle: (materialId: string) => void;
  isSaving: boolean;
  saveError: string | null;
};

/**
 * The materials checklist of one guide for the signed-in resident. A tick shows at once and is
 * saved in order behind earlier ones; the BFF's answer to the last save is what stays.
 */
export function useChecklist(code: string): ChecklistView {
  const { session } = useSession();
  const { state, reload, replace } = useRemoteData(code && session ? `checklist:${code}:${session.token}` : null, () => fetchChecklist(code));
  const [pendingSaves, setPendingSaves] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());
  const saveSeq = useRef(0);

  const toggle = (materialId: string) => {
    if (state.status !== 'ready') return;
    const ticked = withTick(state.data, materialId);
    replace(ticked);
    setSaveError(null);
    const seq = ++saveSeq.current;
    const checkedMaterialIds = ticked.materials.filter((material) => material.isChecked).map((material) => material.id);
    setPendingSaves((count) => count + 1);
    saveQueue.current = saveQueue.current
      .then(() => saveChecklist({ code, checkedMaterialIds }))
      .then(
        (saved) => {
          if (seq === saveSeq.current) replace(saved);
        },
        (error: unknown) => {
          setSaveError(`保存失败：${describeError(error)}`);
          if (seq === saveSeq.current) reload();
        },
      )
      .finally(() => setPendingSaves((count) => count - 1));
  };

  return { checklist: state, reload, toggle, isSaving: pendingSaves > 0, saveError };
}

/** The checklist as it will be once the tick is saved (the BFF answers the same). */
function withTick(checklist: Checklist, materialId: string): Checklist {
  const materials = checklist.materials.map((material) => (material.id === materialId ? { ...material, isChecked: !material.isChecked } : material));
  const missingRequired = materials.filter((material) => material.isRequired && !material.isChecked).map((material) => material.name);
  return { ...checklist, materials, missingRequired, isReady: missingRequired.length === 0 };
}
