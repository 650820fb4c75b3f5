import { ControlError } from '../control/control-error';
import type { FakeContext } from '../fake-context';
import { isJsonObject, objectField, stringField, type JsonObject } from '../http/json-input';
import { newMessageId } from '../identifiers';
import { acceptanceKey, type SubscribeAcceptance, type SubscribeAttempt } from '../state';
import { assertAccessToken } from './access-token';
import { ensureUser } from './session';
import { isValidTemplateValue } from './subscribe-value-rules';
import { WxApiError, wxErrors } from './wx-error';

const miniprogramStates = ['developer', 'trial', 'formal'];
const languages = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

/** What `wx.requestSubscribeMessage` → "accept" leaves behind: one send per acceptance, or unlimited for long-term templates. */
export function acceptSubscription(fake: FakeContext, input: { openid: string; templateId: string; count?: number; isLongTerm?: boolean }): SubscribeAcceptance {
  if (!fake.state.templates.has(input.templateId)) throw new ControlError(404, 'UNKNOWN_TEMPLATE', `no template ${input.templateId}`);
  ensureUser(fake, input.openid);
  const key = acceptanceKey(input.openid, input.templateId);
  const acceptance = fake.state.acceptances.get(key) ?? { openid: input.openid, templateId: input.templateId, remaining: 0, isLongTerm: false };
  acceptance.remaining += input.count ?? (input.isLongTerm ? 0 : 1);
  acceptance.isLongTerm = input.isLongTerm ?? acceptance.isLongTerm;
  fake.state.acceptances.set(key, acceptance);
  return acceptance;
}

/** The user switched the template off in settings ("reject always"). */
export function revokeSubscription(fake: FakeContext, openid: string, templateId: string): void {
  fake.state.acceptances.delete(acceptanceKey(openid, templateId));
}

/** `{thing1: {value: '…'}}` → `{thing1: '…'}`, keeping whatever strings were sent (for the record). */
function dataValues(body: JsonObject): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, entry] of Object.entries(objectField(body, 'data') ?? {})) {
    const value = isJsonObject(entry) ? stringField(entry, 'value') : undefined;
    if (value !== undefined) values[key] = value;
  }
  return values;
}

function checkData(templateKeys: readonly string[], values: Record<string, string>): void {
  for (const key of templateKeys) {
    const value = values[key];
    if (value === undefined || value === '') throw wxErrors.argumentInvalid(`data.${key}.value`, 'is empty');
    if (!isValidTemplateValue(key, value)) throw wxErrors.argumentInvalid(`data.${key}.value`);
  }
}

/** Like WeChat: the page without its query must be a page of the released mini-program (41030 otherwise). */
function checkPage(fake: FakeContext, page: string | undefined): void {
  const pages = fake.state.settings.pages;
  if (page === undefined || pages === undefined) return;
  const path = page.split('?')[0]?.replace(/^\//, '') ?? '';
  if (!pages.includes(path)) throw wxErrors.invalidPage();
}

function deliver(fake: FakeContext, attempt: SubscribeAttempt, accessToken: string | undefined): number {
  assertAccessToken(fake, accessToken);
  if (!attempt.touser || !fake.state.users.has(attempt.touser)) throw wxErrors.invalidOpenid();
  const templateKeys = fake.state.templates.get(attempt.templateId);
  if (!templateKeys) throw wxErrors.invalidTemplateId();
  checkPage(fake, attempt.page);
  if (attempt.miniprogramState !== undefined && !miniprogramStates.includes(attempt.miniprogramState)) throw wxErrors.argumentInvalid('miniprogram_state');
  if (attempt.lang !== undefined && !languages.includes(attempt.lang)) throw wxErrors.argumentInvalid('lang');
  checkData(templateKeys, attempt.data);
  const acceptance = fake.state.acceptances.get(acceptanceKey(attempt.touser, attempt.templateId));
  if (!acceptance || (!acceptance.isLongTerm && acceptance.remaining <= 0)) throw wxErrors.userRefused();
  if (!acceptance.isLongTerm) acceptance.remaining -= 1;
  return newMessageId();
}

/**
 * POST /cgi-bin/message/subscribe/send; every attempt, failed or not (a stale token included), lands
 * in `state.subscribeAttempts`, so tests can watch a sender recover from 40001 or give up on 43101.
 */
export function sendSubscribeMessage(fake: FakeContext, body: JsonObject, accessToken: string | undefined): { msgid: number } {
  const attempt: SubscribeAttempt = {
    at: fake.clock.now(),
    touser: stringField(body, 'touser') ?? '',
    templateId: stringField(body, 'template_id') ?? '',
    page: stringField(body, 'page'),
    data: dataValues(body),
    miniprogramState: stringField(body, 'miniprogram_state'),
    lang: stringField(body, 'lang'),
    errcode: 0,
    errmsg: 'ok',
  };
  fake.state.subscribeAttempts.push(attempt);
  try {
    attempt.msgid = deliver(fake, attempt, accessToken);
    return { msgid: attempt.msgid };
  } catch (error) {
    if (error instanceof WxApiError) {
      attempt.errcode = error.errcode;
      attempt.errmsg = error.errmsg;
    }
    throw error;
  }
}

export function sentSubscribeMessages(fake: FakeContext, openid?: string): SubscribeAttempt[] {
  return fake.state.subscribeAttempts.filter((attempt) => attempt.errcode === 0 && (openid === undefined || attempt.touser === openid));
}
