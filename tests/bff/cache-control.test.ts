import request from 'supertest';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';
import { routesOf } from '../reliability/routes';

let t: WechatTestApp;
let resident: LoggedIn;
let admin: LoggedIn;

beforeAll(async () => {
  t = await createWechatTestApp();
  resident = await loginAs(t);
  admin = await createStaff(t, [{ role: 'ADMIN' }]);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.callback());

describe('Cache-Control of signed-in answers', () => {
  it('is no-store on personal answers, errors included', async () => {
    for (const path of ['/me', '/me/profile', '/notifications', '/fee-orders', '/me/recent-guides', '/nowhere', '/fee-orders/no-such-order']) {
      const answer = await api().get(path).set(resident.auth);
      expect([path, answer.headers['cache-control']]).toEqual([path, 'no-store']);
    }
    // Credentials that no longer sign anyone in: the 401 is not cached either.
    expect((await api().get('/me').set('Authorization', 'Bearer not-a-session')).headers['cache-control']).toBe('no-store');
  });

  it('keeps the caching a route chose: the public guide reads with their ETag, for anyone', async () => {
    for (const auth of [resident.auth, {}]) {
      const answer = await api().get('/guides').set(auth);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('public, max-age=60');
      expect(answer.headers.etag).toBeDefined();
    }
    expect((await api().get('/home').set(resident.auth)).headers['cache-control']).toBe('private, no-cache');
  });

  it('leaves anonymous answers without a choice alone', async () => {
    expect((await api().get('/healthz')).headers['cache-control']).toBeUndefined();
  });

  it('gives every GET route of the router, answered to a signed-in admin, a Cache-Control header', async () => {
    const gets = routesOf(t.app).filter((route) => route.method === 'GET');
    expect(gets.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const route of gets) {
      const path = route.path.replace(/:(\w+)/g, 'x1');
      const answer = await api().get(path).set(admin.auth);
      if (!answer.headers['cache-control']) missing.push(`${path} → ${answer.status}`);
    }
    expect(missing).toEqual([]);
  });
});
