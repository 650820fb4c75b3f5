import { demoPersonas } from '@govpocket/shared';
import type { Clock } from './clock';
import type { KeyMaterial } from './crypto/key-material';
import type { ResolvedOptions } from './options';
import type { Scheduler } from './scheduler';
import type { FakeSettings, FakeWechatState } from './state';

/** What every part of the fake works with; passed explicitly rather than kept in module globals. */
export type FakeContext = {
  options: ResolvedOptions;
  clock: Clock;
  state: FakeWechatState;
  keys: KeyMaterial;
  scheduler: Scheduler;
};

export function initialSettings(options: ResolvedOptions): FakeSettings {
  return {
    outage: { mode: 'none', scope: 'all' },
    sensitiveWords: { risky: [...options.sensitiveWords.risky], review: [...options.sensitiveWords.review], labels: { ...options.sensitiveWords.labels } },
    mediaVerdicts: new Map(),
    holdMediaVerdicts: false,
    pages: options.pages?.map((page) => page.replace(/^\//, '')),
    messagePushUrl: options.messagePushUrl,
    responseSerial: options.responseSerial,
    refundSettleDelayMs: options.refundSettleDelayMs,
  };
}

/** The demo personas are WeChat users of the app from the start, as are the configured templates. */
export function seedState(fake: FakeContext): void {
  for (const persona of demoPersonas) {
    fake.state.users.set(persona.openid, { openid: persona.openid, phone: persona.phone, isHighRisk: false });
  }
  for (const [templateId, keys] of Object.entries(fake.options.subscribeTemplates)) {
    fake.state.templates.set(templateId, [...keys]);
  }
}
