import type { ActorType, LetterAction, LetterStatus, Prisma, PrismaClient, Role } from '../../generated/client/client';
import { encryptPersonal, hashPersonal, newRecordId } from '../personal-data';
import { addWorkingDays, at, endOfDay, shanghaiDay, workingDayOnOrBefore } from './clock';
import { handlerByDepartment, type LetterSpec, letterSpecs, mayorMailbox, type Moment, officeStaffKey, secretaryMailbox } from './letter-specs';
import { departmentShortName, governmentOffice, type Organisation, requireId } from './organisation';
import { type People, personaByKey, personaUserId } from './people';

/**
 * Leader and department mailboxes, and the demo letters with their full history (events,
 * assignments, replies, notes). A letter is created once, with everything it owns, in one nested
 * write; a rerun finds it by tracking code and leaves it (and whatever the demo did to it) alone.
 */

const mailboxDescriptions = {
  [secretaryMailbox]: '受理群众对全市经济社会发展、党的建设等方面的意见建议和反映的问题。涉诉涉法、已进入信访程序的事项请通过相应渠道反映。',
  [mayorMailbox]: '受理群众对市政府工作的意见建议，以及生产生活中遇到的困难和问题。来信由市政府办公室受理，转有关部门办理并答复。',
};

export async function seedMailboxes(prisma: PrismaClient, organisation: Organisation, departmentNames: string[]): Promise<Map<string, string>> {
  const mailboxes = new Map<string, string>();
  const officeId = requireId(organisation.departments, governmentOffice.name);
  const rows = [
    { name: secretaryMailbox, kind: 'LEADER' as const, ownerDepartmentId: officeId, description: mailboxDescriptions[secretaryMailbox] },
    { name: mayorMailbox, kind: 'LEADER' as const, ownerDepartmentId: officeId, description: mailboxDescriptions[mayorMailbox] },
    ...departmentNames.map((name) => ({
      name: `${departmentShortName(name)}信箱`,
      kind: 'DEPARTMENT' as const,
      ownerDepartmentId: requireId(organisation.departments, name),
      description: `受理群众对${name}职责范围内工作的咨询、建议、投诉和求助。`,
    })),
  ];
  for (const [sortOrder, mailbox] of rows.entries()) {
    const data = { kind: mailbox.kind, ownerDepartmentId: mailbox.ownerDepartmentId, description: mailbox.description, sortOrder };
    const row = await prisma.mailbox.upsert({ where: { name: mailbox.name }, create: { name: mailbox.name, ...data }, update: data, select: { id: true } });
    mailboxes.set(mailbox.name, row.id);
  }
  return mailboxes;
}

type Actor = { actorType: ActorType; actorUserId: string | null; actorRole: Role | null };
type StaffActor = Actor & { actorUserId: string };
type Context = { now: Date; baseDay: string; organisation: Organisation; people: People; mailboxes: Map<string, string> };

const minuteMs = 60 * 1000;

/** A moment of the story; never later than a few minutes before the seed runs. */
function when(context: Context, moment: Moment): Date {
  const instant = at(addWorkingDays(context.baseDay, moment.wd), moment.time);
  const latest = new Date(context.now.getTime() - 5 * minuteMs);
  return instant > latest ? latest : instant;
}

function staffActor(context: Context, personaKey: string): StaffActor {
  return { actorType: 'STAFF', actorUserId: personaUserId(context.people, personaKey), actorRole: personaByKey(personaKey).role };
}

