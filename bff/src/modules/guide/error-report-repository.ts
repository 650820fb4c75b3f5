import type { GuideErrorCategory, Prisma, PrismaClient } from '@govpocket/db';
import type { GuideErrorReportView } from '@govpocket/shared';

type Db = PrismaClient | Prisma.TransactionClient;

const viewSelect = {
  id: true, category: true, content: true, status: true, answer: true, answeredAt: true, createdAt: true, reporterId: true, departmentId: true,
  item: { select: { code: true, name: true } },
} satisfies Prisma.GuideErrorReportSelect;

type ViewRow = Prisma.GuideErrorReportGetPayload<{ select: typeof viewSelect }>;

export function toReportView(row: ViewRow): GuideErrorReportView {
  return {
    id: row.id,
    itemCode: row.item.code,
    itemName: row.item.name,
    category: row.category,
    content: row.content,
    status: row.status,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findItemForReport(db: Db, code: string) {
  return db.serviceItem.findFirst({ where: { code, status: 'PUBLISHED' }, select: { id: true, name: true, currentVersion: true, departmentId: true } });
}

export async function insertReport(db: Db, input: { itemId: string; itemVersion: number; departmentId: string; reporterId: string; category: GuideErrorCategory; content: string }) {
  return db.guideErrorReport.create({ data: input, select: viewSelect });
}

export async function findReport(db: Db, id: string) {
  return db.guideErrorReport.findUnique({ where: { id }, select: viewSelect });
}

export async function answerReport(db: Db, input: { id: string; answer: string; answeredById: string; at: Date }): Promise<boolean> {
  const { count } = await db.guideErrorReport.updateMany({
    where: { id: input.id, status: 'PENDING' },
    data: { status: 'ANSWERED', answer: input.answer, answeredById: input.answeredById, answeredAt: input.at },
  });
  return count === 1;
}

export async function listReportsByReporter(db: Db, reporterId: string) {
  return (await db.guideErrorReport.findMany({ where: { reporterId }, select: viewSelect, orderBy: { createdAt: 'desc' }, take: 100 })).map(toReportView);
}

export async function listReportsByDepartment(db: Db, departmentId: string, status?: 'PENDING' | 'ANSWERED') {
  return (await db.guideErrorReport.findMany({ where: { departmentId, ...(status ? { status } : {}) }, select: viewSelect, orderBy: { createdAt: 'desc' }, take: 200 })).map(toReportView);
}

/** Staff who answer for a department: its handlers (and its office). */
export async function departmentStaffUserIds(db: Db, departmentId: string): Promise<string[]> {
  const rows = await db.roleAssignment.findMany({
    where: { departmentId, role: { in: ['DEPARTMENT_HANDLER', 'MAILBOX_OFFICE'] }, staffAccount: { status: 'ACTIVE', userId: { not: null } } },
    select: { staffAccount: { select: { userId: true } } },
  });
  return [...new Set(rows.flatMap((row) => (row.staffAccount.userId ? [row.staffAccount.userId] : [])))];
}

export async function findOpenid(db: Db, userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { openid: true } }))?.openid ?? null;
}
