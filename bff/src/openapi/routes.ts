import { createRouter, type AppRouter } from '../platform/http/router';
import { buildOpenApiDocument } from './document';
import { guidePaths } from './guide-paths';
import type { ApiOperation } from './operation';

/** Every documented route table; a module adds its own `<area>-paths.ts` here. */
export const documentedOperations: ApiOperation[] = [...guidePaths];

/** GET /openapi.json: the document, built once when the app is (a broken table fails at boot). */
export function openApiRoutes(operations: ApiOperation[] = documentedOperations): AppRouter {
  const router = createRouter();
  const document = JSON.stringify(buildOpenApiDocument(operations));
  router.get('/openapi.json', (ctx) => {
    ctx.type = 'application/json';
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = document;
  });
  return router;
}
