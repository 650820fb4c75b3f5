/**
 * A small JSON Schema 2020-12 validator for the keywords z.toJSONSchema writes, over a document's
 * named schemas (#/components/schemas/<id>). It refuses keywords it does not know, so a schema it
 * cannot judge fails instead of passing unchecked (no validator package is installed).
 */
export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asObject = (value: unknown, what: string): Json => {
  if (!isObject(value)) throw new Error(`${what} is not an object`);
  return value;
};

export type SchemaValidator = {
  /** Every schema position of a schema, each with only keywords the validator knows. */
  assertSchemaShape: (schema: unknown, at: string) => void;
  /** The ways `value` breaks `schema` (none: valid). */
  validate: (schema: unknown, value: unknown, at?: string) => string[];
};

export function createSchemaValidator(schemas: Json): SchemaValidator {
  const schemaKeywords = new Set([
    'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', '$ref', 'minimum', 'maximum', 'exclusiveMinimum',
    'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format', 'default', 'description', 'title', 'propertyNames', 'examples', 'contentMediaType',
  ]);

  function resolveRef(ref: string): Json {
    const id = /^#\/components\/schemas\/(\w+)$/.exec(ref)?.[1];
    if (!id || !isObject(schemas[id])) throw new Error(`unresolvable $ref ${ref}`);
    return schemas[id];
  }

  /** Every schema position of a schema, each with only keywords the validator knows. */
  function assertSchemaShape(schema: unknown, at: string): void {
    if (schema === true) return;
    const node = asObject(schema, at);
    for (const key of Object.keys(node)) if (!schemaKeywords.has(key)) throw new Error(`unsupported keyword "${key}" at ${at}`);
    if (typeof node.$ref === 'string') resolveRef(node.$ref);
    for (const [name, property] of Object.entries(isObject(node.properties) ? node.properties : {})) assertSchemaShape(property, `${at}.properties.${name}`);
    for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) if (isObject(node[key])) assertSchemaShape(node[key], `${at}.${key}`);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[key])) node[key].forEach((branch, index) => assertSchemaShape(branch, `${at}.${key}[${index}]`));
  }

  function typeOf(value: unknown): string[] {
    if (value === null) return ['null'];
    if (Array.isArray(value)) return ['array'];
    if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
    return [typeof value];
  }

  function validate(schema: unknown, value: unknown, at = '$'): string[] {
    if (schema === true) return [];
    const node = asObject(schema, at);
    if (typeof node.$ref === 'string') return validate(resolveRef(node.$ref), value, at);
    const errors: string[] = [];
    const fail = (message: string): void => void errors.push(`${at}: ${message}`);
    if (node.type !== undefined) {
      const allowed = Array.isArray(node.type) ? node.type : [node.type];
      if (!typeOf(value).some((type) => allowed.includes(type))) return [`${at}: expected ${allowed.join('|')}, got ${typeOf(value)[0]}`];
    }
    if (Array.isArray(node.enum) && !node.enum.includes(value)) fail(`not one of ${JSON.stringify(node.enum)}`);
    if ('const' in node && node.const !== value) fail(`not ${JSON.stringify(node.const)}`);
    if (typeof value === 'number') {
      if (typeof node.minimum === 'number' && value < node.minimum) fail(`below ${node.minimum}`);
      if (typeof node.maximum === 'number' && value > node.maximum) fail(`above ${node.maximum}`);
      if (typeof node.exclusiveMinimum === 'number' && value <= node.exclusiveMinimum) fail(`not above ${node.exclusiveMinimum}`);
      if (typeof node.exclusiveMaximum === 'number' && value >= node.exclusiveMaximum) fail(`not below ${node.exclusiveMaximum}`);
    }
    if (typeof value === 'string') {
      const length = [...value].length;
      if (typeof node.minLength === 'number' && length < node.minLength) fail(`shorter than ${node.minLength}`);
      if (typeof node.maxLength === 'number' && length > node.maxLength) fail(`longer than ${node.maxLength}`);
      if (typeof node.pattern === 'string' && !new RegExp(node.pattern, 'u').test(value)) fail(`does not match ${node.pattern}`);
    }
    if (Array.isArray(value)) {
      if (typeof node.minItems === 'number' && value.length < node.minItems) fail(`fewer than ${node.minItems} items`);
      if (typeof node.maxItems === 'number' && value.length > node.maxItems) fail(`more than ${node.maxItems} items`);
      if (node.items !== undefined) value.forEach((item, index) => errors.push(...validate(node.items, item, `${at}[${index}]`)));
    }
    if (isObject(value)) {
      const properties = isObject(node.properties) ? node.properties : {};
      for (const name of Array.isArray(node.required) ? node.required : []) if (!(String(name) in value)) fail(`missing ${String(name)}`);
      for (const [name, item] of Object.entries(value)) {
        if (name in properties) errors.push(...validate(properties[name], item, `${at}.${name}`));
        else if (node.additionalProperties === false) fail(`unexpected property ${name}`);
        else if (isObject(node.additionalProperties)) errors.push(...validate(node.additionalProperties, item, `${at}.${name}`));
        if (node.propertyNames !== undefined) errors.push(...validate(node.propertyNames, name, `${at}[key ${name}]`));
      }
    }
    if (Array.isArray(node.allOf)) node.allOf.forEach((branch) => errors.push(...validate(branch, value, at)));
    if (Array.isArray(node.anyOf) && !node.anyOf.some((branch) => validate(branch, value, at).length === 0)) fail('matches no anyOf branch');
    if (Array.isArray(node.oneOf) && node.oneOf.filter((branch) => validate(branch, value, at).length === 0).length !== 1) fail('does not match exactly one oneOf branch');
    return errors;
  }

  return { assertSchemaShape, validate };
}
