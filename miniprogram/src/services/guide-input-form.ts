import type { GuideInput } from '@govpocket/shared';

export { guideDetailToInput } from '@govpocket/shared';

export type GuideMaterialInput = GuideInput['materials'][number];

export function blankMaterial(): GuideMaterialInput {
  return { name: '', form: 'ORIGINAL', copies: 1, isRequired: true, condition: null, note: null, source: 'APPLICANT', isElectronicAccepted: false, blankFormUrl: null, sampleUrl: null };
}

/** Moves the entry at `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveEntry<T>(list: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}

/** "a、b，c" → ['a', 'b', 'c']: how list fields are typed in one line. */
export function splitList(text: string): string[] {
  return text.split(/[,，、;；\n]/).map((part) => part.trim()).filter((part) => part.length > 0);
}
