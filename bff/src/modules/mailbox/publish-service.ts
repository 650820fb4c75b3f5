import type { EditPublicTextRequest, PublishPreview, PublishPreviewResponse, SessionUser } from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { inTransaction } from '../../platform/db/transaction';
import type { MailboxDeps } from './deps';
import { findPublicationSource, type PublicationSource } from './public-repository';
import { notifyResident } from './notices';
import { maskLetterForPublication, remainingPersonalData } from './publish-masking';
import { findLetterForAccess, type LockedLetter } from './repository';
import { officeActor } from './staff-access';
import { applyLetterTransition } from './transitions';

/**
 * 信件选登: the office publishes a closed letter whose writer agreed, after checking the masked
 * preview, which it may edit (before publication, or after it: the public page follows). 举报
 * letters, letters without consent and letters whose text never passed content safety are never
 * published. Only the public copy is stored masked or edited; the resident's text never changes.
 * A published letter can be withdrawn with a reason. Every step is a letter event with its audit.
 */
type OfficeInput = { user: SessionUser; letterId: string; requestId: string };

async function asOffice(deps: MailboxDeps, { user, letterId }: { user: SessionUser; letterId: string }) {
  const letter = await findLetterForAccess(deps.prisma, letterId);
  if (!letter) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  return { actor: officeActor(user, letter.ownerDepartmentId), letter };
}

async function readSource(deps: MailboxDeps, letterId: string): Promise<PublicationSource> {
  const source = await findPublicationSource(deps.prisma, letterId);
  if (!source) throw new AppError('NOT_FOUND', { message: '来信不存在' });
  return source;
}

/** The automatic masking of the resident's texts, with the names it found. */
function autoMasked(source: PublicationSource) {
  return maskLetterForPublication({ title: source.title, body: source.body, reply: source.replies[0]?.body ?? null }, source.resident.nickname ? [source.resident.nickname] : []);
}

/** What the public sees (or would see): the office's edit when there is one, else the automatic masking. */
function publicCopy(source: PublicationSource): PublishPreview {
  if (source.publicEditedAt && source.publicTitle !== null && source.publicBody !== null) return { title: source.publicTitle, body: source.publicBody, reply: source.publicReply };
  const { title, body, reply } = autoMasked(source);
  return { title, body, reply };
}

function toResponse(source: PublicationSource): PublishPreviewResponse {
  return {
    preview: publicCopy(source),
    publication: {
      isPublished: source.isPublished, isEdited: source.publicEditedAt !== null, publishedAt: source.isPublished ? (source.publishedAt?.toISOString() ?? null) : null,
      withdrawnAt: source.publicWithdrawnAt?.toISOString() ?? null, withdrawnReason: source.publicWithdrawnReason,
    },
  };
}

function assertPublishable(row: LockedLetter): void {
  if (row.type === 'REPORT') throw new AppError('ILLEGAL_TRANSITION', { message: '举报类来信不公开' });
  if (!row.isPublishAgreed) throw new AppError('ILLEGAL_TRANSITION', { message: '来信人未同意公开，不能公开' });
  if (row.contentCheckStatus === 'PENDING' || row.contentCheckStatus === 'RISKY') throw new AppError('ILLEGAL_TRANSITION', { message: '来信内容尚未通过安全检测，暂不能公开' });
}

export async function previewPublication(deps: MailboxDeps, input: { user: SessionUser; letterId: string }): Promise<PublishPreviewResponse> {
  await asOffice(deps, input);
  return toResponse(await readSource(deps, input.letterId));
}

/** What in a public copy is still personal (the kinds the masking covers, and the names the letter reveals). */
function problemsIn(text: PublishPreview, names: readonly string[]): string[] {
  return [...new Set([text.title, text.body, text.reply ?? ''].flatMap((part) => remainingPersonalData(part, names)))];
}

export async function publishLetter(deps: MailboxDeps, input: OfficeInput): Promise<PublishPreviewResponse> {
  const { actor } = await asOffice(deps, input);
  const source = await readSource(deps, input.letterId);
  const copy = publicCopy(source);
  // The same check as an edit: a copy edited before the rules grew, or masked by older rules, is never published as it is.
  const problems = problemsIn(copy, autoMasked(source).names);
  if (problems.length > 0) {
    throw new AppError('CONFLICT', { message: `公开文本中仍有未遮盖的个人信息（${problems.join('、')}），请修改公开文本后再公开`, details: { problems } });
  }
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    const { letter: published } = await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'PUBLISH', actor, requestId: input.requestId,
      guard: (row) => {
        if (row.status !== 'CLOSED') return;
        assertPublishable(row);
        if (row.isPublished) throw new AppError('ILLEGAL_TRANSITION', { message: '该来信已公开' });
      },
      patch: { isPublished: true, publishedAt: now, publishedById: actor.userId, publicTitle: copy.title, publicBody: copy.body, publicReply: copy.reply, publicWithdrawnAt: null, publicWithdrawnReason: null },
    });
    await notifyResident(tx, { letter: published, residentId: published.residentId, event: 'LETTER_PUBLISHED', extra: { publishedAt: now }, tag: `publish-${now.getTime()}` });
  });
  return toResponse(await readSource(deps, input.letterId));
}

/**
 * The office's own public copy. Refused while it still shows a phone, ID number, plate or door
 * number, or one of the names the letter reveals: the office may rephrase, not un-mask.
 */
export async function editPublicText(deps: MailboxDeps, input: OfficeInput & { text: Required<EditPublicTextRequest> }): Promise<PublishPreviewResponse> {
  const { actor } = await asOffice(deps, input);
  const source = await readSource(deps, input.letterId);
  const { names } = autoMasked(source);
  const hasReply = source.replies.length > 0;
  if (hasReply && input.text.reply === null) throw new AppError('VALIDATION_FAILED', { message: '请填写公开的答复内容' });
  const text = { title: input.text.title, body: input.text.body, reply: hasReply ? input.text.reply : null };
  const problems = problemsIn(text, names);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', { message: `公开文本中仍有未遮盖的个人信息（${problems.join('、')}），请遮盖后再保存`, details: { problems } });
  }
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'EDIT_PUBLIC_TEXT', actor, requestId: input.requestId, data: { wasPublished: source.isPublished },
      guard: assertPublishable,
      patch: { publicTitle: text.title, publicBody: text.body, publicReply: text.reply, publicEditedAt: now, publicEditedById: actor.userId },
    });
  });
  return toResponse(await readSource(deps, input.letterId));
}

/** Takes a published letter off 信件选登 (reason required); it may be published again later. */
export async function withdrawPublication(deps: MailboxDeps, input: OfficeInput & { reason: string }): Promise<PublishPreviewResponse> {
  const { actor } = await asOffice(deps, input);
  const now = deps.now();
  await inTransaction(deps.prisma, async (tx) => {
    await applyLetterTransition(tx, {
      letterId: input.letterId, action: 'UNPUBLISH', actor, reason: input.reason, requestId: input.requestId,
      guard: (row) => {
        if (row.status === 'CLOSED' && !row.isPublished) throw new AppError('ILLEGAL_TRANSITION', { message: '该来信未公开，无需撤回' });
      },
      patch: { isPublished: false, publicWithdrawnAt: now, publicWithdrawnReason: input.reason },
    });
  });
  return toResponse(await readSource(deps, input.letterId));
}
