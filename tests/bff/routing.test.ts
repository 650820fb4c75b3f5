import request from 'supertest';
import { createRouter, dispatchByFirstSegment } from '../../bff/src/platform/http/router';
import Koa from 'koa';

/** The first-segment dispatcher must route exactly as one @koa/router with every route would. */
function appWith(build: (root: ReturnType<typeof createRouter>) => void, dispatch: 'segment' | 'plain'): Koa {
  const root = createRouter();
  build(root);
  const app = new Koa();
  app.use(dispatch === 'segment' ? dispatchByFirstSegment(root) : root.routes());
  app.use(root.allowedMethods());
  return app;
}

const routes = (root: ReturnType<typeof createRouter>): void => {
  const me = createRouter('/me', {
    guard: async (ctx, next) => {
      ctx.set('X-Me', 'yes');
      await next();
    },
  });
  me.get('/profile', (ctx) => {
    ctx.body = { at: 'profile' };
  });
  root.use(me.routes());
  root.get('/guides/:code', (ctx) => {
    ctx.body = { at: 'guide', code: ctx.params.code };
  });
  root.post('/guides/:code/favourite', (ctx) => {
    ctx.body = { at: 'favourite' };
  });
  root.get('/:anything/wild', (ctx) => {
    ctx.body = { at: 'wild' };
  });
  root.get('/', (ctx) => {
    ctx.body = { at: 'root' };
  });
};

describe('dispatchByFirstSegment', () => {
  const cases: [string, string][] = [
    ['GET', '/guides/G1'],
    ['GET', '/GUIDES/G1'],
    ['GET', '/guides/G1/'],
    ['DELETE', '/guides/G1'],
    ['POST', '/guides/G1/favourite'],
    ['GET', '/guides/G1/favourite'],
    ['GET', '/me/profile'],
    ['GET', '/me/nothing'],
    ['GET', '/guides/wild'],
    ['GET', '/other/wild'],
    ['GET', '/'],
    ['GET', '/nowhere'],
    ['GET', '//guides/G1'],
    ['GET', '/Me/profile'],
    ['GET', '/me/profile/'],
    ['GET', '/%6De/profile'],
  ];
  it.each(cases)('%s %s answers as the plain router does', async (method, path) => {
    const plain = await request(appWith(routes, 'plain').callback())[method.toLowerCase() as 'get'](path);
    const segmented = await request(appWith(routes, 'segment').callback())[method.toLowerCase() as 'get'](path);
    expect({ status: segmented.status, body: segmented.body as unknown, me: segmented.headers['x-me'], allow: segmented.headers.allow }).toEqual({
      status: plain.status,
      body: plain.body as unknown,
      me: plain.headers['x-me'],
      allow: plain.headers.allow,
    });
  });

  it('routes the hot read and answers 405 with Allow for a wrong method', async () => {
    const app = appWith(routes, 'segment').callback();
    await request(app).get('/guides/G1').expect(200, { at: 'guide', code: 'G1' });
    const wrong = await request(app).delete('/guides/G1');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toContain('GET');
  });
});

describe('strict routing', () => {
  const handled: string[] = [];
  const guarded: string[] = [];
  const app = (): Koa => {
    const root = createRouter();
    const admin = createRouter('/admin/calendar', {
      guard: async (ctx, next) => {
        guarded.push(ctx.path);
        if (ctx.get('X-Role') !== 'ADMIN') {
          ctx.status = 403;
          return;
        }
        await next();
      },
    });
    admin.get('/:year', (ctx) => {
      handled.push(ctx.path);
      ctx.body = { year: ctx.params.year };
    });
    admin.put('/days/:date', (ctx) => {
      handled.push(ctx.path);
      ctx.body = { date: ctx.params.date };
    });
    const orders = createRouter('/fee-orders');
    orders.get('/', (ctx) => {
      ctx.body = { at: 'list' };
    });
    root.use(admin.routes());
    root.use(orders.routes());
    const koa = new Koa();
    koa.use(dispatchByFirstSegment(root));
    koa.use(root.allowedMethods());
    return koa;
  };

  beforeEach(() => {
    handled.length = 0;
    guarded.length = 0;
  });

  it('answers only the exact path: case, trailing slash, double slash and encoded letters are 404 and reach no handler', async () => {
    const server = app().callback();
    for (const path of ['/ADMIN/CALENDAR/DAYS/2027-06-15', '/admin/Calendar/days/2027-06-15', '/admin/calendar/days/2027-06-15/', '//admin/calendar/days/2027-06-15', '/admin//calendar/days/2027-06-15', '/%61dmin/calendar/days/2027-06-15', '/admin/calendar/%64ays/2027-06-15']) {
      const answer = await request(server).put(path).set('X-Role', 'RESIDENT');
      expect([path, answer.status]).toEqual([path, 404]);
    }
    await request(server).get('/admin/Calendar/2027').expect(404);
    expect(handled).toEqual([]);
  });

  it('runs the guard in every route it was given to, before the handler', async () => {
    const server = app().callback();
    await request(server).put('/admin/calendar/days/2027-06-15').set('X-Role', 'RESIDENT').expect(403);
    expect(handled).toEqual([]);
    await request(server).put('/admin/calendar/days/2027-06-15').set('X-Role', 'ADMIN').expect(200, { date: '2027-06-15' });
    expect(guarded).toEqual(['/admin/calendar/days/2027-06-15', '/admin/calendar/days/2027-06-15']);
  });

  it("serves a prefix's root route at the prefix itself, not with a trailing slash", async () => {
    const server = app().callback();
    await request(server).get('/fee-orders').expect(200, { at: 'list' });
    await request(server).get('/fee-orders/').expect(404);
  });

  it('refuses router-level middleware, which routes could be matched without', () => {
    const router = createRouter('/me');
    expect(() => router.use(async (_ctx, next) => next())).toThrow(/guards/);
  });
});
