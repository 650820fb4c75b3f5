import { type DemoPersona, demoPersonas } from '@govpocket/shared';
import type { PrismaClient, RoleScope } from '../../generated/client/client';
import { encryptPersonal, hashPersonal, newRecordId } from '../personal-data';
import { governmentOffice, type Organisation, requireId } from './organisation';

/**
 * Users for every demo persona (the fake WeChat logs them in by openid), and for the staff
 * personas a bound staff account with its role and scope. The phone is encrypted once, when the
 * user is created: reruns leave the stored ciphertext alone.
 */

export type People = { usersByPersona: Map<string, string> };

type Scope = { scope: RoleScope; hallId: string | null; departmentId: string | null; scopeKey: string };

function personaScope(persona: DemoPersona, organisation: Organisation): Scope {
  switch (persona.role) {
    case 'WINDOW_STAFF': {
      const hallId = requireId(organisation.halls, persona.scopeName ?? '');
      return { scope: 'HALL', hallId, departmentId: null, scopeKey: `HALL:${hallId}` };
    }
    case 'MAILBOX_OFFICE':
    case 'DEPARTMENT_HANDLER': {
      const departmentId = requireId(organisation.departments, persona.scopeName ?? governmentOffice.name);
      return { scope: 'DEPARTMENT', hallId: null, departmentId, scopeKey: `DEPARTMENT:${departmentId}` };
    }
    default:
      return { scope: 'GLOBAL', hallId: null, departmentId: null, scopeKey: 'GLOBAL' };
  }
}

async function seedStaff(prisma: PrismaClient, persona: DemoPersona, userId: string, organisation: Organisation, now: Date): Promise<void> {
  const accountId = newRecordId();
  const account = await prisma.staffAccount.upsert({
    where: { userId },
    create: {
      id: accountId,
      userId,
      name: persona.nickname,
      title: persona.description,
      phoneEncrypted: encryptPersonal(persona.phone, { field: 'StaffAccount.phoneEncrypted', rowId: accountId }),
      phoneHash: hashPersonal(persona.phone),
      boundAt: now,
    },
    update: { name: persona.nickname, title: persona.description },
    select: { id: true },
  });
  const { scope, hallId, departmentId, scopeKey } = personaScope(persona, organisation);
  await prisma.roleAssignment.upsert({
    where: { staffAccountId_role_scopeKey: { staffAccountId: account.id, role: persona.role, scopeKey } },
    create: { staffAccountId: account.id, role: persona.role, scope, hallId, departmentId, scopeKey },
    update: {},
  });
}

export async function seedPeople(prisma: PrismaClient, organisation: Organisation, now: Date): Promise<People> {
  const usersByPersona = new Map<string, string>();
  for (const persona of demoPersonas) {
    const userId = newRecordId();
    const user = await prisma.user.upsert({
      where: { openid: persona.openid },
      create: {
        id: userId,
        openid: persona.openid,
        nickname: persona.nickname,
        phoneEncrypted: encryptPersonal(persona.phone, { field: 'User.phoneEncrypted', rowId: userId }),
        phoneHash: hashPersonal(persona.phone),
        phoneBoundAt: now,
      },
      update: { nickname: persona.nickname },
      select: { id: true },
    });
    // A persona who signed in before the seed ran exists without the demo phone: give it one.
    await prisma.user.updateMany({
      where: { id: user.id, phoneHash: null },
      data: { phoneEncrypted: encryptPersonal(persona.phone, { field: 'User.phoneEncrypted', rowId: user.id }), phoneHash: hashPersonal(persona.phone), phoneBoundAt: now },
    });
    usersByPersona.set(persona.key, user.id);
    if (persona.role !== 'RESIDENT') await seedStaff(prisma, persona, user.id, organisation, now);
  }
  return { usersByPersona };
}

export function personaUserId(people: People, key: string): string {
  return requireId(people.usersByPersona, key);
}

export function personaByKey(key: string): DemoPersona {
  const persona = demoPersonas.find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`Unknown demo persona ${key}`);
  return persona;
}
