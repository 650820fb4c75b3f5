import { guideDetailToInput, guideInputSchema, type GuideDetail, type GuideInput } from '@govpocket/shared';

/** Shared with the mini-program's guide editor: the editable form of a guide as shown. */
export { guideDetailToInput };


/** The content a version is made of: halls and life events as sets, the change note left out. */
function contentKey({ changeNote: _note, ...content }: GuideInput): string {
  return JSON.stringify({ ...content, hallIds: [...content.hallIds].sort(), lifeEvents: [...content.lifeEvents].sort() });
}

/**
 * True when saving `input` (already parsed by guideInputSchema) would change nothing in `current`:
 * both sides go through the schema, so trimming and defaults never count as a change.
 */
export function isSameGuideContent(current: GuideDetail, input: GuideInput): boolean {
  const normalised = guideInputSchema.safeParse(guideDetailToInput(current));
  return normalised.success && contentKey(normalised.data) === contentKey(input);
}
