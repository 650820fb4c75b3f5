import type { PrismaClient } from '@govpocket/db';
import { pageLinks, type GuideErrorCategory, type GuideErrorReportView, type SessionUser } from '@govpocket/shared';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import type { RateLimiter } from '../../platform/rate-limit';
import { checkResidentText, type ContentSafetyDeps } from '../content-safety/service';
import { enqueueNotification } from '../notification';
import { answerReport, departmentStaffUserIds, findItemForReport, findOpenid, findReport, insertReport, toReportView } from './error-report-repository';

export type ErrorReportDeps = { prisma: PrismaClient; rateLimiter: RateLimiter; contentSafety: ContentSafetyDeps };

/**
 * 指南纠错: a resident reports an error in a guide; it reaches the owning department's staff
 * (their list and a message), who answer; the resident is told. Text passes content safety first.
 */
export async function reportGuideError(
  deps: ErrorReportDeps,
  { user, code, category, content, requestId }: { user: SessionUser; code: string; category: GuideErrorCategory; content: string; requestId: string },
): Promise<GuideErrorReportView> {
  await deps.rateLimiter.consume('guideErrorReport', user.id);
  const item = await findItemForReport(deps.prisma, code);
  if (!item) throw new AppError('NOT_FOUND', { message: '该办事指南不存在或已下线' });
  const openid = await findOpenid(deps.prisma, user.id);
  if (!openid) throw new AppError('UNAUTHENTICATED');
  await checkResidentText(deps.contentSafety, { text: content, openid, scene: 'COMMENT' });
  const staff = await departmentStaffUserIds(deps.prisma, item.departmentId);
  const report = await deps.prisma.$transaction(async (tx) => {
    const created = await insertReport(tx, { itemId: item.id, itemVersion: item.currentVersion, departmentId: item.departmentId, reporterId: user.id, category, content });
    for (const staffUserId of staff) {
      await enqueueNotification(tx, {
        userId: staffUserId,
        event: 'GUIDE_ERROR_REPORTED',
        payload: { reportId: created.id, itemName: item.name, link: pageLinks.staffGuideErrors() },
        dedupeKey: `GUIDE_ERROR_REPORTED:${created.id}:${staffUserId}`,
      });
    }
    await writeAudit(tx, { actorUserId: user.id, actorRole: 'RESIDENT', action: 'GUIDE_ERROR_REPORTED', entityType: 'GuideErrorReport', entityId: created.id, after: { itemCode: code, category }, requestId });
    return created;
  });
  return toReportView(report);
}

export async function answerGuideError(
  deps: Pick<ErrorReportDeps, 'prisma'>,
  { staff, departmentId, reportId, answer, requestId }: { staff: SessionUser; departmentId: string; reportId: string; answer: string; requestId: string },
): Promise<GuideErrorReportView> {
  const report = await findReport(deps.prisma, reportId);
  // Another department's report does not exist, as far as this handler can tell.
  if (!report || report.departmentId !== departmentId) throw new AppError('NOT_FOUND', { message: '纠错记录不存在' });
  if (report.status !== 'PENDING') throw new AppError('CONFLICT', { message: '该纠错已答复' });
  await deps.prisma.$transaction(async (tx) => {
    if (!(await answerReport(tx, { id: reportId, answer, answeredById: staff.id, at: new Date() }))) throw new AppError('CONFLICT', { message: '该纠错已答复' });
    if (report.reporterId) {
      await enqueueNotification(tx, {
        userId: report.reporterId,
        event: 'GUIDE_ERROR_ANSWERED',
        payload: { reportId, itemName: report.item.name, answer, link: pageLinks.guide(report.item.code) },
        dedupeKey: `GUIDE_ERROR_ANSWERED:${reportId}`,
      });
    }
    const role = staff.roles.find((assignment) => assignment.scopeId === departmentId)?.role ?? 'ADMIN';
    await writeAudit(tx, { actorUserId: staff.id, actorRole: role, action: 'GUIDE_ERROR_ANSWERED', entityType: 'GuideErrorReport', entityId: reportId, before: { status: 'PENDING' }, after: { status: 'ANSWERED' }, requestId });
  });
  const answered = await findReport(deps.prisma, reportId);
  if (!answered) throw new AppError('NOT_FOUND');
  return toReportView(answered);
}
