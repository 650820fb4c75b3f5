import { z } from 'zod';
import { idempotencyKeyHeader, idempotencyKeySchema, roleLabels } from '@govpocket/shared';
import { requestSchemas, responseSchemas } from './components';
import type { ApiOperation, ApiResponse } from './operation';

/**
 * Builds the OpenAPI 3.1 document from route tables: paths from each ApiOperation, components from
 * the shared zod schemas (z.toJSONSchema, JSON Schema 2020-12, the dialect OpenAPI 3.1 uses), the
 * error shape and bearer auth. Built once at boot; a schema a table names but components.ts does
 * not register is a programming error and fails here, not in a client.
 */
type JsonObject = Record<string, unknown>;

const schemaRef = (id: string): JsonObject => ({ $ref: `#/components/schemas/${id}` });
const errorDescriptions: Record<number, string> = {
  400: '请求有误（VALIDATION_FAILED 时 details 列出各字段的问题）',
  401: '未登录或会话已过期',
  403: '无权进行此操作',
  404: '不存在或已下线',
  409: '与现有数据冲突',
  413: '提交的内容过大',
  415: '不支持的提交格式',
  422: '内容含有不当信息（CONTENT_REJECTED），或 Idempotency-Key 已用于另一请求（IDEMPOTENCY_KEY_REUSED）',
  429: '操作过于频繁（Retry-After）',
  503: '依赖的服务暂不可用，请稍后重试',
};

/** Each registered schema as a component: no $id/$schema of its own (the document sets the dialect). */
function components(registry: typeof responseSchemas, io: 'input' | 'output'): Record<string, JsonObject> {
  const generated = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return Object.fromEntries(Object.entries(generated.schemas).map(([id, { $id: _id, $schema: _dialect, ...schema }]) => [id, schema]));
}

function schemaFor(schema: z.ZodType, where: string): JsonObject {
  const id = responseSchemas.get(schema)?.id ?? requestSchemas.get(schema)?.id;
  if (!id) throw new Error(`OpenAPI: ${where} uses a schema that bff/src/openapi/components.ts does not register`);
  return schemaRef(id);
}

function response(answer: ApiResponse, where: string): JsonObject {
  const content = { ...(answer.schema ? { 'application/json': { schema: schemaFor(answer.schema, where) } } : {}), ...answer.media };
  return { description: answer.description, ...(Object.keys(content).length > 0 ? { content } : {}) };
}

function queryParameters(query: z.ZodType): JsonObject[] {
  const schema = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' });
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: required.has(name), schema: property }));
}

function security(operation: ApiOperation): JsonObject {
  const bearer = [{ bearerAuth: [] }];
  if (operation.access === 'public') return { security: [] };
  if (operation.access === 'optional-login') return { security: [{}, ...bearer] };
  if (operation.access === 'login') return { security: bearer };
  const { roles, scope } = operation.access;
  const needs = `需要角色：${roles.map((role) => roleLabels[role]).join('、')}${scope ? `，且 ${scope} 在其管辖范围内（管理员不限）` : ''}`;
  return { security: bearer, 'x-roles': roles, ...(scope ? { 'x-scope': scope } : {}), description: [operation.description, needs].filter(Boolean).join('\n\n') };
}

const { $schema: _keyDialect, ...idempotencyKeyJsonSchema } = z.toJSONSchema(idempotencyKeySchema, { io: 'input', unrepresentable: 'any' });
const idempotencyKeyParameter: JsonObject = {
  name: idempotencyKeyHeader,
  in: 'header',
  required: true,
  description: '客户端生成的幂等键：同一操作重试时沿用，得到首次的结果',
  schema: idempotencyKeyJsonSchema,
};

function operationObject(operation: ApiOperation): JsonObject {
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  const pathParameters = [...operation.path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const implied = operation.access === 'public' || operation.access === 'optional-login' ? [] : typeof operation.access === 'string' ? [401] : [401, 403];
  const responses: JsonObject = {};
  for (const status of [...implied, ...(operation.errors ?? [])]) {
    responses[String(status)] = { description: errorDescriptions[status] ?? '错误', content: { 'application/json': { schema: schemaRef('ErrorBody') } } };
  }
  for (const [status, answer] of Object.entries(operation.responses)) responses[status] = response(answer, where);
  responses.default = { description: '其他错误，统一格式 { error: { code, message, details?, requestId } }', content: { 'application/json': { schema: schemaRef('ErrorBody') } } };
  const content = operation.body ? { 'application/json': { schema: schemaFor(operation.body, where) } } : operation.rawBody;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...security(operation),
    parameters: [...pathParameters, ...(operation.isIdempotent ? [idempotencyKeyParameter] : []), ...(operation.query ? queryParameters(operation.query) : [])],
    ...(content ? { requestBody: { required: true, content } } : {}),
    responses,
  };
}

/** `/guides/:code` as OpenAPI writes it: `/guides/{code}`. */
export const openApiPath = (koaPath: string): string => koaPath.replace(/:(\w+)/g, '{$1}');

export function buildOpenApiDocument(operations: ApiOperation[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const operation of operations) {
    const path = (paths[openApiPath(operation.path)] ??= {});
    if (path[operation.method]) throw new Error(`OpenAPI: ${operation.method.toUpperCase()} ${operation.path} is declared twice`);
    path[operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: '政务掌上通 GovPocket BFF', version: '0.1.0', description: '清江市政务掌上通小程序的后端接口。错误统一为 { error: { code, message, details?, requestId } }，message 为可直接展示的中文。' },
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...components(responseSchemas, 'output'), ...components(requestSchemas, 'input') },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: '登录（微信或工作人员）后得到的会话令牌' } },
    },
  };
}
