import Taro from '@tarojs/taro';
import { acceptDemoSubscription } from '@/services/demo-wechat-service';
import { currentDemoPersona } from './demo-identity';
import { PlatformError } from './platform-error';

export type SubscribeDecision = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * Asks the resident to accept one-time subscribe-message templates (must follow a tap) and returns
 * the decision per template id. The H5 demo has no WeChat prompt: it accepts on the fake WeChat for
 * the signed-in demo persona, so the messages the BFF then sends are delivered there.
 */
export async function requestSubscribe(templateIds: readonly string[]): Promise<Record<string, SubscribeDecision>> {
  if (templateIds.length === 0) return {};
  if (process.env.TARO_ENV === 'h5') return acceptInBrowserDemo(templateIds);

  let result: unknown;
  try {
    result = await Taro.requestSubscribeMessage({ tmplIds: [...templateIds], entityIds: [] });
  } catch {
    throw new PlatformError('FAILED', '订阅消息授权失败，可在“我的-消息中心”查看通知');
  }
  // The answer is keyed by template id; a failure result simply has no such keys.
  const answers = new Map(typeof result === 'object' && result !== null ? Object.entries(result) : []);
  return Object.fromEntries(templateIds.map((id) => [id, toDecision(answers.get(id))]));
}

function toDecision(value: unknown): SubscribeDecision {
  return value === 'accept' || value === 'ban' || value === 'filter' ? value : 'reject';
}

async function acceptInBrowserDemo(templateIds: readonly string[]): Promise<Record<string, SubscribeDecision>> {
  const personaKey = currentDemoPersona();
  const decide = async (templateId: string): Promise<SubscribeDecision> => {
    if (!personaKey) return 'reject';
    try {
      await acceptDemoSubscription(personaKey, templateId);
      return 'accept';
    } catch {
      return 'reject';
    }
  };
  const decisions = await Promise.all(templateIds.map(async (id) => [id, await decide(id)] as const));
  return Object.fromEntries(decisions);
}
