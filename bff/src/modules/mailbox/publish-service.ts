import type { PublishPreview, SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { MailboxDeps } from './deps';
import { findPublicationSource } from './public-repository';
import { notifyResident } from './notices';
import { maskForPublication } from './publish-masking';
import { findLetterForAccess, type LockedLetter } from './repository';
import { officeActor } from './staff-access';
import { applyLetterTransition } from './transitions';

/**
 * 信件选登: the office publishes a closed letter whose writer agreed, after checking the masked
 * preview. 举报 letters, letters without consent and letters whose text never passed content
 * safety are never published. The public copies are stored masked; the originals never leave.
 */
export async function previewPublication(deps: MailboxDeps, { user, letterId }: { user: SessionUser; letterId: string }): Promise<PublishPreview> {
  const letter = await findLetterForAccess(deps.prisma, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  officeActor(user, letter.ownerDepartmentId);
  return buildPreview(deps, letterId);
}

async function buildPreview(deps: MailboxDeps, letterId: string): Promise<PublishPreview> {
  const source = await findPublicationSource(deps.prisma, letterId);
  if (!source) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const names = source.resident.nickname ? [source.resident.nickname] : [];
  return { title: maskForPublication(source.title, names), body: maskForPublication(source.body, names), reply: source.replies[0] ? maskForPublication(source.replies[0].body, names) : null };
}

function assertPublishable(row: LockedLetter): void {
  if (row.type === 'REPORT') throw new AppError('ILLEGAL_TRANSITION', { message: '举报类来信不公开' });
  if (!row.isPublishAgreed) throw new AppError('ILLEGAL_TRANSITION', { message: '来信人未同意公开，不能公开' });
  if (row.isPublished) throw new AppError('ILLEGAL_TRANSITION', { message: '该来信已公开' });
  if (row.contentCheckStatus === 'PENDING' || row.contentCheckStatus === 'RISKY') throw new AppError('ILLEGAL_TRANSITION', { message: '来信内容尚未通过安全检测，暂不能公开' });
}

export async function publishLetter(deps: MailboxDeps, { user, letterId, requestId }: { user: SessionUser; letterId: string; requestId: string }): Promise<PublishPreview> {
  const letter = await findLetterForAccess(deps.prisma, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  const actor = officeActor(user, letter.ownerDepartmentId);
  const preview = await buildPreview(deps, letterId);
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter: published } = await applyLetterTransition(tx, {
      letterId, action: 'PUBLISH', actor, requestId,
      guard: (row) => {
        if (row.status === 'CLOSED') assertPublishable(row);
      },
      patch: { isPublished: true, publishedAt: now, publishedById: actor.userId, publicTitle: preview.title, publicBody: preview.body, publicReply: preview.reply },
    });
    await notifyResident(tx, { letter: published, residentId: published.residentId, event: 'LETTER_PUBLISHED', extra: { publishedAt: now }, tag: 'publish' });
  });
  return preview;
}
