import { createRouter, type AppRouter } from '../platform/http/router';
import { buildOpenApiDocument } from './document';
import { accountPaths } from './account-paths';
import { bookingPaths } from './booking-paths';
import { consultationPaths } from './consultation-paths';
import { guidePaths } from './guide-paths';
import { mailboxPaths } from './mailbox-paths';
import { paymentPaths } from './payment-paths';
import { platformPaths } from './platform-paths';
import type { ApiOperation } from './operation';

/** Every documented route table; a module adds its own `<area>-paths.ts` here. */
export const documentedOperations: ApiOperation[] = [...platformPaths, ...accountPaths, ...guidePaths, ...bookingPaths, ...mailboxPaths, ...consultationPaths, ...paymentPaths];

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
