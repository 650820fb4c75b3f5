import type { Prisma } from '@govpocket/db';

/** Every text of a resident's letters that the resident wrote or that answers them. */
export async function findLetterTextsOfResident(tx: Prisma.TransactionClient, residentId: string) {
  return tx.letter.findMany({
    where: { residentId },
    select: {
      id: true, status: true, isPublished: true, title: true, body: true, satisfactionComment: true, publicTitle: true, publicBody: true, publicReply: true,
      supplements: { select: { id: true, request: true, response: true } },
      replies: { select: { id: true, body: true } },
    },
    orderBy: { id: 'asc' },
  });
}
export type ResidentLetterTexts = Awaited<ReturnType<typeof findLetterTextsOfResident>>[number];

export async function saveLetterTexts(
  tx: Prisma.TransactionClient,
  letterId: string,
  { letter, supplements, replies }: { letter: Prisma.LetterUncheckedUpdateInput; supplements: { id: string; request: string; response: string | null }[]; replies: { id: string; body: string }[] },
): Promise<void> {
  await tx.letter.update({ where: { id: letterId }, data: letter });
  for (const supplement of supplements) await tx.letterSupplement.update({ where: { id: supplement.id }, data: { request: supplement.request, response: supplement.response } });
  for (const reply of replies) await tx.letterReply.update({ where: { id: reply.id }, data: { body: reply.body } });
}
