import ExcelJS from 'exceljs';
import request from 'supertest';
import { guideDetailSchema } from '@govpocket/shared';
import { guideDetailToInput } from '../../bff/src/modules/guide/guide-input';
import { createWechatTestApp, type WechatTestApp } from '../support/fake-wechat-app';
import { createStaff, loginAs, type LoggedIn } from '../support/factories';
import { ensureDemoSeeded } from '../support/seeded';

/**
 * GET /openapi.json: structurally valid OpenAPI 3.1, every documented operation served by the
 * router (and every guide route documented), and real answers of the API valid against the
 * published schemas. No OpenAPI validator package is installed, so the structure is checked here
 * and the schemas by a small JSON Schema 2020-12 validator that refuses keywords it does not know
 * (so a schema it cannot judge fails instead of passing unchecked).
 */
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asObject = (value: unknown, what: string): Json => {
  if (!isObject(value)) throw new Error(`${what} is not an object`);
  return value;
};

let t: WechatTestApp;
let doc: Json;
let schemas: Json;

beforeAll(async () => {
  t = await createWechatTestApp();
  await ensureDemoSeeded(t.prisma);
  const response = await request(t.app.callback()).get('/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toContain('application/json');
  doc = asObject(response.body, 'document');
  schemas = asObject(asObject(doc.components, 'components').schemas, 'components.schemas');
}, 60000);
afterAll(async () => {
  await t.close();
});

// ─── a JSON Schema 2020-12 validator for the keywords z.toJSONSchema writes ───

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

// ─── the document ───

const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
type Operation = { path: string; method: string; operation: Json };
function operations(): Operation[] {
  return Object.entries(asObject(doc.paths, 'paths')).flatMap(([path, item]) =>
    Object.entries(asObject(item, path)).filter(([method]) => methods.includes(method)).map(([method, operation]) => ({ path, method, operation: asObject(operation, `${method} ${path}`) })),
  );
}
const koaPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

describe('GET /openapi.json', () => {
  it('is a structurally valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(asObject(doc.info, 'info')).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String) }));
    const securitySchemes = asObject(asObject(doc.components, 'components').securitySchemes, 'securitySchemes');
    expect(securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [id, schema] of Object.entries(schemas)) assertSchemaShape(schema, `#/components/schemas/${id}`);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['ErrorBody', 'GuideDetail', 'GuideInput', 'GuideImportResult', 'GuideImportErrorBody']));

    const operationIds = new Set<string>();
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path.startsWith('/')).toBe(true);
      expect(typeof operation.operationId).toBe('string');
      expect(operationIds.has(String(operation.operationId))).toBe(false);
      operationIds.add(String(operation.operationId));
      const parameters = Array.isArray(operation.parameters) ? operation.parameters.map((parameter) => asObject(parameter, where)) : [];
      for (const parameter of parameters) {
        expect(['query', 'path', 'header', 'cookie']).toContain(parameter.in);
        assertSchemaShape(parameter.schema, `${where} parameter ${String(parameter.name)}`);
      }
      // Every {param} of the path is a required path parameter, and no other path parameter exists.
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
      const declared = parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name).sort()).toEqual(templated);
      expect(declared.every((parameter) => parameter.required === true)).toBe(true);
      for (const requirement of Array.isArray(operation.security) ? operation.security : []) for (const scheme of Object.keys(asObject(requirement, where))) expect(securitySchemes).toHaveProperty(scheme);
      const responses = asObject(operation.responses, `${where} responses`);
      expect(Object.keys(responses).length).toBeGreaterThan(0);
      for (const [status, value] of Object.entries(responses)) {
        const answer = asObject(value, `${where} ${status}`);
        expect(status).toMatch(/^([1-5](\d\d|XX)|default)$/);
        expect(typeof answer.description).toBe('string');
        for (const media of Object.values(isObject(answer.content) ? answer.content : {})) assertSchemaShape(asObject(media, where).schema, `${where} ${status}`);
      }
      if (isObject(operation.requestBody)) for (const media of Object.values(asObject(operation.requestBody.content, where))) assertSchemaShape(asObject(media, where).schema, `${where} body`);
    }
  });

  it('documents only routes the app serves, each reaching the documented handler, and documents every guide route', () => {
    const routes = new Set(t.app.router.stack.flatMap((layer) => (typeof layer.path === 'string' ? layer.methods.map((method) => `${method} ${layer.path}`) : [])));
    const documented = new Set<string>();
    for (const { path, method } of operations()) {
      const route = `${method.toUpperCase()} ${koaPath(path)}`;
      documented.add(route);
      expect({ route, isServed: routes.has(route) }).toEqual({ route, isServed: true });
      // The first route a concrete URL reaches is the documented one (not shadowed by `/:code`).
      const concrete = koaPath(path).replace(/:(\w+)/g, 'X1');
      const first = t.app.router.match(concrete, method.toUpperCase()).pathAndMethod.find((layer) => layer.methods.length > 0);
      expect({ route, reaches: first?.path }).toEqual({ route, reaches: koaPath(path) });
    }
    const guideRoutes = [...routes].filter((route) => !route.startsWith('HEAD ') && /^\w+ \/(guides|guide-|admin\/guides|me\/(favourites|recent-guides|guide-error-reports)|home$|staff\/departments\/:departmentId\/guide-error-reports)/.test(route));
    expect(guideRoutes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('answers of the real API are valid against the published schemas', async () => {
    const api = () => request(t.app.callback());
    const admin = await createStaff(t, [{ role: 'ADMIN' }]);
    const resident = await loginAs(t);
    const police = await t.prisma.department.findUniqueOrThrow({ where: { name: '清江市公安局' } });
    const handler = await createStaff(t, [{ role: 'DEPARTMENT_HANDLER', departmentId: police.id }]);
    const code = (await t.prisma.serviceItem.findFirstOrThrow({ where: { name: '居民身份证申领', status: 'PUBLISHED' } })).code;
    const input = guideDetailToInput(guideDetailSchema.parse((await api().get(`/admin/guides/${code}`).set(admin.auth)).body));
    const checklist = (await api().get(`/guides/${code}/checklist`).set(resident.auth)).body as { materials: Array<{ id: string }> };
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('办事指南');
    sheet.addRow(['事项编码']);
    sheet.addRow(['x']);
    const badSheet = Buffer.from(await workbook.xlsx.writeBuffer());

    type Call = { path: string; method: 'get' | 'put' | 'post' | 'delete'; run: () => request.Test; body?: unknown; as?: LoggedIn };
    const calls: Call[] = [
      { path: '/guides', method: 'get', run: () => api().get('/guides?pageSize=5') },
      { path: '/guides', method: 'get', run: () => api().get('/guides?pageSize=500') },
      { path: '/guide-catalog', method: 'get', run: () => api().get('/guide-catalog') },
      { path: '/guide-search', method: 'get', run: () => api().get('/guide-search?q=身份证') },
      { path: '/guides/{code}', method: 'get', run: () => api().get(`/guides/${code}`).set(resident.auth) },
      { path: '/guides/{code}', method: 'get', run: () => api().get('/guides/NO-SUCH-CODE') },
      { path: '/guides/{code}/versions', method: 'get', run: () => api().get(`/guides/${code}/versions`) },
      { path: '/guides/{code}/versions/{version}', method: 'get', run: () => api().get(`/guides/${code}/versions/1`) },
      { path: '/guides/{code}/checklist', method: 'get', run: () => api().get(`/guides/${code}/checklist`).set(resident.auth) },
      { path: '/guides/{code}/checklist', method: 'put', body: { checkedMaterialIds: checklist.materials.slice(0, 1).map((material) => material.id) }, run: () => api().put(`/guides/${code}/checklist`).set(resident.auth).send({ checkedMaterialIds: checklist.materials.slice(0, 1).map((material) => material.id) }) },
      { path: '/guides/{code}/favourite', method: 'put', run: () => api().put(`/guides/${code}/favourite`).set(resident.auth) },
      { path: '/guides/{code}/error-reports', method: 'post', body: { category: 'MATERIALS', content: '材料清单里的照片规格写错了' }, run: () => api().post(`/guides/${code}/error-reports`).set(resident.auth).send({ category: 'MATERIALS', content: '材料清单里的照片规格写错了' }) },
      { path: '/me/favourites', method: 'get', run: () => api().get('/me/favourites').set(resident.auth) },
      { path: '/me/favourites', method: 'get', run: () => api().get('/me/favourites') },
      { path: '/me/recent-guides', method: 'get', run: () => api().get('/me/recent-guides').set(resident.auth) },
      { path: '/me/guide-error-reports', method: 'get', run: () => api().get('/me/guide-error-reports').set(resident.auth) },
      { path: '/home', method: 'get', run: () => api().get('/home') },
      { path: '/home', method: 'get', run: () => api().get('/home').set(resident.auth) },
      { path: '/staff/departments/{departmentId}/guide-error-reports', method: 'get', run: () => api().get(`/staff/departments/${police.id}/guide-error-reports`).set(handler.auth) },
      { path: '/admin/guides', method: 'get', run: () => api().get('/admin/guides?pageSize=3').set(admin.auth) },
      { path: '/admin/guides/{code}', method: 'get', run: () => api().get(`/admin/guides/${code}`).set(admin.auth) },
      { path: '/admin/guides/{code}', method: 'put', body: input, run: () => api().put(`/admin/guides/${code}`).set(admin.auth).send({ ...input, changeNote: 'OpenAPI 测试' }) },
      { path: '/admin/guides/{code}', method: 'put', run: () => api().put(`/admin/guides/${code}`).set(resident.auth).send(input) },
      { path: '/admin/guides/import', method: 'post', run: () => api().post('/admin/guides/import?dryRun=true').set(admin.auth).attach('file', badSheet, '办事指南.xlsx') },
      { path: '/guides/{code}/favourite', method: 'delete', run: () => api().delete(`/guides/${code}/favourite`).set(resident.auth) },
    ];
    const exported = await api().get('/admin/guides/export.csv').set(admin.auth).buffer(true);
    calls.push({ path: '/admin/guides/import', method: 'post', run: () => api().post('/admin/guides/import?dryRun=true').set(admin.auth).set('Content-Type', 'text/csv').send(Buffer.from(exported.text)) });

    const seen = new Set<string>();
    for (const call of calls) {
      const operation = asObject(asObject(asObject(doc.paths, 'paths')[call.path], call.path)[call.method], `${call.method} ${call.path}`);
      const where = `${call.method.toUpperCase()} ${call.path}`;
      if (call.body !== undefined) {
        const bodySchema = asObject(asObject(asObject(operation.requestBody, where).content, where)['application/json'], where).schema;
        expect({ where, errors: validate(bodySchema, call.body) }).toEqual({ where, errors: [] });
      }
      const response = await call.run();
      const responses = asObject(operation.responses, where);
      const declared = asObject(responses[String(response.status)] ?? responses.default, `${where} ${response.status}`);
      seen.add(`${where} ${response.status}`);
      const json = isObject(declared.content) ? declared.content['application/json'] : undefined;
      if (!isObject(json)) {
        expect({ where, status: response.status, body: response.text ?? '' }).toEqual({ where, status: response.status, body: '' });
        continue;
      }
      expect({ where, status: response.status, errors: validate(json.schema, response.body) }).toEqual({ where, status: response.status, errors: [] });
    }
    // The examples cover successes and the documented error answers alike.
    expect([...seen]).toEqual(expect.arrayContaining(['GET /guides 200', 'GET /guides 400', 'GET /guides/{code} 404', 'GET /me/favourites 401', 'PUT /admin/guides/{code} 403', 'POST /admin/guides/import 400', 'POST /admin/guides/import 200', 'PUT /guides/{code}/favourite 204']));
  });
});
