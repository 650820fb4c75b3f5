import IORedis from 'ioredis';
import request from 'supertest';
import { guideDetailSchema } from '@govpocket/shared';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis';
import { ensureDemoSeeded } from '../support/seeded';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A guide saved while Redis refused the cache bump (Redis away for a moment, its data kept) must
 * not leave the old answer current once Redis answers again. Two BFF processes on a private Redis;
 * the app's Redis user is switched off and on with ACL, which keeps every key, as a blip would.
 */
let redisServer: PrivateRedis;
let admin: IORedis;
let editor: TestApp;
let other: TestApp;
let code: string;

const phoneAt = async (app: TestApp): Promise<string | null> => guideDetailSchema.parse((await request(app.app.callback()).get(`/guides/${code}`)).body).consultPhone;

beforeAll(async () => {
  redisServer = await startPrivateRedis();
  admin = new IORedis(redisServer.url);
  await admin.call('ACL', 'SETUSER', 'govpocket', 'on', '>app-secret', '~*', '&*', '+@all');
  const url = `redis://govpocket:app-secret@127.0.0.1:${redisServer.port}/0`;
  [editor, other] = [await createTestApp({ REDIS_URL: url }), await createTestApp({ REDIS_URL: url })];
  await ensureDemoSeeded(editor.prisma);
  code = (await editor.prisma.serviceItem.findFirstOrThrow({ where: { name: '普通护照签发' }, select: { code: true } })).code;
}, 60_000);
afterAll(async () => {
  await editor?.close();
  await other?.close();
  admin?.disconnect();
  await redisServer?.stop();
});

it('owes the bump while Redis refuses it and pays it when Redis answers again', async () => {
  const before = await phoneAt(other);
  expect(await phoneAt(editor)).toBe(before); // both hold the answer, in memory and in Redis

  // Redis refuses every command of the app's user (switched off mid-run: the open connections
  // keep going, their commands fail); the keys stay. A save commits in MySQL; its bump fails.
  await admin.call('ACL', 'SETUSER', 'govpocket', '-@all');
  await editor.prisma.serviceItem.update({ where: { code }, data: { consultPhone: '0576-88007777' } });
  await expect(editor.app.guideCache.bump()).resolves.toBeUndefined(); // the save itself succeeded
  // The editing process stops using its copies at once.
  expect(await phoneAt(editor)).toBe('0576-88007777');

  await admin.call('ACL', 'SETUSER', 'govpocket', '+@all');
  // Both processes move to a new version within about a second: nobody serves the old answer.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect(await phoneAt(editor)).toBe('0576-88007777');
  expect(await phoneAt(other)).toBe('0576-88007777');
  expect(before).not.toBe('0576-88007777');
});
