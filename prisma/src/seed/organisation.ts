import type { PrismaClient } from '../../generated/client/client';
import { dateOnly, seedId } from './clock';
import type { ServiceGuides } from './guide-data';
import { syncRows } from './sync';

/**
 * Departments, halls, their windows and weekly schedules. The two halls and ten departments come
 * from the guide data; the city government's general office (which owns the leader mailboxes),
 * the windows, coordinates and schedules are invented for the demo.
 */

export const governmentOffice = { name: '清江市人民政府办公室', shortName: '市政府办公室', officeCode: '11331000ZF', consultPhone: '0576-88200012' };
export const civicCentreHall = '清江市民中心政务服务大厅';
export const jiangnanHall = '清江市江南区便民服务中心';
export const policeDepartment = '清江市公安局';
export const realEstateDepartment = '清江市不动产登记中心';

/** Item group of the 不动产 slots at the civic centre: they have their own windows and capacity. */
export const realEstateItemGroup = 'BDC';

const shortNames: Record<string, string> = {
  [governmentOffice.name]: governmentOffice.shortName,
  清江市司法局: '市司法局',
  清江市市场监督管理局: '市市场监管局',
  清江市新闻出版广电局: '市新闻出版广电局',
  清江市民政局: '市民政局',
  清江市人力资源和社会保障局: '市人力社保局',
  清江市公安局: '市公安局',
  清江市不动产登记中心: '市不动产登记中心',
  清江市卫生健康委员会: '市卫生健康委',
  清江市住房和城乡建设局: '市住建局',
  清江市医疗保障局: '市医保局',
};

export function departmentShortName(name: string): string {
  return shortNames[name] ?? name;
}

const hallDetails: Record<string, { phone: string; latitude: number; longitude: number }> = {
  [civicCentreHall]: { phone: '0576-88520000', latitude: 28.6561, longitude: 121.4208 },
  [jiangnanHall]: { phone: '0576-88630000', latitude: 28.6417, longitude: 121.4336 },
};

export type WindowSpec = { code: string; name: string; kind: 'COMPREHENSIVE' | 'SPECIALISED'; department?: string };

/** Which window serves an item: specialised windows take their department's items, comprehensive windows the rest. */
export const windowsByHall: Record<string, WindowSpec[]> = {
  [civicCentreHall]: [
    { code: 'A01', name: '综合受理窗口 1', kind: 'COMPREHENSIVE' },
    { code: 'A02', name: '综合受理窗口 2', kind: 'COMPREHENSIVE' },
    { code: 'A03', name: '综合受理窗口 3', kind: 'COMPREHENSIVE' },
    { code: 'A04', name: '综合受理窗口 4', kind: 'COMPREHENSIVE' },
    { code: 'B01', name: '公安户政出入境窗口 1', kind: 'SPECIALISED', department: policeDepartment },
    { code: 'B02', name: '公安户政出入境窗口 2', kind: 'SPECIALISED', department: policeDepartment },
    { code: 'C01', name: '不动产登记窗口 1', kind: 'SPECIALISED', department: realEstateDepartment },
    { code: 'C02', name: '不动产登记窗口 2', kind: 'SPECIALISED', department: realEstateDepartment },
  ],
  [jiangnanHall]: [
    { code: 'A01', name: '综合受理窗口 1', kind: 'COMPREHENSIVE' },
    { code: 'A02', name: '综合受理窗口 2', kind: 'COMPREHENSIVE' },
    { code: 'A03', name: '综合受理窗口 3', kind: 'COMPREHENSIVE' },
  ],
};

type RuleSpec = { weekdays: number[]; startTime: string; endTime: string; capacity: number; itemGroup?: string };

const weekdays = [1, 2, 3, 4, 5];
/** Weekday 9:00–12:00 and 13:30–17:00 in 30-minute slots; the civic centre also opens Saturday mornings. */
const scheduleRules: Record<string, RuleSpec[]> = {
  [civicCentreHall]: [
    { weekdays, startTime: '09:00', endTime: '12:00', capacity: 6 },
    { weekdays, startTime: '13:30', endTime: '17:00', capacity: 6 },
    { weekdays, startTime: '09:00', endTime: '12:00', capacity: 3, itemGroup: realEstateItemGroup },
    { weekdays, startTime: '13:30', endTime: '17:00', capacity: 3, itemGroup: realEstateItemGroup },
    { weekdays: [6], startTime: '09:00', endTime: '12:00', capacity: 4 },
    { weekdays: [6], startTime: '09:00', endTime: '12:00', capacity: 2, itemGroup: realEstateItemGroup },
  ],
  [jiangnanHall]: [
    { weekdays, startTime: '09:00', endTime: '12:00', capacity: 4 },
    { weekdays, startTime: '13:30', endTime: '17:00', capacity: 4 },
  ],
};

export type Organisation = { departments: Map<string, string>; halls: Map<string, string> };

