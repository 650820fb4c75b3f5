import type { WechatPrivacyResolve } from '@/platform/privacy-authorization';

/**
 * The consent sheet's state, shared by every page: a page (or WeChat's privacy event) asks, the
 * sheet on the page on screen answers. Everyone waiting for the same sheet gets the same answer.
 */
export type PrivacyReason = 'phone' | 'images' | 'wechat';

export type PrivacyRequest = {
  reason: PrivacyReason;
  /** WeChat holds a privacy API until the agree button's own agreement event arrives. */
  isWechatWaiting: boolean;
};

type Pending = { reason: PrivacyReason; waiters: Array<(isAgreed: boolean) => void>; wechatResolvers: WechatPrivacyResolve[] };
type Listener = () => void;

/** The id WeChat checks: `resolve({ buttonId })` must name the agree button the user tapped. */
export const privacyAgreeButtonId = 'privacy-agree';

const listeners = new Set<Listener>();
let pending: Pending | null = null;
let snapshot: PrivacyRequest | null = null;

function publish(): void {
  snapshot = pending ? { reason: pending.reason, isWechatWaiting: pending.wechatResolvers.length > 0 } : null;
  listeners.forEach((listener) => listener());
}

function ensurePending(reason: PrivacyReason): Pending {
  pending ??= { reason, waiters: [], wechatResolvers: [] };
  return pending;
}

export const privacyPrompt = {
  get(): PrivacyRequest | null {
    return snapshot;
  },

  /** Shows the sheet (or joins the one on screen); true once the user agreed. */
  ask(reason: PrivacyReason): Promise<boolean> {
    return new Promise((resolve) => {
      ensurePending(reason).waiters.push(resolve);
      publish();
    });
  },

  /** WeChat's `onNeedPrivacyAuthorization`: the pending API continues when the sheet is answered. */
  askForWechat(resolve: WechatPrivacyResolve): void {
    ensurePending('wechat').wechatResolvers.push(resolve);
    publish();
  },

  settle(isAgreed: boolean): void {
    const settled = pending;
    if (!settled) return;
    pending = null;
    publish();
    settled.wechatResolvers.forEach((resolve) => resolve(isAgreed ? { event: 'agree', buttonId: privacyAgreeButtonId } : { event: 'disagree' }));
    settled.waiters.forEach((resolve) => resolve(isAgreed));
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
