/**
 * Background work of the fake (notification retries, refund settlement, media-check pushes) runs
 * on real timers. Everything goes through here so that `close()` and `reset()` can cancel it and
 * tests can `await idle()` instead of sleeping.
 */
export type Scheduler = {
  /** Runs `task` after `delayMs`; errors are swallowed (the task records its own outcome). */
  after(delayMs: number, task: (signal: AbortSignal) => Promise<void> | void): void;
  /** Resolves once no task is waiting or running. */
  idle(): Promise<void>;
  /** Drops waiting tasks and aborts running ones. */
  cancelAll(): void;
};

export function createScheduler(): Scheduler {
  const timers = new Set<NodeJS.Timeout>();
  let running = 0;
  let abort = new AbortController();
  let waiters: Array<() => void> = [];

  const settleWaiters = (): void => {
    if (timers.size > 0 || running > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const run = async (task: (signal: AbortSignal) => Promise<void> | void): Promise<void> => {
    running += 1;
    try {
      await task(abort.signal);
    } catch {
      // The task owns its bookkeeping; a throw here must not kill the process.
    } finally {
      running -= 1;
      settleWaiters();
    }
  };

  return {
    after(delayMs, task) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run(task);
      }, Math.max(0, delayMs));
      timers.add(timer);
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settleWaiters();
      });
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      abort.abort();
      abort = new AbortController();
      settleWaiters();
    },
  };
}