function buildLetter(spec: LetterSpec, context: Context): Prisma.LetterUncheckedCreateInput {
  const residentId = personaUserId(context.people, spec.residentKey);
  const phone = personaByKey(spec.residentKey).phone;
  const office = staffActor(context, officeStaffKey);
  const resident: Actor = { actorType: 'RESIDENT', actorUserId: residentId, actorRole: 'RESIDENT' };
  const mailboxId = requireId(context.mailboxes, spec.mailbox);
  const submittedAt = spec.submitted ? when(context, spec.submitted) : new Date(context.now.getTime() - 120 * minuteMs);

  const events: Prisma.LetterEventCreateManyLetterInput[] = [];
  let status: LetterStatus = 'SUBMITTED';
  let lastEventAt = submittedAt;
  const record = (action: LetterAction, to: LetterStatus, createdAt: Date, actor: Actor, reason: string | null = null, data?: Prisma.InputJsonValue) => {
    events.push({ action, fromStatus: events.length === 0 ? null : status, toStatus: to, ...actor, reason, data, createdAt });
    status = to;
    if (createdAt > lastEventAt) lastEventAt = createdAt;
  };
  record('SUBMIT', 'SUBMITTED', submittedAt, resident);

  const letterId = newRecordId();
  const letter: Prisma.LetterUncheckedCreateInput = {
    id: letterId,
    trackingCode: spec.trackingCode,
    mailboxId,
    ownerDepartmentId: requireId(context.organisation.departments, governmentOffice.name),
    residentId,
    idempotencyKey: `seed-${spec.trackingCode}`,
    type: spec.type,
    title: spec.title,
    body: spec.body,
    contactPhoneEncrypted: encryptPersonal(phone, { field: 'Letter.contactPhoneEncrypted', rowId: letterId }),
    contactPhoneLast4Hash: hashPersonal(phone.slice(-4)),
    isPublishAgreed: spec.isPublishAgreed && spec.type !== 'REPORT',
    submittedAt,
    acceptDueAt: endOfDay(addWorkingDays(shanghaiDay(submittedAt), 2)),
    createdAt: submittedAt,
  };

  if (spec.notAccepted) {
    record('NOT_ACCEPT', 'NOT_ACCEPTED', when(context, spec.notAccepted), office, spec.notAccepted.reason);
    letter.notAcceptedReason = spec.notAccepted.reason;
    letter.closedAt = when(context, spec.notAccepted);
  }
  if (spec.accepted) {
    const acceptedAt = when(context, spec.accepted);
    record('ACCEPT', 'ACCEPTED', acceptedAt, office);
    letter.acceptedAt = acceptedAt;
    letter.replyDueAt = endOfDay(addWorkingDays(shanghaiDay(acceptedAt), 15));
  }
  let handler: StaffActor | undefined;
  if (spec.assigned) {
    const assignedAt = when(context, spec.assigned);
    const departmentId = requireId(context.organisation.departments, spec.assigned.department);
    const handlerKey = handlerByDepartment[spec.assigned.department];
    if (!handlerKey) throw new Error(`No demo handler for ${spec.assigned.department}`);
    handler = staffActor(context, handlerKey);
    record('ASSIGN', 'ASSIGNED', assignedAt, office, null, { departmentId, departmentName: spec.assigned.department });
    letter.departmentId = departmentId;
    letter.assignedAt = assignedAt;
    letter.assignments = {
      create: [
        {
          departmentId,
          assignedById: office.actorUserId,
          instructions: spec.assigned.instructions,
          returnDueAt: endOfDay(addWorkingDays(shanghaiDay(assignedAt), 1)),
          createdAt: assignedAt,
        },
      ],
    };
  }
  if (spec.drafted && handler && letter.departmentId) {
    const draftedAt = when(context, spec.drafted);
    const approvedAt = spec.approved ? when(context, spec.approved) : undefined;
    record('DRAFT_REPLY', 'REPLY_DRAFTED', draftedAt, handler);
    letter.replies = {
      create: [
        {
          round: 1,
          departmentId: letter.departmentId,
          draftedById: handler.actorUserId,
          body: spec.drafted.reply,
          status: approvedAt ? 'APPROVED' : 'SUBMITTED',
          submittedAt: draftedAt,
          reviewedById: approvedAt ? office.actorUserId : null,
          reviewedAt: approvedAt ?? null,
          createdAt: draftedAt,
        },
      ],
    };
    if (approvedAt) {
      record('APPROVE_REPLY', 'REPLIED', approvedAt, office);
      letter.repliedAt = approvedAt;
      letter.rateDueAt = new Date(approvedAt.getTime() + 7 * 24 * 60 * minuteMs);
    }
  }
  if (spec.rated) {
    const ratedAt = when(context, spec.rated);
    record('RATE', 'REPLIED', ratedAt, resident, null, { satisfaction: spec.rated.satisfaction });
    const closedAt = new Date(ratedAt.getTime() + minuteMs);
    record('CLOSE', 'CLOSED', closedAt, { actorType: 'SYSTEM', actorUserId: null, actorRole: null }, '来信人已评价');
    letter.satisfaction = spec.rated.satisfaction;
    letter.satisfactionComment = spec.rated.comment;
    letter.ratedAt = ratedAt;
    letter.closedAt = closedAt;
  }
  if (spec.published) {
    const publishedAt = when(context, spec.published);
    record('PUBLISH', 'CLOSED', publishedAt, office);
    letter.isPublished = true;
    letter.publishedAt = publishedAt;
    letter.publishedById = office.actorUserId;
    letter.publicTitle = spec.title;
    letter.publicBody = spec.published.publicBody;
    letter.publicReply = spec.drafted?.reply ?? null;
  }
  if (spec.notes) {
    letter.notes = { create: spec.notes.map((note) => ({ authorId: office.actorUserId, body: note.body, createdAt: when(context, note) })) };
  }

  letter.status = status;
  // The handler list's key (see Letter.openDepartmentId): set while the letter is on a department's desk.
  const openStatuses: LetterStatus[] = ['ASSIGNED', 'REOPENED', 'REPLY_DRAFTED'];
  if (openStatuses.includes(status)) letter.openDepartmentId = letter.departmentId ?? null;
  letter.events = { createMany: { data: events } };
  letter.updatedAt = lastEventAt;
  return letter;
}

export async function seedLetters(prisma: PrismaClient, organisation: Organisation, people: People, mailboxes: Map<string, string>, now: Date): Promise<Map<string, string>> {
  const context: Context = { now, baseDay: workingDayOnOrBefore(shanghaiDay(now)), organisation, people, mailboxes };
  const letters = new Map<string, string>();
  for (const spec of letterSpecs) {
    const existing = await prisma.letter.findUnique({ where: { trackingCode: spec.trackingCode }, select: { id: true } });
    const row = existing ?? (await prisma.letter.create({ data: buildLetter(spec, context), select: { id: true } }));
    letters.set(spec.trackingCode, row.id);
  }
  return letters;
}
