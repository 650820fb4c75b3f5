import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeWechat, type FakeWechat } from '@govpocket/fake-wechat';
import { field, numberAt, stringAt } from './support/json';
import { startNotifyReceiver } from './support/notify-receiver';
import { wechatApi } from './support/wechat-api';

const openid = 'o_writer';
let fake: FakeWechat;
let api: ReturnType<typeof wechatApi>;
let token: string;

/** Where the media lives: WeChat downloads it before judging it. `/missing.jpg` answers 404. */
let mediaServer: Server;
let media: string;
const imageBytes = (seed: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(seed)]);
const mediaRequests: string[] = [];

beforeAll(async () => {
  mediaServer = createServer((request, response) => {
    mediaRequests.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://media');
    if (url.pathname === '/missing.jpg') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(imageBytes(url.pathname));
  });
  mediaServer.listen(0, '127.0.0.1');
  await once(mediaServer, 'listening');
  media = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  mediaServer.closeAllConnections();
  mediaServer.close();
  await once(mediaServer, 'close');
});

beforeAll(async () => {
  fake = await startFakeWechat({ sensitiveWords: { risky: ['赌博', '傻逼'], review: ['加微信'], labels: { 赌博: 20006, 傻逼: 20003 } }, mediaCheckDelayMs: 10 });
  api = wechatApi(fake);
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.control.reset();
  fake.control.upsertUser({ openid });
  token = await api.classicToken();
});

const check = (body: Record<string, unknown>) => api.post('/wxa/msg_sec_check', { content: '建议在江北区增设便民服务点', version: 2, scene: 2, openid, ...body }, token);

describe('POST /wxa/msg_sec_check (v2)', () => {
  it('passes ordinary text with label 100', async () => {
    const answer = await check({});
    expect(answer.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: 100 },
      detail: [expect.objectContaining({ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100 }), expect.objectContaining({ strategy: 'keyword', suggest: 'pass' })],
      trace_id: expect.stringMatching(/^[0-9a-f-]+$/),
    });
  });

  it('flags risky words with errcode 0, the word group label and the keyword', async () => {
    const answer = await check({ content: '小区里有人聚众赌博，请处理' });
    expect(numberAt(answer.json, 'errcode')).toBe(0);
    expect(field(answer.json, 'result')).toEqual({ suggest: 'risky', label: 20006 });
    expect(field(answer.json, 'detail')).toContainEqual(expect.objectContaining({ strategy: 'keyword', suggest: 'risky', label: 20006, keyword: '赌博' }));
    expect(fake.state.contentChecks).toEqual([expect.objectContaining({ openid, scene: 2, keyword: '赌博', verdict: { suggest: 'risky', label: 20006 } })]);
    const listed = await fetch(`${fake.url}/__control/content-checks`).then((response) => response.json());
    expect(field(listed, 'contentChecks')).toEqual([expect.objectContaining({ keyword: '赌博' })]);
  });

  it('asks for review on review words and checks title and nickname too', async () => {
    expect(field((await check({ content: '有事加微信联系' })).json, 'result')).toEqual({ suggest: 'review', label: 21000 });
    expect(field((await check({ title: '傻逼物业' })).json, 'result')).toEqual({ suggest: 'risky', label: 20003 });
  });

  it('takes new word lists from the control API', async () => {
    await fetch(`${fake.url}/__control/sensitive-words`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ risky: ['违章建筑'], labels: { 违章建筑: 20001 } }) });
    expect(field((await check({ content: '举报违章建筑' })).json, 'result')).toEqual({ suggest: 'risky', label: 20001 });
    expect(field((await check({ content: '赌博' })).json, 'result')).toEqual({ suggest: 'pass', label: 100 });
  });

  it.each([
    ['content over 2500 characters', { content: '长'.repeat(2501) }, 47001],
    ['empty content', { content: '' }, 47001],
    ['version 1', { version: 1 }, 47001],
    ['scene 5', { scene: 5 }, 47001],
    ['no scene', { scene: undefined }, 47001],
    ['no openid', { openid: undefined }, 47001],
    ['an openid foreign to the app', { openid: 'o_unknown' }, 40003],
  ])('rejects %s with %i', async (_case, body, errcode) => {
    expect(numberAt((await check(body)).json, 'errcode')).toBe(errcode);
  });

  it('accepts exactly 2500 characters', async () => {
    expect(numberAt((await check({ content: '长'.repeat(2500) })).json, 'errcode')).toBe(0);
  });
});

