import { spawn } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { profileSchema } from '@govpocket/shared';
import { blobKeyId, hashPersonal, reencryptPersonalData } from '@govpocket/db';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { loginAs, type LoggedIn } from '../support/factories';

/**
 * Personal data under a rotating key ring, through the real app: blobs bound to their row (a copy
 * in another row reads as no phone, never a 500), old keys readable, `npm run reencrypt` moving
 * everything to the new key so the old one can be retired.
 */
const root = path.resolve(__dirname, '../..');
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const saved = { keys: process.env.DATA_ENCRYPTION_KEYS, hash: process.env.DATA_HASH_KEY };

let t: WechatTestApp;

beforeAll(async () => {
  process.env.DATA_ENCRYPTION_KEYS = `k1:${keyA}`;
  t = await createWechatTestApp();
});
afterAll(async () => {
  await t.close();
  for (const [name, value] of [['DATA_ENCRYPTION_KEYS', saved.keys], ['DATA_HASH_KEY', saved.hash]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const api = () => request(t.app.callback());

async function residentWithPhone(phone: string): Promise<LoggedIn> {
  const person = await loginAs(t);
  await api().post('/me/consents').set(person.auth).send({ kind: 'PRIVACY_POLICY', version: t.config.PRIVACY_POLICY_VERSION }).expect(200);
  const bound = await api().post('/me/phone').set(person.auth).send({ code: t.fake.control.mintPhoneCode(person.openid, phone).code });
  expect(bound.status).toBe(200);
  return person;
}

async function maskedPhoneOf(person: LoggedIn): Promise<string | null> {
  const answer = await api().get('/me/profile').set(person.auth);
  expect(answer.status).toBe(200);
  return profileSchema.parse(answer.body).maskedPhone;
}

async function phoneBlobOf(userId: string): Promise<string> {
  return (await t.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { phoneEncrypted: true } })).phoneEncrypted ?? '';
}

/** How the first release wrote a blob: `v1.` + base64(iv | tag | ciphertext), one key, no associated data. */
function firstFormatBlob(text: string, keyText: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyText, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

function runReencrypt(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'prisma/src/reencrypt-cli.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: process.env.DATABASE_URL ?? '', APP_MODE: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('personal-data blobs bound to their row', () => {
  it('a phone blob copied into another resident\'s row reads as no phone there, not as an error or the other number', async () => {
    const owner = await residentWithPhone('13911110001');
    const other = await residentWithPhone('13911110002');
    expect(await maskedPhoneOf(other)).toBe('139****0002');

    await t.prisma.user.update({ where: { id: other.userId }, data: { phoneEncrypted: await phoneBlobOf(owner.userId) } });
    expect(await maskedPhoneOf(other)).toBeNull();
    const exported = await api().get('/me/export').set(other.auth);
    expect(exported.status).toBe(200);
    expect(exported.body.phone).toBeNull();
    expect(JSON.stringify(exported.body)).not.toContain('13911110001');
    // Writing a letter needs a readable phone: a clear 4xx asking to bind one, not a 500.
    const department = await t.prisma.department.create({ data: { name: `密钥测试办${randomBytes(4).toString('hex')}` }, select: { id: true } });
    const mailbox = await t.prisma.mailbox.create({ data: { name: `密钥测试信箱${randomBytes(4).toString('hex')}`, kind: 'LEADER', ownerDepartmentId: department.id, description: '测试用信箱' }, select: { id: true } });
    const letter = await api().post('/letters').set(other.auth).set('Idempotency-Key', `copied-${randomBytes(4).toString('hex')}`)
      .send({ mailboxId: mailbox.id, type: 'SUGGEST', title: '清江路路灯不亮', body: '清江路的路灯已经三天不亮了，请尽快修复。', isPublishAgreed: false });
    expect(letter.status).toBe(400);
    expect(letter.body.error.message).toBe('请先授权绑定手机号，以便办理部门联系您');
    expect(await maskedPhoneOf(owner)).toBe('139****0001');
  });
});

describe('key rotation', () => {
  it('reads old keys and first-format blobs, re-encrypts everything under the new key, then works without the old one', async () => {
    const residents = await Promise.all(['13922220001', '13922220002', '13922220003'].map((phone) => residentWithPhone(phone)));
    const hashesBefore = await t.prisma.user.findMany({ where: { id: { in: residents.map((person) => person.userId) } }, select: { id: true, phoneHash: true }, orderBy: { id: 'asc' } });
    for (const person of residents) expect(blobKeyId(await phoneBlobOf(person.userId))).toBe('k1');
    // A row as the first release left it.
    const [legacy] = residents;
    if (!legacy) throw new Error('no resident');
    await t.prisma.user.update({ where: { id: legacy.userId }, data: { phoneEncrypted: firstFormatBlob('13922220001', keyA) } });
    expect(await maskedPhoneOf(legacy)).toBe('139****0001');

    // The new key goes first: new writes use it, the old blobs still read.
    process.env.DATA_ENCRYPTION_KEYS = `k2:${keyB},k1:${keyA}`;
    const newcomer = await residentWithPhone('13922220004');
    expect(blobKeyId(await phoneBlobOf(newcomer.userId))).toBe('k2');
    for (const [index, person] of residents.entries()) expect(await maskedPhoneOf(person)).toBe(`139****000${index + 1}`);

    // In process, in batches of two: every blob not under k2 is rewritten.
    const report = await reencryptPersonalData(t.prisma, { batchSize: 2 });
    const users = report.columns.find((column) => column.field === 'User.phoneEncrypted');
    expect(report.currentKeyId).toBe('k2');
    // This file's database also holds the rows of the test above (one unreadable copy).
    expect(users).toMatchObject({ rewritten: 4, current: 1, unreadable: 1, raced: 0 });
    for (const person of [...residents, newcomer]) expect(blobKeyId(await phoneBlobOf(person.userId))).toBe('k2');

    // The command itself: nothing left to do, but the one unreadable blob is reported (exit code 2).
    const command = await runReencrypt({ DATA_ENCRYPTION_KEYS: `k2:${keyB},k1:${keyA}`, REENCRYPT_BATCH_SIZE: '1' });
    expect(command.output).toContain('[reencrypt] User.phoneEncrypted: 0 rewritten, 5 already under k2, 1 unreadable, 0 changed meanwhile');
    expect(command.code).toBe(2);

    // The old key retired (its value kept only as the lookup-hash key): everything still reads and matches.
    process.env.DATA_ENCRYPTION_KEYS = `k2:${keyB}`;
    process.env.DATA_HASH_KEY = keyA;
    for (const [index, person] of residents.entries()) expect(await maskedPhoneOf(person)).toBe(`139****000${index + 1}`);
    expect(await maskedPhoneOf(newcomer)).toBe('139****0004');
    const hashesAfter = await t.prisma.user.findMany({ where: { id: { in: residents.map((person) => person.userId) } }, select: { id: true, phoneHash: true }, orderBy: { id: 'asc' } });
    expect(hashesAfter).toEqual(hashesBefore);
    expect(hashPersonal('13922220002')).toBe(hashesBefore.find((row) => row.id === residents[1]?.userId)?.phoneHash);
  }, 60_000);

  it('the command rewrites blobs under an old key and reports the counts', async () => {
    process.env.DATA_ENCRYPTION_KEYS = `k2:${keyB}`;
    process.env.DATA_HASH_KEY = keyA;
    const person = await residentWithPhone('13933330001');
    expect(blobKeyId(await phoneBlobOf(person.userId))).toBe('k2');
    const keyC = randomBytes(32).toString('base64');
    const command = await runReencrypt({ DATA_ENCRYPTION_KEYS: `k3:${keyC},k2:${keyB}`, DATA_HASH_KEY: keyA, REENCRYPT_BATCH_SIZE: '3' });
    expect(command.output).toMatch(/User\.phoneEncrypted: 6 rewritten, 0 already under k3, 1 unreadable/);
    expect(blobKeyId(await phoneBlobOf(person.userId))).toBe('k3');
    process.env.DATA_ENCRYPTION_KEYS = `k3:${keyC}`;
    expect(await maskedPhoneOf(person)).toBe('139****0001');
  }, 60_000);
});
