import { demoPersonas } from '@govpocket/shared';
import { createPrismaClient, type PrismaClient } from '../../prisma/src/client';
import { readDatamodel } from '../../prisma/src/dmmf';
import { decryptPersonal, hashPersonal } from '../../prisma/src/personal-data';
import { seedDemo } from '../../prisma/src/seed';
import { loadServiceGuides } from '../../prisma/src/seed/guide-data';
import { defaultSettings } from '../../prisma/src/seed/settings';
import { describeTables } from '../../prisma/src/table-shape';

/** Seeds this worker's database twice and checks the demo city and that the second run changed nothing. */

jest.setTimeout(180_000);

const guides = loadServiceGuides();
const tables = describeTables(readDatamodel());
let prisma: PrismaClient;

/** Every row of every schema table, without updatedAt (a no-op upsert may still touch it). */
async function dumpDatabase(): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const orderBy = table.primaryKey.map((column) => `\`${column}\``).join(', ');
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM \`${table.name}\` ORDER BY ${orderBy}`);
    dump[table.name] = rows.map(({ updatedAt: _updatedAt, ...row }) => row);
  }
  return dump;
}

let afterFirstRun: Record<string, unknown[]>;
let afterSecondRun: Record<string, unknown[]>;

beforeAll(async () => {
  prisma = createPrismaClient(process.env.DATABASE_URL ?? '', { connectionLimit: 2 });
  await seedDemo(prisma);
  afterFirstRun = await dumpDatabase();
  await seedDemo(prisma);
  afterSecondRun = await dumpDatabase();
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe('seedDemo', () => {
  it('is idempotent: a second run leaves every table as the first one left it', () => {
    for (const table of tables) expect({ table: table.name, rows: afterSecondRun[table.name] }).toEqual({ table: table.name, rows: afterFirstRun[table.name] });
  });

  it('builds the organisation: 10 departments and the government office, 2 halls with windows and schedules', async () => {
    const departmentNames = [...guides.departments.map((department) => department.name), '清江市人民政府办公室'];
    expect(await prisma.department.count({ where: { name: { in: departmentNames } } })).toBe(11);
    const halls = await prisma.hall.findMany({
      where: { name: { in: guides.halls.map((hall) => hall.name) } },
      include: { windows: true, scheduleTemplates: { include: { rules: true } } },
    });
    expect(halls).toHaveLength(2);
    for (const hall of halls) {
      expect(hall.windows.some((window) => window.kind === 'COMPREHENSIVE')).toBe(true);
      expect(hall.scheduleTemplates.flatMap((template) => template.rules).some((rule) => rule.weekday === 1 && rule.startTime === '09:00')).toBe(true);
    }
    const saturdayRules = halls.flatMap((hall) => hall.scheduleTemplates.flatMap((template) => template.rules)).filter((rule) => rule.weekday === 6);
    expect(saturdayRules.length).toBeGreaterThan(0);
  });

  it('imports all 48 guides with materials, steps, FAQ, halls, windows and a version-1 snapshot', async () => {
    const items = await prisma.serviceItem.findMany({
      where: { code: { in: guides.items.map((item) => item.code) } },
      include: { _count: { select: { materials: true, steps: true, faqs: true, halls: true, windows: true, versions: true } } },
    });
    expect(items).toHaveLength(48);
    const complete = items.filter((item) => item._count.materials > 0 && item._count.steps > 0 && item._count.faqs > 0 && item._count.halls > 0 && item._count.windows > 0);
    expect(complete.length).toBeGreaterThanOrEqual(40);
    expect(items.every((item) => item._count.versions >= 1 && item.status === 'PUBLISHED')).toBe(true);

    const passport = items.find((item) => item.name === '普通护照签发');
    expect(passport).toMatchObject({ feeAmountFen: 12000, isOnlinePaymentEnabled: true, isAppointmentEnabled: true, type: 'ADMINISTRATIVE_LICENSE' });
    const lifeEvents = await prisma.lifeEvent.findMany({ include: { _count: { select: { items: true } } } });
    expect(lifeEvents.map((event) => event.name)).toEqual(expect.arrayContaining(guides.lifeEvents.map((event) => event.name)));
  });

  it('creates every demo persona, staff with their role and scope, phones encrypted', async () => {
    for (const persona of demoPersonas) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { openid: persona.openid },
        include: { staffAccount: { include: { roleAssignments: { include: { hall: true, department: true } } } } },
      });
      expect(user.phoneEncrypted && decryptPersonal(user.phoneEncrypted, { field: 'User.phoneEncrypted', rowId: user.id })).toBe(persona.phone);
      expect(user.phoneHash).toBe(hashPersonal(persona.phone));
      if (persona.role === 'RESIDENT') continue;
      const assignment = user.staffAccount?.roleAssignments.find((candidate) => candidate.role === persona.role);
      expect(assignment).toBeDefined();
      if (persona.role === 'ADMIN') expect(assignment?.scope).toBe('GLOBAL');
      else expect(assignment?.hall?.name ?? assignment?.department?.name).toBe(persona.scopeName);
    }
  });

  it('seeds letters in at least four states, each with a consistent event history', async () => {
    const letters = await prisma.letter.findMany({ where: { trackingCode: { startsWith: 'QJDEMO' } }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(new Set(letters.map((letter) => letter.status)).size).toBeGreaterThanOrEqual(4);
    for (const letter of letters) {
      expect(letter.events.length).toBeGreaterThan(0);
      expect(letter.events[0]?.action).toBe('SUBMIT');
      expect(letter.events.at(-1)?.toStatus).toBe(letter.status);
      letter.events.slice(1).forEach((event, index) => expect(event.fromStatus).toBe(letter.events[index]?.toStatus));
    }
    const published = letters.filter((letter) => letter.isPublished);
    expect(published.length).toBeGreaterThan(0);
    for (const letter of published) expect(letter.publicBody).not.toMatch(/1[3-9]\d{9}/);
    const assigned = letters.filter((letter) => letter.status === 'ASSIGNED');
    expect(assigned.some((letter) => letter.replyDueAt !== null && letter.replyDueAt > new Date())).toBe(true);
  });

  it('seeds one open consultation and one with published feedback', async () => {
    const consultations = await prisma.consultation.findMany({
      where: { id: { startsWith: 'seed' } },
      include: { sections: true, opinions: { include: { outcome: true } }, feedbackReports: true },
    });
    const open = consultations.filter((consultation) => consultation.status === 'OPEN');
    const finished = consultations.filter((consultation) => consultation.status === 'FEEDBACK_PUBLISHED');
    expect(open).toHaveLength(1);
    expect(finished).toHaveLength(1);
    expect(open[0]?.sections.length).toBeGreaterThanOrEqual(5);
    expect(open[0]?.opinions.length).toBeGreaterThan(0);
    const done = finished[0];
    expect(done?.feedbackReports).toHaveLength(1);
    expect(done?.opinions.every((opinion) => opinion.outcome?.isPublished)).toBe(true);
    expect(done?.opinions.filter((opinion) => opinion.outcome?.outcome === 'NOT_ADOPTED').every((opinion) => Boolean(opinion.outcome?.reason))).toBe(true);
  });

  it('stores the default settings and messages', async () => {
    const settings = await prisma.setting.findMany({ where: { key: { in: defaultSettings.map((setting) => setting.key) } } });
    expect(settings).toHaveLength(defaultSettings.length);
    expect(settings.find((setting) => setting.key === 'booking.maxActiveBookings')?.value).toBe(3);
    expect(await prisma.notification.count({ where: { id: { startsWith: 'seed' } } })).toBeGreaterThan(0);
    expect(await prisma.calendarDay.count({ where: { source: 'SEED' } })).toBeGreaterThan(0);
  });
});
