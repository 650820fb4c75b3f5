/**
 * Brings a set of rows to a desired state with as few round trips as possible: one createMany
 * for the missing rows, one update per row that actually differs, one delete for the rows that
 * should no longer exist. A rerun of the seed against unchanged data therefore writes nothing,
 * where upserting row by row would cost a few seconds per thousand rows.
 */

export type Plain = Record<string, unknown>;

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** True when a field of `desired` has another value in `row` (fields absent from `desired` are ignored). */
export function differs(row: Plain, desired: Plain): boolean {
  return Object.keys(desired).some((key) => comparable(row[key]) !== comparable(desired[key]));
}

export type SyncPlan<Row extends Plain, Desired extends Plain> = {
  existing: Row[];
  desired: Desired[];
  rowKey: (row: Row) => string;
  desiredKey: (desired: Desired) => string;
  createMany: (rows: Desired[]) => Promise<unknown>;
  update: (row: Row, desired: Desired) => Promise<unknown>;
  /** Omit to keep rows that are not desired any more. */
  deleteMany?: (rows: Row[]) => Promise<unknown>;
};

export async function syncRows<Row extends Plain, Desired extends Plain>(plan: SyncPlan<Row, Desired>): Promise<void> {
  const existing = new Map(plan.existing.map((row) => [plan.rowKey(row), row]));
  const desiredKeys = new Set(plan.desired.map(plan.desiredKey));
  const missing: Desired[] = [];
  for (const desired of plan.desired) {
    const row = existing.get(plan.desiredKey(desired));
    if (!row) missing.push(desired);
    else if (differs(row, desired)) await plan.update(row, desired);
  }
  if (missing.length > 0) await plan.createMany(missing);
  const stale = plan.existing.filter((row) => !desiredKeys.has(plan.rowKey(row)));
  if (plan.deleteMany && stale.length > 0) await plan.deleteMany(stale);
}
