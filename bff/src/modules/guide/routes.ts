import { guideListQuerySchema, guideSearchQuerySchema, updateChecklistRequestSchema } from '@govpocket/shared';
import { sendCachedJson } from '../../platform/http/cached-json';
import { createRouter, type AppRouter } from '../../platform/http/router';
import { currentUser, requireUser } from '../auth/access';
import { listFavourites, listRecentViews, recordRecentView } from './resident-repository';
import { getChecklist, setFavourite, updateChecklist } from './resident-service';
import { listGuides, readCatalog, readGuideDetail, type GuideDeps } from './service';

/** 办事指南 for residents: browse, search, detail, checklist, favourites, recently viewed. */
export function guideRoutes(deps: GuideDeps): AppRouter {
  const router = createRouter();
  const { prisma } = deps;

  router.get('/guides', async (ctx) => {
    sendCachedJson(ctx, await listGuides(deps, guideListQuerySchema.parse(ctx.query)));
  });
  router.get('/guide-catalog', async (ctx) => {
    sendCachedJson(ctx, await readCatalog(deps), { maxAgeSeconds: 300 });
  });
  router.get('/guide-search', async (ctx) => {
    ctx.body = await deps.search.search(guideSearchQuerySchema.parse(ctx.query));
  });
  router.get('/guides/:code', async (ctx) => {
    const code = ctx.params.code ?? '';
    const answer = await readGuideDetail(deps, { code, countView: !ctx.fresh });
    if (ctx.state.user) await recordRecentView(prisma, ctx.state.user.id, code);
    sendCachedJson(ctx, answer);
  });
  router.get('/guides/:code/checklist', requireUser(), async (ctx) => {
    ctx.body = await getChecklist(prisma, { userId: currentUser(ctx.state).id, code: ctx.params.code ?? '' });
  });
  router.put('/guides/:code/checklist', requireUser(), async (ctx) => {
    const { checkedMaterialIds } = updateChecklistRequestSchema.parse(ctx.request.body ?? {});
    ctx.body = await updateChecklist(prisma, { userId: currentUser(ctx.state).id, code: ctx.params.code ?? '', checkedMaterialIds });
  });
  router.put('/guides/:code/favourite', requireUser(), async (ctx) => {
    await setFavourite(prisma, { userId: currentUser(ctx.state).id, code: ctx.params.code ?? '', isFavourite: true });
    ctx.status = 204;
  });
  router.delete('/guides/:code/favourite', requireUser(), async (ctx) => {
    await setFavourite(prisma, { userId: currentUser(ctx.state).id, code: ctx.params.code ?? '', isFavourite: false });
    ctx.status = 204;
  });
  router.get('/me/favourites', requireUser(), async (ctx) => {
    ctx.body = { items: await listFavourites(prisma, currentUser(ctx.state).id) };
  });
  router.get('/me/recent-guides', requireUser(), async (ctx) => {
    ctx.body = { items: await listRecentViews(prisma, currentUser(ctx.state).id, 20) };
  });
  return router;
}
