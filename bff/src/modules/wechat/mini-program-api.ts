import { z } from 'zod';
import type { AccessTokenManager } from './access-token';
import type { WechatHttp } from './wechat-http';

/** The mini-program server APIs the BFF uses, with WeChat's field names kept at this edge only. */
/** What the BFF takes from code2Session: WeChat's session_key is dropped here, never kept or logged. */
export type Code2SessionResult = { openid: string; unionid: string | null };
export type PhoneNumberResult = { phoneNumber: string; purePhoneNumber: string; countryCode: string };
export type ContentVerdict = { suggest: 'pass' | 'review' | 'risky'; label: number; traceId: string };
export type SubscribeMessage = {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  state?: 'developer' | 'trial' | 'formal';
};

export type MiniProgramApi = {
  code2Session: (code: string) => Promise<Code2SessionResult>;
  getPhoneNumber: (code: string) => Promise<PhoneNumberResult>;
  checkText: (input: { content: string; openid: string; scene: 1 | 2 | 3 | 4; title?: string }) => Promise<ContentVerdict>;
  /** mediaCheckAsync v2: WeChat downloads the image and pushes its verdict later (wxa_media_check) under this trace id. */
  checkMediaAsync: (input: { mediaUrl: string; openid: string; scene: 1 | 2 | 3 | 4 }) => Promise<{ traceId: string }>;
  sendSubscribeMessage: (message: SubscribeMessage) => Promise<void>;
};

/** The documented answers, parsed (never cast) at this edge. */
const code2SessionAnswer = z.object({ openid: z.string().min(1).max(128), unionid: z.string().min(1).max(128).optional() });
const phoneAnswer = z.object({
  phone_info: z.object({ phoneNumber: z.string().min(3).max(32), purePhoneNumber: z.string().min(3).max(32), countryCode: z.string().max(8) }),
});
const secCheckAnswer = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().int() }),
  trace_id: z.string(),
});
/** media_check_async answers a trace id; the verdict comes later as a pushed event. */
const mediaCheckAnswer = z.object({ trace_id: z.string().min(1).max(128) });
/** subscribe/send answers only the envelope (`errcode` 0, `errmsg` "ok"). */
const sendAnswer = z.object({ errcode: z.number().int().optional(), errmsg: z.string().optional() });

export function createMiniProgramApi({ http, tokens, appid, secret }: { http: WechatHttp; tokens: AccessTokenManager; appid: string; secret: string }): MiniProgramApi {
  return {
    code2Session: async (code) => {
      const answer = await http.get('/sns/jscode2session', { appid, secret, js_code: code, grant_type: 'authorization_code' }, code2SessionAnswer);
      return { openid: answer.openid, unionid: answer.unionid ?? null };
    },
    getPhoneNumber: (code) =>
      tokens.withToken(async (token) => {
        const answer = await http.post('/wxa/business/getuserphonenumber', { access_token: token }, { code }, phoneAnswer);
        return answer.phone_info;
      }),
    checkText: ({ content, openid, scene, title }) =>
      tokens.withToken(async (token) => {
        const answer = await http.post('/wxa/msg_sec_check', { access_token: token }, { content, version: 2, scene, openid, title }, secCheckAnswer);
        return { suggest: answer.result.suggest, label: answer.result.label, traceId: answer.trace_id };
      }),
    checkMediaAsync: ({ mediaUrl, openid, scene }) =>
      tokens.withToken(async (token) => {
        const answer = await http.post('/wxa/media_check_async', { access_token: token }, { media_url: mediaUrl, media_type: 2, version: 2, scene, openid }, mediaCheckAnswer);
        return { traceId: answer.trace_id };
      }),
    sendSubscribeMessage: (message) =>
      tokens.withToken(async (token) => {
        await http.post('/cgi-bin/message/subscribe/send', { access_token: token }, {
          touser: message.openid,
          template_id: message.templateId,
          page: message.page,
          miniprogram_state: message.state ?? 'formal',
          lang: 'zh_CN',
          data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        }, sendAnswer);
      }),
  };
}
