import type { FakeWechat } from '@govpocket/fake-wechat';
import { stringAt } from './json';

export type JsonAnswer = { status: number; json: unknown };

/** Minimal client for the mini-program server API, speaking to the fake over real HTTP. */
export function wechatApi(fake: FakeWechat) {
  const get = async (path: string, query: Record<string, string>): Promise<JsonAnswer> => {
    const response = await fetch(`${fake.url}${path}?${new URLSearchParams(query).toString()}`);
    return { status: response.status, json: await response.json() };
  };
  const post = async (path: string, body: unknown, accessToken?: string): Promise<JsonAnswer> => {
    const query = accessToken === undefined ? '' : `?access_token=${encodeURIComponent(accessToken)}`;
    const response = await fetch(`${fake.url}${path}${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  };
  const code2Session = (jsCode: string, overrides: Record<string, string> = {}): Promise<JsonAnswer> =>
    get('/sns/jscode2session', { appid: fake.appid, secret: fake.secret, js_code: jsCode, grant_type: 'authorization_code', ...overrides });
  const classicToken = async (): Promise<string> => {
    const answer = await get('/cgi-bin/token', { grant_type: 'client_credential', appid: fake.appid, secret: fake.secret });
    return stringAt(answer.json, 'access_token');
  };
  return { get, post, code2Session, classicToken };
}
