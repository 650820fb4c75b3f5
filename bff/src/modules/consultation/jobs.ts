import type { ConsultationStatus, PrismaClient } from '@govpocket/db';
import { writeAudit } from '../../platform/audit';
import { inTransaction } from '../../platform/db/transaction';
import type { ScheduledJob } from '../notification';
import { listDue, transitionConsultation } from './repository';

/**
 * The automatic lifecycle: a draft opens on its start date, an open consultation closes on its end
 * date. Plain functions of ({ prisma }, { now }) so tests call them with a moved clock; each
 * transition is conditional on the state it saw, so overlapping runs change a row once.
 */
export type ConsultationJobReport = { opened: number; closed: number };

async function advance(prisma: PrismaClient, { from, to, field, now, action }: { from: ConsultationStatus; to: ConsultationStatus; field: 'startsAt' | 'endsAt'; now: Date; action: string }): Promise<number> {
  let moved = 0;
  for (const due of await listDue(prisma, { status: from, field, now })) {
    const isMoved = await inTransaction(prisma, async (tx) => {
      if (!(await transitionConsultation(tx, { id: due.id, from, to, at: now }))) return false;
      await writeAudit(tx, { actorUserId: null, actorRole: null, action, entityType: 'Consultation', entityId: due.id, before: { status: from }, after: { status: to, at: now.toISOString() } });
      return true;
    });
    if (isMoved) moved += 1;
  }
  return moved;
}

export async function openDueConsultations({ prisma }: { prisma: PrismaClient }, { now }: { now: Date }): Promise<number> {
  return advance(prisma, { from: 'DRAFT', to: 'OPEN', field: 'startsAt', now, action: 'CONSULTATION_OPENED' });
}

export async function closeDueConsultations({ prisma }: { prisma: PrismaClient }, { now }: { now: Date }): Promise<number> {
  return advance(prisma, { from: 'OPEN', to: 'CLOSED', field: 'endsAt', now, action: 'CONSULTATION_CLOSED' });
}

/** Opens first, so a draft whose whole period has passed still goes DRAFT → OPEN → CLOSED. */
export async function runConsultationLifecycle(deps: { prisma: PrismaClient }, { now }: { now: Date }): Promise<ConsultationJobReport> {
  const opened = await openDueConsultations(deps, { now });
  const closed = await closeDueConsultations(deps, { now });
  return { opened, closed };
}

export function consultationScheduledJobs({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }): ScheduledJob[] {
  return [
    {
      name: 'consultation-lifecycle',
      every: 60_000,
      handler: async ({ logger }) => {
        const report = await runConsultationLifecycle({ prisma }, { now: now() });
        if (report.opened > 0 || report.closed > 0) logger.info(report, 'consultations opened / closed');
      },
    },
  ];
}
