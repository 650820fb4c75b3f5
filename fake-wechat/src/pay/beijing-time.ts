/** WeChat Pay writes times as RFC 3339 in Beijing time: `2026-11-22T15:01:02+08:00`. */
export function formatBeijingTime(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isRfc3339(value: string): boolean {
  return rfc3339.test(value) && !Number.isNaN(Date.parse(value));
}
