import type { PrismaClient } from '@govpocket/db';

/** What a staff member's workbench home shows for their hall or department. */
export async function hallOverview(prisma: PrismaClient, { hallId, date }: { hallId: string; date: Date }) {
  const hall = await prisma.hall.findUnique({
    where: { id: hallId },
    select: { id: true, name: true, address: true, hours: true, windows: { where: { isActive: true }, select: { id: true, code: true, name: true, kind: true }, orderBy: { sortOrder: 'asc' } } },
  });
  if (!hall) return null;
  const counts = await prisma.appointment.groupBy({ by: ['status'], where: { hallId, date }, _count: { _all: true } });
  return { hall, appointmentsByStatus: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) };
}

export async function departmentOverview(prisma: PrismaClient, { departmentId }: { departmentId: string }) {
  const department = await prisma.department.findUnique({ where: { id: departmentId }, select: { id: true, name: true, consultPhone: true } });
  if (!department) return null;
  const [handling, owned, openGuideReports] = await Promise.all([
    prisma.letter.groupBy({ by: ['status'], where: { departmentId }, _count: { _all: true } }),
    prisma.letter.groupBy({ by: ['status'], where: { ownerDepartmentId: departmentId }, _count: { _all: true } }),
    prisma.guideErrorReport.count({ where: { departmentId, status: 'PENDING' } }),
  ]);
  const byStatus = (rows: typeof handling) => Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
  return { department, handlingLettersByStatus: byStatus(handling), mailboxLettersByStatus: byStatus(owned), openGuideErrorReports: openGuideReports };
}
