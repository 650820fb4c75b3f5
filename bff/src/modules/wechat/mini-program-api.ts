import type { AccessTokenManager } from './access-token';
import type { WechatHttp } from './wechat-http';

/** The mini-program server APIs the BFF uses, with WeChat's field names kept at this edge only. */
export type Code2SessionResult = { openid: string; sessionKey: string; unionid: string | null };
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

type Code2SessionAnswer = { openid: string; session_key: string; unionid?: string };
type PhoneAnswer = { phone_info: { phoneNumber: string; purePhoneNumber: string; countryCode: string } };
type SecCheckAnswer = { result: { suggest: 'pass' | 'review' | 'risky'; label: number }; trace_id: string };

export function createMiniProgramApi({ http, tokens, appid, secret }: { http: WechatHttp; tokens: AccessTokenManager; appid: string; secret: string }): MiniProgramApi {
  return {
    code2Session: async (code) => {
      const answer = await http.get<Code2SessionAnswer>('/sns/jscode2session', { appid, secret, js_code: code, grant_type: 'authorization_code' });
      return { openid: answer.openid, sessionKey: answer.session_key, unionid: answer.unionid ?? null };
    },
    getPhoneNumber: (code) =>
      tokens.withToken(async (token) => {
        const answer = await http.post<PhoneAnswer>('/wxa/business/getuserphonenumber', { access_token: token }, { code });
        return answer.phone_info;
      }),
    checkText: ({ content, openid, scene, title }) =>
      tokens.withToken(async (token) => {
        const answer = await http.post<SecCheckAnswer>('/wxa/msg_sec_check', { access_token: token }, { content, version: 2, scene, openid, title });
        return { suggest: answer.result.suggest, label: answer.result.label, traceId: answer.trace_id };
      }),
    checkMediaAsync: ({ mediaUrl, openid, scene }) =>
      tokens.withToken(async (token) => {
        const answer = await http.post<{ trace_id: string }>('/wxa/media_check_async', { access_token: token }, { media_url: mediaUrl, media_type: 2, version: 2, scene, openid });
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
        });
      }),
  };
}
