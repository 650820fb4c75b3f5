/**
 * The fake's notion of "now". Token lifetimes, code expiry and payment times follow it, so tests
 * can jump two hours ahead without waiting. It is an offset on the wall clock rather than a frozen
 * time, so ordering between real events (requests, deliveries) is preserved.
 *
 * Transport timestamps (Wechatpay-Timestamp, notification headers) deliberately use the wall
 * clock instead: the client under test checks them against its own clock, which is not advanced.
 */
export type Clock = {
  /** Milliseconds since the epoch, in fake time. */
  now(): number;
  nowSeconds(): number;
  advance(seconds: number): void;
  /** Back to wall-clock time plus the configured start offset. */
  reset(): void;
};

export function createClock(startTime?: Date | number): Clock {
  const initialOffset = startTime === undefined ? 0 : new Date(startTime).getTime() - Date.now();
  let offsetMs = initialOffset;
  const now = (): number => Date.now() + offsetMs;
  return {
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
    reset: () => {
      offsetMs = initialOffset;
    },
  };
}

export function wallClockSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