describe('POST /wxa/media_check_async (v2)', () => {
  it('answers a trace_id and pushes a signed wxa_media_check event with the verdict', async () => {
    const receiver = await startNotifyReceiver({ path: '/wechat/push' });
    try {
      fake.control.setMessagePushUrl(receiver.url);
      await fetch(`${fake.url}/__control/media-verdict`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ media_url: `${media}/bad.jpg`, suggest: 'risky', label: 20002 }) });
      const good = await api.post('/wxa/media_check_async', { media_url: `${media}/ok.jpg`, media_type: 2, version: 2, scene: 1, openid }, token);
      const bad = await api.post('/wxa/media_check_async', { media_url: `${media}/bad.jpg`, media_type: 2, version: 2, scene: 1, openid }, token);
      expect(good.json).toEqual({ errcode: 0, errmsg: 'ok', trace_id: expect.any(String) });
      await fake.control.idle();

      const events = receiver.received.map((push) => {
        const event: unknown = JSON.parse(push.body);
        return { push, event };
      });
      expect(events).toHaveLength(2);
      const byTrace = new Map(events.map(({ event, push }) => [stringAt(event, 'trace_id'), { event, push }]));
      const goodEvent = byTrace.get(stringAt(good.json, 'trace_id'));
      const badEvent = byTrace.get(stringAt(bad.json, 'trace_id'));
      expect(goodEvent?.event).toEqual({
        ToUserName: expect.stringMatching(/^gh_/),
        FromUserName: openid,
        CreateTime: expect.any(Number),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: fake.appid,
        trace_id: stringAt(good.json, 'trace_id'),
        version: 2,
        detail: [expect.objectContaining({ strategy: 'content_model', suggest: 'pass', label: 100 })],
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'pass', label: 100 },
      });
      expect(field(badEvent?.event, 'result')).toEqual({ suggest: 'risky', label: 20002 });

      // The push is signed like every 消息推送: sha1(sort(token, timestamp, nonce)).
      const query = new URL(goodEvent?.push.url ?? '', 'http://x').searchParams;
      const expected = createHash('sha1').update([fake.control.keys().messagePushToken, query.get('timestamp') ?? '', query.get('nonce') ?? ''].sort().join('')).digest('hex');
      expect(query.get('signature')).toBe(expected);
    } finally {
      await receiver.close();
    }
  });

  it('rejects bad media parameters with 47001', async () => {
    const answer = await api.post('/wxa/media_check_async', { media_url: 'not a url', media_type: 2, version: 2, scene: 1, openid }, token);
    expect(numberAt(answer.json, 'errcode')).toBe(47001);
    const wrongType = await api.post('/wxa/media_check_async', { media_url: 'https://cdn.example.com/a.jpg', media_type: 3, version: 2, scene: 1, openid }, token);
    expect(numberAt(wrongType.json, 'errcode')).toBe(47001);
  });

  it('records checks even without a push URL, after downloading the media', async () => {
    mediaRequests.length = 0;
    await api.post('/wxa/media_check_async', { media_url: `${media}/a.jpg?sig=1`, media_type: 2, version: 2, scene: 1, openid }, token);
    await fake.control.idle();
    const bytes = imageBytes('/a.jpg');
    expect(fake.state.mediaChecks).toEqual([
      expect.objectContaining({ mediaUrl: `${media}/a.jpg?sig=1`, verdict: { suggest: 'pass', label: 100 }, fetch: { status: 200, contentType: 'image/jpeg', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } }),
    ]);
    expect(mediaRequests).toEqual(['/a.jpg?sig=1']);
    expect(fake.state.deliveries).toHaveLength(0);
  });

  it('retries an unacknowledged push like WeChat: the same signed query and the same body every time', async () => {
    const receiver = await startNotifyReceiver({ path: '/wechat/push', respond: (attempt) => (attempt < 3 ? 500 : 200) });
    try {
      fake.control.setMessagePushUrl(receiver.url);
      await api.post('/wxa/media_check_async', { media_url: `${media}/ok.jpg?retry=1`, media_type: 2, version: 2, scene: 1, openid }, token);
      await fake.control.idle();
      expect(receiver.received).toHaveLength(3);
      const [first] = receiver.received;
      expect(new URL(first?.url ?? '', 'http://x').searchParams.get('nonce')).toMatch(/^\d+$/);
      expect(receiver.received.map((push) => [push.url, push.body])).toEqual([0, 1, 2].map(() => [first?.url, first?.body]));
    } finally {
      await receiver.close();
    }
  });

  it('decides verdicts by URL path or by the bytes, and reports media it cannot download', async () => {
    const receiver = await startNotifyReceiver({ path: '/wechat/push' });
    try {
      fake.control.setMessagePushUrl(receiver.url);
      await fetch(`${fake.url}/__control/media-verdict`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/by-path.jpg', suggest: 'review', label: 20012 }) });
      fake.control.setMediaVerdict(createHash('sha256').update(imageBytes('/by-bytes.jpg')).digest('hex'), { suggest: 'risky', label: 20002 });
      const traces = [];
      for (const name of ['by-path.jpg?expires=1&sig=x', 'by-bytes.jpg', 'missing.jpg']) {
        traces.push(stringAt((await api.post('/wxa/media_check_async', { media_url: `${media}/${name}`, media_type: 2, version: 2, scene: 1, openid }, token)).json, 'trace_id'));
      }
      await fake.control.idle();
      const events = new Map(receiver.received.map((push): [string, unknown] => {
        const event: unknown = JSON.parse(push.body);
        return [stringAt(event, 'trace_id'), event];
      }));
      expect(traces.map((trace) => field(events.get(trace), 'result'))).toEqual([{ suggest: 'review', label: 20012 }, { suggest: 'risky', label: 20002 }, { suggest: 'review', label: 100 }]);
      expect(traces.map((trace) => numberAt(events.get(trace), 'errcode'))).toEqual([0, 0, -1]);
    } finally {
      await receiver.close();
    }
  });

  it('holds verdicts until the control API pushes them', async () => {
    const receiver = await startNotifyReceiver({ path: '/wechat/push' });
    try {
      fake.control.setMessagePushUrl(receiver.url);
      await fetch(`${fake.url}/__control/media-checks/hold`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hold: true }) });
      const trace = stringAt((await api.post('/wxa/media_check_async', { media_url: `${media}/slow.jpg`, media_type: 2, version: 2, scene: 1, openid }, token)).json, 'trace_id');
      await fake.control.idle();
      expect(receiver.received).toHaveLength(0);
      const pushed = await fetch(`${fake.url}/__control/media-checks/push`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ trace_id: trace, suggest: 'risky', label: 20002 }) });
      expect(pushed.status).toBe(200);
      await fake.control.idle();
      expect(receiver.received.map((push) => field(JSON.parse(push.body), 'result'))).toEqual([{ suggest: 'risky', label: 20002 }]);
      const again = await fetch(`${fake.url}/__control/media-checks/push`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ trace_id: trace }) });
      expect(again.status).toBe(409);
    } finally {
      await receiver.close();
    }
  });
});
