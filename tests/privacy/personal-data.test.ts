import { Writable } from 'node:stream';
import request from 'supertest';
import { profileSchema } from '@govpocket/shared';
import { decryptPersonal } from '@govpocket/db';
import { createLogger } from '../../bff/src/platform/logger';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs, type LoggedIn } from '../support/factories';

const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});

let t: WechatTestApp;
const phone = '13912345678';

beforeAll(async () => {
  t = await createWechatTestApp({ LOG_LEVEL: 'debug' }, { logger: createLogger({ level: 'debug', destination: logSink }) });
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());

async function consentAndBindPhone(person: LoggedIn): Promise<void> {
  await api().post('/me/consents').set(person.auth).send({ kind: 'PRIVACY_POLICY', version: t.config.PRIVACY_POLICY_VERSION }).expect(200);
  const { code } = t.fake.control.mintPhoneCode(person.openid, phone);
  const bound = await api().post('/me/phone').set(person.auth).send({ code });
  expect(bound.status).toBe(200);
  expect(bound.body).toEqual({ maskedPhone: '139****5678' });
}

/** Every text column of every table, searched for the needle: personal data must not be there in clear. */
async function tablesContaining(needle: string): Promise<string[]> {
  const columns = await t.prisma.$queryRawUnsafe<{ TABLE_NAME: string; COLUMN_NAME: string }[]>(
    "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('varchar','char','text','mediumtext','longtext','json')",
  );
  const hits: string[] = [];
  for (const { TABLE_NAME, COLUMN_NAME } of columns) {
    const rows = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM \`${TABLE_NAME}\` WHERE \`${COLUMN_NAME}\` LIKE ?`, `%${needle}%`);
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${TABLE_NAME}.${COLUMN_NAME}`);
  }
  return hits;
}

describe('personal data', () => {
  it('needs the privacy guide agreed before the phone number is used', async () => {
    const person = await loginAs(t);
    const profile = profileSchema.parse((await api().get('/me/profile').set(person.auth)).body);
    expect(profile.needsPrivacyConsent).toBe(true);
    const refused = await api().post('/me/phone').set(person.auth).send({ code: t.fake.control.mintPhoneCode(person.openid, phone).code });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('请先阅读并同意《隐私保护指引》');
    const stale = await api().post('/me/consents').set(person.auth).send({ kind: 'PRIVACY_POLICY', version: '2020.01' });
    expect(stale.status).toBe(409);
  });

  it('stores the phone encrypted with a keyed hash; no plaintext anywhere in the database or the logs', async () => {
    const person = await loginAs(t);
    await consentAndBindPhone(person);
    const profile = profileSchema.parse((await api().get('/me/profile').set(person.auth)).body);
    expect(profile).toMatchObject({ maskedPhone: '139****5678', needsPrivacyConsent: false, user: { hasPhone: true } });
    expect(profile.consents.map((consent) => consent.kind).sort()).toEqual(['PHONE_NUMBER', 'PRIVACY_POLICY']);

    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: person.userId } });
    expect(row.phoneEncrypted).toMatch(/^v2\.dev\./);
    expect(decryptPersonal(row.phoneEncrypted ?? '', { field: 'User.phoneEncrypted', rowId: person.userId })).toBe(phone);
    expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);

    expect(await tablesContaining(phone)).toEqual([]);
    const logs = logLines.join('');
    expect(logs).toContain('"route":"/me/phone"');
    for (const secret of [phone, person.openid, person.token]) expect(logs).not.toContain(secret);
  });

  it('remembers 长辈版 per user across logins', async () => {
    const person = await loginAs(t);
    const updated = profileSchema.parse((await api().put('/me/preferences').set(person.auth).send({ isElderMode: true })).body);
    expect(updated.isElderMode).toBe(true);
    const again = await loginAs(t, person.openid);
    expect(profileSchema.parse((await api().get('/me/profile').set(again.auth)).body).isElderMode).toBe(true);
    expect((await api().put('/me/preferences').set(person.auth).send({ isElderMode: 'yes' })).status).toBe(400);
  });

  it('exports everything we hold about the resident, decrypted for them', async () => {
    const person = await loginAs(t);
    await consentAndBindPhone(person);
    const exported = await api().get('/me/export').set(person.auth);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body).toMatchObject({ id: person.userId, phone });
    expect(exported.body.privacyConsents).toHaveLength(2);
    expect(Array.isArray(exported.body.letters)).toBe(true);
  });

  it('deletes the account: personal data erased, sessions ended, an audit row kept', async () => {
    const person = await loginAs(t);
    await consentAndBindPhone(person);
    expect((await api().post('/me/delete-account').set(person.auth).send({ confirm: '删除' })).status).toBe(400);
    expect((await api().post('/me/delete-account').set(person.auth).send({ confirm: '注销账号' })).status).toBe(204);
    expect((await api().get('/me/profile').set(person.auth)).status).toBe(401);

    const row = await t.prisma.user.findUniqueOrThrow({ where: { id: person.userId } });
    expect(row).toMatchObject({ openid: `deleted:${person.userId}`, phoneEncrypted: null, phoneHash: null, nickname: null });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: person.userId, action: 'ACCOUNT_DELETED' } });
    expect(audit.actorUserId).toBe(person.userId);

    // The same WeChat user coming back is a new, empty account.
    const returning = await loginAs(t, person.openid);
    expect(returning.userId).not.toBe(person.userId);
  });
});

describe('audit log', () => {
  it('cannot be edited or deleted, even by direct database access', async () => {
    const person = await loginAs(t);
    await api().post('/me/delete-account').set(person.auth).send({ confirm: '注销账号' }).expect(204);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: person.userId } });
    await expect(t.prisma.auditLog.update({ where: { id: audit.id }, data: { action: 'NOTHING_HAPPENED' } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditLog.delete({ where: { id: audit.id } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.$executeRawUnsafe('DELETE FROM AuditLog')).rejects.toThrow(/append-only/);
    expect(await t.prisma.auditLog.findUnique({ where: { id: audit.id } })).toMatchObject({ action: 'ACCOUNT_DELETED' });
  });
});
