import { useCallback, useRef, useState } from 'react';
import { requestSubscribe, type SubscribeDecision } from '@/platform/subscribe-message';
import { reportSubscriptionResults } from '@/services/notification-service';

export type SubscribePrompt = {
  /**
   * Asks for the templates and reports the answers to the BFF. WeChat shows the prompt only from a
   * tap: call it first thing in the tap handler, before any other await (booking or letter submit),
   * then go on with the action whatever the answer. Never throws: the message centre always works.
   */
  prompt: () => Promise<Record<string, SubscribeDecision>>;
  isPrompting: boolean;
  /** The answers of the last prompt ({} before the first). */
  lastResults: Record<string, SubscribeDecision>;
};

/** Subscribe-message prompt for one action (the template ids the BFF lists for its events). */
export function useSubscribePrompt(templateIds: readonly string[]): SubscribePrompt {
  const [isPrompting, setIsPrompting] = useState(false);
  const [lastResults, setLastResults] = useState<Record<string, SubscribeDecision>>({});
  const ids = useRef(templateIds);
  ids.current = templateIds;

  const prompt = useCallback(async () => {
    const requested = ids.current;
    if (requested.length === 0) return {};
    setIsPrompting(true);
    try {
      const results = await requestSubscribe(requested).catch((): Record<string, SubscribeDecision> => ({}));
      setLastResults(results);
      if (Object.keys(results).length > 0) {
        // Best effort: without the report the BFF still sends in-app messages, just no WeChat ones.
        await reportSubscriptionResults(results).catch(() => undefined);
      }
      return results;
    } finally {
      setIsPrompting(false);
    }
  }, []);

  return { prompt, isPrompting, lastResults };
}
