import type { Db } from './repository';

/** What the department suggestion and duplicate detection read. */

const departmentSuffix = /(市|区|县)?(人民政府)?(局|委员会|委|办公室|办|厅|中心)$/;

/** Each active department with the words that point at it: its names and its service items' names and keywords. */
export async function listSuggestionVocabulary(db: Db): Promise<Array<{ id: string; name: string; terms: string[] }>> {
  const departments = await db.department.findMany({
    where: { isActive: true },
    select: { id: true, name: true, shortName: true, serviceItems: { where: { status: 'PUBLISHED' }, select: { name: true, keywords: true }, take: 200 } },
  });
  return departments.map((department) => {
    const terms = new Set<string>();
    for (const name of [department.name, department.shortName]) {
      if (!name) continue;
      const core = name.replace(/^.{0,3}?市/, '').replace(departmentSuffix, '');
      if (core.length >= 2) terms.add(core);
    }
    for (const item of department.serviceItems) {
      terms.add(item.name);
      if (Array.isArray(item.keywords)) for (const keyword of item.keywords) if (typeof keyword === 'string') terms.add(keyword);
    }
    return { id: department.id, name: department.name, terms: [...terms] };
  });
}

/** Recent letters a department answered (their department is the one that knew). */
export async function listHandledLetters(db: Db, excludeId: string) {
  return db.letter.findMany({
    where: { id: { not: excludeId }, departmentId: { not: null }, status: { in: ['REPLIED', 'CLOSED'] } },
    select: { trackingCode: true, title: true, body: true, department: { select: { id: true, name: true } } },
    orderBy: { submittedAt: 'desc' },
    take: 500,
  });
}

export async function listOpenLettersOfOffice(db: Db, { ownerDepartmentId, excludeId }: { ownerDepartmentId: string; excludeId: string }) {
  return db.letter.findMany({
    where: { ownerDepartmentId, id: { not: excludeId }, mergedIntoId: null, status: { notIn: ['NOT_ACCEPTED', 'CLOSED'] } },
    select: { id: true, trackingCode: true, title: true, body: true, status: true },
    orderBy: { submittedAt: 'desc' },
    take: 300,
  });
}
