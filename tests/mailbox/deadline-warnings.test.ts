import { staffLetterListResponseSchema } from '@govpocket/shared';
import { sendOverdueNotices } from '../../bff/src/modules/mailbox/jobs';
import { warningWorkingDays, type LetterSettings } from '../../bff/src/modules/mailbox/settings';
import { act, api, createResident, startMailboxEnv, submit, type MailboxEnv } from './mailbox-env';

/** 即将超期 per stage: a letter that has just arrived, or just been accepted, is never flagged. */
let env: MailboxEnv;

beforeAll(async () => {
  env = await startMailboxEnv('2026-12-07 09:30');
}, 60000);
afterAll(async () => {
  await env.close();
});

const w = () => env.world;
const urgencyIn = async (path: string, who: typeof env.world.office, letterId: string, query: Record<string, string> = {}) => {
  const list = staffLetterListResponseSchema.parse((await api(env).get(path).set(who.auth).query(query)).body);
  return list.letters.find((letter) => letter.id === letterId)?.urgency;
};

describe('deadline warnings per stage', () => {
  it('a new letter is not 即将超期 when it arrives; it is on the working day before its accept deadline', async () => {
    // Monday 12-07: accept within 2 working days → Wednesday 12-09.
    env.setNow('2026-12-07 09:30');
    const { id } = await submit(env, await createResident(env));
    const inbox = `/staff/offices/${w().officeId}/letters`;
    expect(await urgencyIn(inbox, w().office, id, { view: 'inbox' })).toBe('NORMAL');
    env.setNow('2026-12-07 09:35');
    expect(await sendOverdueNotices(env.jobs, { now: env.clock.now })).toMatchObject({ dueSoon: 0 });
    expect(await env.prisma.notification.count({ where: { eventType: 'LETTER_DEADLINE_WARNING', userId: w().office.userId } })).toBe(0);

    env.setNow('2026-12-08 10:00');
    expect(await urgencyIn(inbox, w().office, id, { view: 'inbox' })).toBe('DUE_SOON');
    expect(await sendOverdueNotices(env.jobs, { now: env.clock.now })).toMatchObject({ dueSoon: 1 });
    expect(await env.prisma.notification.count({ where: { eventType: 'LETTER_DEADLINE_WARNING', userId: w().office.userId } })).toBe(1);

    // Accepted and assigned: the reply stage has its own, longer clock and is not flagged either.
    await act(env, w().office, id, 'accept');
    await act(env, w().office, id, 'assign', { departmentId: w().departmentA.id });
    expect(await urgencyIn(`/staff/departments/${w().departmentA.id}/letters`, w().handlerA, id)).toBe('NORMAL');
  });

  it('the accept-stage threshold follows its setting (read by the daily job)', async () => {
    env.setNow('2026-12-14 09:30');
    await submit(env, await createResident(env));
    env.setNow('2026-12-15 09:30');
    await env.prisma.setting.create({ data: { key: 'letter.acceptWarningWorkingDays', value: 0 } });
    try {
      expect(await sendOverdueNotices(env.jobs, { now: env.clock.now })).toMatchObject({ dueSoon: 0 });
    } finally {
      await env.prisma.setting.delete({ where: { key: 'letter.acceptWarningWorkingDays' } });
    }
    expect(await sendOverdueNotices(env.jobs, { now: env.clock.now })).toMatchObject({ dueSoon: 1 });
  });

  it('a stage is never warned for its whole length, whatever the settings say', () => {
    const settings = { acceptWorkingDays: 2, acceptWarningWorkingDays: 5, replyWorkingDays: 3, replyWarningWorkingDays: 10 } as LetterSettings;
    expect(warningWorkingDays(settings, 'accept')).toBe(1);
    expect(warningWorkingDays(settings, 'reply')).toBe(2);
    expect(warningWorkingDays({ ...settings, acceptWorkingDays: 1 }, 'accept')).toBe(0);
  });
});
