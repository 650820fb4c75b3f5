/**
 * Readers for untrusted JSON. They return `undefined` for a missing field and for a field of the
 * wrong type alike: each protocol turns that into its own error (47001 for the mini-program API,
 * PARAM_ERROR for WeChat Pay), so the decision stays with the caller.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asJsonObject(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

export function stringField(source: JsonObject, key: string): string | undefined {
  const value = source[key];
  return typeof value === 'string' ? value : undefined;
}

export function numberField(source: JsonObject, key: string): number | undefined {
  const value = source[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function integerField(source: JsonObject, key: string): number | undefined {
  const value = numberField(source, key);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

export function booleanField(source: JsonObject, key: string): boolean | undefined {
  const value = source[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function objectField(source: JsonObject, key: string): JsonObject | undefined {
  const value = source[key];
  return isJsonObject(value) ? value : undefined;
}

/** Query-string values arrive as `string | string[]`; WeChat reads the first occurrence. */
export function queryValue(query: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[0] : value;
}
