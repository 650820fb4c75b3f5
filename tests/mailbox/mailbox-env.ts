import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { encryptPersonal, hashPersonal } from '@govpocket/db';
import { letterReceiptResponseSchema, staffLetterResponseSchema, type LetterReceipt, type StaffLetter, type SubmitLetterRequest } from '@govpocket/shared';
import { createCalendarService } from '../../bff/src/modules/calendar/service';
import type { LetterJobDeps } from '../../bff/src/modules/mailbox/jobs';
import { createLetterSettingsReader } from '../../bff/src/modules/mailbox/settings';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';

/**
 * The mailbox suites' world: the real app on this file's MySQL and Redis with a clock the test
 * sets (Shanghai wall-clock times of real 2026 dates), an office with its mailbox, two handling
 * departments with a handler each, a second office (for scope checks) and an admin.
 */
export type Clock = { now: Date };
export type MailboxWorld = {
  officeId: string; mailboxId: string; office: LoggedIn;
  departmentA: { id: string; name: string }; handlerA: LoggedIn;
  departmentB: { id: string; name: string }; handlerB: LoggedIn;
  otherOfficeId: string; otherMailboxId: string; otherOffice: LoggedIn;
  admin: LoggedIn;
};
export type MailboxEnv = WechatTestApp & { clock: Clock; setNow: (shanghaiTime: string) => void; world: MailboxWorld; jobs: LetterJobDeps; uploadDir: string };

/** e.g. at('2026-09-29 10:00') — a Shanghai wall-clock time. */
export const at = (shanghaiTime: string): Date => new Date(`${shanghaiTime.replace(' ', 'T')}:00+08:00`);
/** The Shanghai calendar date of an ISO instant. */
export const shanghaiDate = (iso: string | null | undefined): string => new Date(new Date(iso ?? '').getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const unique = (): string => randomUUID().slice(0, 8);

export async function startMailboxEnv(startAt: string, env: Record<string, string> = {}): Promise<MailboxEnv> {
  const clock: Clock = { now: at(startAt) };
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), 'govpocket-letters-'));
  const t = await createWechatTestApp({ FILE_STORAGE_DIR: uploadDir, ...env }, { now: () => clock.now });
  const department = (name: string) => t.prisma.department.create({ data: { name }, select: { id: true, name: true } });
  const office = await department(`测试市政府办公室${unique()}`);
  const otherOffice = await department(`测试区政府办公室${unique()}`);
  const departmentA = await department(`测试市水务局${unique()}`);
  const departmentB = await department(`测试市交通运输局${unique()}`);
  const mailbox = await t.prisma.mailbox.create({ data: { name: `测试市长信箱${unique()}`, kind: 'LEADER', ownerDepartmentId: office.id, description: '测试用信箱' }, select: { id: true } });
  const otherMailbox = await t.prisma.mailbox.create({ data: { name: `测试区长信箱${unique()}`, kind: 'LEADER', ownerDepartmentId: otherOffice.id, description: '测试用信箱' }, select: { id: true } });
  const world: MailboxWorld = {
    officeId: office.id, mailboxId: mailbox.id, office: await createStaff(t, [{ role: 'MAILBOX_OFFICE', departmentId: office.id }], '刘受理'),
    departmentA, handlerA: await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: departmentA.id }], '王承办'),
    departmentB, handlerB: await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: departmentB.id }], '赵承办'),
    otherOfficeId: otherOffice.id, otherMailboxId: otherMailbox.id, otherOffice: await createStaff(t, [{ role: 'MAILBOX_OFFICE', departmentId: otherOffice.id }]),
    admin: await createStaff(t, [{ role: 'ADMIN' }]),
  };
  const jobs: LetterJobDeps = { prisma: t.prisma, calendar: createCalendarService({ prisma: t.prisma, redis: t.redis, keyPrefix: t.config.REDIS_KEY_PREFIX }), settings: createLetterSettingsReader(t.prisma, 0) };
  return {
    ...t, clock, world, jobs, uploadDir,
    setNow: (time) => { clock.now = at(time); },
    close: async () => {
      await t.close();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

export const api = (env: Pick<MailboxEnv, 'app'>) => request(env.app.callback());

/** A resident whose WeChat phone number is bound (letters carry it as the contact phone). */
export async function createResident(env: MailboxEnv, phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`): Promise<LoggedIn & { phone: string }> {
  const resident = await loginAs(env);
  await env.prisma.user.update({ where: { id: resident.userId }, data: { phoneEncrypted: encryptPersonal(phone, { field: 'User.phoneEncrypted', rowId: resident.userId }), phoneHash: hashPersonal(phone), phoneBoundAt: new Date() } });
  return { ...resident, phone };
}

export const letterKey = (): string => `letter-${randomUUID()}`;

export function letterInput(env: MailboxEnv, overrides: Partial<SubmitLetterRequest> = {}): SubmitLetterRequest {
  return { mailboxId: env.world.mailboxId, type: 'SUGGEST', title: '建议增设滨江路公交站台', body: '滨江路沿线小区居民较多，但最近的公交站台相距一公里，老人出行很不方便，建议增设站台。', isPublishAgreed: true, ...overrides };
}

export function postLetter(env: MailboxEnv, resident: LoggedIn, input: SubmitLetterRequest, key = letterKey()) {
  return api(env).post('/letters').set(resident.auth).set('Idempotency-Key', key).send(input);
}

export async function submit(env: MailboxEnv, resident: LoggedIn, overrides: Partial<SubmitLetterRequest> = {}): Promise<LetterReceipt> {
  const response = await postLetter(env, resident, letterInput(env, overrides));
  if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  return letterReceiptResponseSchema.parse(response.body).letter;
}

export function staffPost(env: MailboxEnv, who: LoggedIn, letterId: string, action: string, body: object = {}) {
  return api(env).post(`/staff/letters/${letterId}/${action}`).set(who.auth).send(body);
}

export async function act(env: MailboxEnv, who: LoggedIn, letterId: string, action: string, body: object = {}): Promise<StaffLetter> {
  const response = await staffPost(env, who, letterId, action, body);
  if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return staffLetterResponseSchema.parse(response.body).letter;
}

export const reply = '您好，经核实，滨江路公交站台增设方案已纳入明年线网优化计划，预计二季度完成建设。感谢您的建议。';

/** Submitted → accepted → assigned to department A → reply drafted → approved (REPLIED). */
export async function toReplied(env: MailboxEnv, resident: LoggedIn, overrides: Partial<SubmitLetterRequest> = {}): Promise<string> {
  const { id } = await submit(env, resident, overrides);
  await act(env, env.world.office, id, 'accept');
  await act(env, env.world.office, id, 'assign', { departmentId: env.world.departmentA.id });
  await act(env, env.world.handlerA, id, 'reply', { body: reply, isSubmitted: true });
  await act(env, env.world.office, id, 'review-reply', { decision: 'APPROVE' });
  return id;
}

export async function statusOf(env: MailboxEnv, letterId: string): Promise<string> {
  return (await env.prisma.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true } })).status;
}
