import type { ConsultationStatus, OpinionOutcomeKind, Prisma, PrismaClient } from '../../generated/client/client';
import { addDays, at, endOfDay, seedId, shanghaiDay } from './clock';
import { type ConsultationSpec, consultationSpecs } from './consultation-specs';
import { type Organisation, requireId } from './organisation';
import { type People, personaUserId } from './people';

/**
 * The consultations with their numbered sections, opinions and, for the finished one, the
 * published outcomes and feedback report. Each consultation is written once in a transaction
 * under a stable id; reruns leave it alone.
 */

const outcomeKinds: OpinionOutcomeKind[] = ['ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'MERGED'];

function countOutcomes(specs: ConsultationSpec['opinions']): Record<OpinionOutcomeKind, number> {
  const counts: Record<OpinionOutcomeKind, number> = { ADOPTED: 0, PARTIALLY_ADOPTED: 0, NOT_ADOPTED: 0, MERGED: 0 };
  for (const opinion of specs) if (opinion.outcome) counts[opinion.outcome.kind] += 1;
  return counts;
}

/** 采纳情况反馈: counts per outcome and per section, adopted summaries and the reasons for not adopting. */
type SeededOpinion = ConsultationSpec['opinions'][number] & { id: string };

function mergedIntoId(opinions: SeededOpinion[], opinion: SeededOpinion): string | null {
  const target = opinion.outcome?.mergedInto;
  return target === undefined ? null : (opinions[target]?.id ?? null);
}

function feedbackReport(spec: ConsultationSpec, consultationId: string, opinions: SeededOpinion[], publishedAt: Date): Prisma.InputJsonValue {
  return {
    consultationId,
    title: spec.title,
    department: spec.department,
    publishedAt: publishedAt.toISOString(),
    totals: { opinions: opinions.length, ...countOutcomes(spec.opinions) },
    sections: [
      { number: null, label: '总体意见', opinions: opinions.filter((opinion) => opinion.section === null).length, outcomes: countOutcomes(spec.opinions.filter((opinion) => opinion.section === null)) },
      ...spec.sections.map((section, index) => {
        const onSection = spec.opinions.filter((opinion) => opinion.section === index + 1);
        return { number: index + 1, label: `第${index + 1}条`, opinions: onSection.length, outcomes: countOutcomes(onSection) };
      }),
    ],
    adopted: opinions
      .filter((opinion) => opinion.outcome?.kind === 'ADOPTED' || opinion.outcome?.kind === 'PARTIALLY_ADOPTED')
      .map((opinion) => ({ opinionId: opinion.id, section: opinion.section, outcome: opinion.outcome?.kind ?? null, summary: opinion.outcome?.summary ?? null })),
    notAdopted: opinions
      .filter((opinion) => opinion.outcome?.kind === 'NOT_ADOPTED')
      .map((opinion) => ({ opinionId: opinion.id, section: opinion.section, reason: opinion.outcome?.reason ?? null })),
    merged: opinions
      .filter((opinion) => opinion.outcome?.kind === 'MERGED')
      .map((opinion) => ({ opinionId: opinion.id, mergedIntoOpinionId: mergedIntoId(opinions, opinion), reason: opinion.outcome?.reason ?? null })),
    outcomeKinds,
  };
}

async function createConsultation(tx: Prisma.TransactionClient, spec: ConsultationSpec, id: string, organisation: Organisation, people: People, today: string): Promise<void> {
  const startsAt = at(addDays(today, spec.startDay), '09:00');
  const endsAt = endOfDay(addDays(today, spec.endDay));
  const feedbackAt = spec.feedbackDay === undefined ? undefined : at(addDays(today, spec.feedbackDay), '10:00');
  const isClosed = spec.endDay < 0;
  const status: ConsultationStatus = feedbackAt ? 'FEEDBACK_PUBLISHED' : isClosed ? 'CLOSED' : 'OPEN';

  await tx.consultation.create({
    data: {
      id,
      title: spec.title,
      departmentId: requireId(organisation.departments, spec.department),
      status,
      summary: spec.summary,
      background: spec.background,
      basis: spec.basis,
      startsAt,
      endsAt,
      contactName: spec.contact.name,
      contactPhone: spec.contact.phone,
      contactEmail: spec.contact.email,
      contactAddress: spec.contact.address,
      openedAt: startsAt,
      closedAt: isClosed ? endsAt : null,
      feedbackPublishedAt: feedbackAt ?? null,
      createdAt: new Date(startsAt.getTime() - 2 * 24 * 60 * 60 * 1000),
      sections: { createMany: { data: spec.sections.map((section, index) => ({ number: index + 1, heading: section.heading || null, body: section.body })) } },
    },
  });
  const sections = await tx.consultationSection.findMany({ where: { consultationId: id }, select: { id: true, number: true } });
  const sectionId = (number: number | null): string | null => (number === null ? null : (sections.find((section) => section.number === number)?.id ?? null));

  const opinions: SeededOpinion[] = spec.opinions.map((opinion, index) => ({ ...opinion, id: seedId('opinion', `${spec.key}:${index}`) }));
  await tx.opinion.createMany({
    data: opinions.map((opinion, index) => ({
      id: opinion.id,
      consultationId: id,
      sectionId: sectionId(opinion.section),
      userId: personaUserId(people, opinion.residentKey),
      idempotencyKey: `seed-${spec.key}-${index}`,
      body: opinion.body,
      status: feedbackAt ? ('PUBLISHED' as const) : opinion.outcome ? ('ANSWERED' as const) : ('SUBMITTED' as const),
      createdAt: at(addDays(today, opinion.day), `${String(9 + ((index * 3) % 10)).padStart(2, '0')}:${String((index * 17) % 60).padStart(2, '0')}`),
    })),
  });

  const outcomes = opinions.flatMap((opinion) => {
    if (!opinion.outcome) return [];
    return [
      {
        opinionId: opinion.id,
        outcome: opinion.outcome.kind,
        reason: opinion.outcome.reason ?? null,
        summary: opinion.outcome.summary ?? null,
        mergedIntoOpinionId: mergedIntoId(opinions, opinion),
        isPublished: feedbackAt !== undefined,
        publishedAt: feedbackAt ?? null,
      },
    ];
  });
  if (outcomes.length > 0) await tx.opinionOutcome.createMany({ data: outcomes });

  if (feedbackAt) {
    const counts = countOutcomes(spec.opinions);
    await tx.consultationFeedbackReport.create({
      data: {
        consultationId: id,
        version: 1,
        report: feedbackReport(spec, id, opinions, feedbackAt),
        summary: `本次征集共收到意见${spec.opinions.length}条，采纳${counts.ADOPTED}条，部分采纳${counts.PARTIALLY_ADOPTED}条，未采纳${counts.NOT_ADOPTED}条，合并处理${counts.MERGED}条。`,
        publishedAt: feedbackAt,
      },
    });
  }
}

export async function seedConsultations(prisma: PrismaClient, organisation: Organisation, people: People, now: Date): Promise<Map<string, string>> {
  const today = shanghaiDay(now);
  const consultations = new Map<string, string>();
  for (const spec of consultationSpecs) {
    const id = seedId('consultation', spec.key);
    const existing = await prisma.consultation.findUnique({ where: { id }, select: { id: true } });
    if (!existing) await prisma.$transaction((tx) => createConsultation(tx, spec, id, organisation, people, today));
    consultations.set(spec.key, id);
  }
  return consultations;
}
