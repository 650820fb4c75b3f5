/** Reading untyped JSON answers in tests without casts: a missing or mistyped field fails loudly. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current) || !(key in current)) throw new Error(`no field ${path.join('.')} in ${JSON.stringify(value)}`);
    current = current[key];
  }
  return current;
}

export function stringAt(value: unknown, ...path: string[]): string {
  const found = field(value, ...path);
  if (typeof found !== 'string') throw new Error(`${path.join('.')} is not a string in ${JSON.stringify(value)}`);
  return found;
}

export function numberAt(value: unknown, ...path: string[]): number {
  const found = field(value, ...path);
  if (typeof found !== 'number') throw new Error(`${path.join('.')} is not a number in ${JSON.stringify(value)}`);
  return found;
}
