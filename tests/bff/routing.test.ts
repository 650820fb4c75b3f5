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
  const me = createRouter('/me');
  me.use(async (ctx, next) => {
    ctx.set('X-Me', 'yes');
    await next();
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
