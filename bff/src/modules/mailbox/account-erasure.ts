import type { Prisma } from '@govpocket/db';
import { findLetterTextsOfResident, saveLetterTexts, type ResidentLetterTexts } from './erasure-repository';
import { maskLetterTexts } from './publish-masking';
import { applyLetterTransition } from './transitions';

/**
 * A resident deletes the account (PIPL): the letters stay on record for the statistics and the
 * departments' files, but anonymously (个人信息被清除). In the caller's deletion transaction, every
 * text of each letter (title, body, rating comment, supplements, replies, the public copy) is
 * replaced by its masked form, with the names any of them reveals (or the registered name) masked
 * in all of them; a letter still on 信件选登 is withdrawn (a letter event with its audit, reason
 * 来信人已注销账号).
 */
export const accountDeletedReason = '来信人已注销账号';

const titleLength = 64;
const fitTitle = (title: string): string => [...title].slice(0, titleLength).join('');

function maskedTexts(letter: ResidentLetterTexts, knownNames: readonly string[]) {
  const texts = [
    letter.title, letter.body, letter.satisfactionComment, letter.publicTitle, letter.publicBody, letter.publicReply,
    ...letter.supplements.flatMap((supplement) => [supplement.request, supplement.response]),
    ...letter.replies.map((reply) => reply.body),
  ];
  const masked = maskLetterTexts(texts, knownNames);
  const at = (index: number): string | null => masked[index] ?? null;
  const supplementsStart = 6;
  const repliesStart = supplementsStart + letter.supplements.length * 2;
  return {
    letter: {
      title: fitTitle(at(0) ?? ''), body: at(1) ?? '', satisfactionComment: at(2),
      publicTitle: at(3) === null ? null : fitTitle(at(3) ?? ''), publicBody: at(4), publicReply: at(5),
    },
    supplements: letter.supplements.map((supplement, index) => ({ id: supplement.id, request: at(supplementsStart + index * 2) ?? '', response: at(supplementsStart + index * 2 + 1) })),
    replies: letter.replies.map((reply, index) => ({ id: reply.id, body: at(repliesStart + index) ?? '' })),
  };
}

export async function anonymiseLettersOfDeletedResident(
  tx: Prisma.TransactionClient,
  { residentId, knownNames, now, requestId }: { residentId: string; knownNames: readonly string[]; now: Date; requestId: string },
): Promise<{ anonymised: number; withdrawn: number }> {
  const letters = await findLetterTextsOfResident(tx, residentId);
  let withdrawn = 0;
  for (const letter of letters) {
    if (letter.isPublished && letter.status === 'CLOSED') {
      await applyLetterTransition(tx, {
        letterId: letter.id, action: 'UNPUBLISH', actor: { type: 'RESIDENT', userId: residentId, role: 'RESIDENT' }, reason: accountDeletedReason, requestId,
        patch: { isPublished: false, publicWithdrawnAt: now, publicWithdrawnReason: accountDeletedReason },
      });
      withdrawn += 1;
    }
    await saveLetterTexts(tx, letter.id, maskedTexts(letter, knownNames));
  }
  return { anonymised: letters.length, withdrawn };
}
