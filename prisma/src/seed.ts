import { createPrismaClient, type PrismaClient } from './client';
import { seedCalendar } from './seed/calendar';
import { shanghaiDay } from './seed/clock';
import { seedConsultations } from './seed/consultations';
import { loadServiceGuides } from './seed/guide-data';
import { seedGuides } from './seed/guides';
import { seedLetters, seedMailboxes } from './seed/letters';
import { seedNotifications } from './seed/notifications';
import { seedOrganisation } from './seed/organisation';
import { seedPeople } from './seed/people';
import { seedSettings } from './seed/settings';

/**
 * The demo city 清江市: departments, halls, windows and schedules, the 48 guides, the demo
 * personas with their roles, mailboxes and letters in every stage, two consultations, messages,
 * the working-day calendar and the default settings.
 *
 * Idempotent: reference data (departments, halls, guides, people, roles) is upserted by natural
 * key, so a rerun brings it back to the seed's content; workflow records (letters, consultations,
 * messages) and settings are created once and then left alone, so a rerun neither duplicates them
 * nor undoes what a demo or an admin did to them.
 *
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/govpocket npx tsx prisma/src/seed.ts
 */

export type SeedOptions = {
  /** The moment the demo story is told from (letters' deadlines etc.); defaults to now. */
  now?: Date;
  /** service-guides.json; defaults to SERVICE_GUIDES_PATH or prisma/seed/data in the repository. */
  guidesPath?: string;
};

export type SeedSummary = {
  departments: number;
  halls: number;
  serviceItems: number;
  personas: number;
  letters: number;
  consultations: number;
};

export async function seedDemo(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const guides = loadServiceGuides(options.guidesPath);

  await seedSettings(prisma);
  await seedCalendar(prisma, Number(shanghaiDay(now).slice(0, 4)) + 1);
  const organisation = await seedOrganisation(prisma, guides);
  const items = await seedGuides(prisma, guides, organisation);
  const people = await seedPeople(prisma, organisation, now);
  const mailboxes = await seedMailboxes(
    prisma,
    organisation,
    guides.departments.map((department) => department.name),
  );
  const letters = await seedLetters(prisma, organisation, people, mailboxes, now);
  const consultations = await seedConsultations(prisma, organisation, people, now);
  await seedNotifications(prisma, people, letters, consultations, now);

  return {
    departments: organisation.departments.size,
    halls: organisation.halls.size,
    serviceItems: items.size,
    personas: people.usersByPersona.size,
    letters: letters.size,
    consultations: consultations.size,
  };
}

async function main(): Promise<void> {
  // `npm run seed` writes the demo city: without a mode of its own it runs as the demo does (the
  // development key unless DATA_ENCRYPTION_KEYS names one).
  if (!process.env.APP_MODE && !process.env.NODE_ENV) process.env.APP_MODE = 'demo';
  const databaseUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/govpocket';
  const prisma = createPrismaClient(databaseUrl, { connectionLimit: 2 });
  try {
    const started = Date.now();
    const summary = await seedDemo(prisma);
    console.log(`[seed] ${JSON.stringify(summary)} in ${Date.now() - started} ms`);
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[seed] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