export async function seedOrganisation(prisma: PrismaClient, guides: ServiceGuides): Promise<Organisation> {
  const departmentNames = [...guides.departments.map((department) => department.name), governmentOffice.name];
  const byName = (row: { name: string }): string => row.name;
  await syncRows({
    existing: await prisma.department.findMany({ where: { name: { in: departmentNames } } }),
    desired: [...guides.departments, governmentOffice].map((department, sortOrder) => ({
      name: department.name,
      shortName: departmentShortName(department.name),
      officeCode: department.officeCode,
      consultPhone: department.consultPhone,
      sortOrder,
    })),
    rowKey: byName,
    desiredKey: byName,
    createMany: (rows) => prisma.department.createMany({ data: rows }),
    update: (row, data) => prisma.department.update({ where: { id: row.id }, data }),
  });
  const departmentRows = await prisma.department.findMany({ where: { name: { in: departmentNames } }, select: { id: true, name: true } });
  const departments = new Map(departmentRows.map((row) => [row.name, row.id]));

  const hallNames = guides.halls.map((hall) => hall.name);
  await syncRows({
    existing: await prisma.hall.findMany({ where: { name: { in: hallNames } } }),
    desired: guides.halls.map((hall, sortOrder) => ({ name: hall.name, address: hall.address, hours: hall.hours, sortOrder, ...hallDetails[hall.name] })),
    rowKey: byName,
    desiredKey: byName,
    createMany: (rows) => prisma.hall.createMany({ data: rows }),
    update: (row, data) => prisma.hall.update({ where: { id: row.id }, data }),
  });
  const hallRows = await prisma.hall.findMany({ where: { name: { in: hallNames } }, select: { id: true, name: true } });
  const halls = new Map(hallRows.map((row) => [row.name, row.id]));

  const byCode = (row: { hallId: string; code: string }): string => `${row.hallId}:${row.code}`;
  await syncRows({
    existing: await prisma.serviceWindow.findMany({ where: { hallId: { in: [...halls.values()] } } }),
    desired: Object.entries(windowsByHall).flatMap(([hallName, windows]) =>
      windows.map((window, sortOrder) => ({
        hallId: requireId(halls, hallName),
        code: window.code,
        name: window.name,
        kind: window.kind,
        departmentId: window.department ? requireId(departments, window.department) : null,
        sortOrder,
      })),
    ),
    rowKey: byCode,
    desiredKey: byCode,
    createMany: (rows) => prisma.serviceWindow.createMany({ data: rows }),
    update: (row, data) => prisma.serviceWindow.update({ where: { id: row.id }, data }),
  });

  await seedSchedules(prisma, halls);
  return { departments, halls };
}

async function seedSchedules(prisma: PrismaClient, halls: Map<string, string>): Promise<void> {
  const templateIds = new Map<string, string>();
  for (const hallName of Object.keys(scheduleRules)) {
    const id = seedId('schedule-template', hallName);
    const template = { hallId: requireId(halls, hallName), name: '常规作息', validFrom: dateOnly('2026-01-01'), validTo: null, isActive: true };
    await prisma.scheduleTemplate.upsert({ where: { id }, create: { id, ...template }, update: template });
    templateIds.set(hallName, id);
  }
  const ruleKey = (row: { templateId: string; weekday: number; startTime: string; itemGroup: string }): string =>
    `${row.templateId}:${row.weekday}:${row.startTime}:${row.itemGroup}`;
  await syncRows({
    existing: await prisma.scheduleRule.findMany({ where: { templateId: { in: [...templateIds.values()] } } }),
    desired: Object.entries(scheduleRules).flatMap(([hallName, rules]) =>
      rules.flatMap((rule) =>
        rule.weekdays.map((weekday) => ({
          templateId: requireId(templateIds, hallName),
          weekday,
          startTime: rule.startTime,
          endTime: rule.endTime,
          slotMinutes: 30,
          capacity: rule.capacity,
          itemGroup: rule.itemGroup ?? '',
        })),
      ),
    ),
    rowKey: ruleKey,
    desiredKey: ruleKey,
    createMany: (rows) => prisma.scheduleRule.createMany({ data: rows }),
    update: (row, data) => prisma.scheduleRule.update({ where: { id: row.id }, data }),
  });

  // A planned closure, to show date overrides in the admin pages.
  const jiangnanId = requireId(halls, jiangnanHall);
  const closure = { kind: 'CLOSURE' as const, reason: '年末业务系统升级，暂停对外服务一天', asWeekday: null };
  await prisma.scheduleOverride.upsert({
    where: { hallId_date: { hallId: jiangnanId, date: dateOnly('2026-12-31') } },
    create: { hallId: jiangnanId, date: dateOnly('2026-12-31'), ...closure },
    update: closure,
  });
}

export function requireId(ids: Map<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`Seed data refers to unknown ${name}`);
  return id;
}
