import type { z } from 'zod';
import type { Role } from '@govpocket/shared';

/**
 * One documented route, as a module declares it next to the others of its area (guide-paths.ts).
 * Schemas are the shared zod schemas the route really parses and answers with; the document
 * builder turns them into OpenAPI 3.1 (JSON Schema 2020-12) components.
 */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete';

/**
 * Who may call: anyone; anyone, with more when signed in; a signed-in user; staff in one of these
 * roles, and with `scope`, only for the hall or department the named path parameter is (admins:
 * every one), as requireScope checks before the handler runs.
 */
export type ApiAccess = 'public' | 'optional-login' | 'login' | { roles: Role[]; scope?: 'hallId' | 'departmentId' };

/** A body that is not JSON (CSV, XLSX, multipart), by media type, with a JSON Schema for it. */
export type MediaSchemas = Record<string, Record<string, unknown>>;

export type ApiResponse = {
  description: string;
  /** A JSON body: must be registered in components.ts. */
  schema?: z.ZodType;
  /** Other media types of the answer (besides the JSON one, if any). */
  media?: MediaSchemas;
};

export type ApiOperation = {
  method: HttpMethod;
  /** As registered with @koa/router: `/guides/:code`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: ApiAccess;
  /** A z.object of query parameters (its input form: strings coerced, defaults optional). */
  query?: z.ZodType;
  /** A JSON request body: must be registered in components.ts. */
  body?: z.ZodType;
  rawBody?: MediaSchemas;
  /** The route requires an Idempotency-Key header (a retry with the same key answers the first result). */
  isIdempotent?: boolean;
  responses: Record<number, ApiResponse>;
  /** Error statuses besides the ones access implies (401, 403); all answer ErrorBody. */
  errors?: number[];
};

export const json = (description: string, schema: z.ZodType): ApiResponse => ({ description, schema });
export const noContent = (description: string): ApiResponse => ({ description });

export const binary = { type: 'string', format: 'binary' };
export const spreadsheetMedia = (description: string): ApiResponse => ({
  description,
  media: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary } },
});
export const csvMedia = (description: string): ApiResponse => ({ description, media: { 'text/csv': { schema: { type: 'string' } } } });

/** Access of the routes only an admin may call. */
export const adminOnly = { roles: ['ADMIN' as const] };
/** Access of the hall routes: window staff of the hall in the path (admins pass every scope check). */
export const hallWindowStaff = { roles: ['WINDOW_STAFF' as const], scope: 'hallId' as const };
