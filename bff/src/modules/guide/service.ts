import type { PrismaClient } from '@govpocket/db';
import {
  serviceAudienceLabels,
  type GuideCatalog,
  type GuideListQuery,
  type GuideSearchResponse,
  type GuideSummary,
} from '@govpocket/shared';
import { AppError } from '../../platform/errors/app-error';
import { guideHoursText, withScheduledHours } from '../booking/hall-hours';
import type { CachedAnswer, GuideCache } from './guide-cache';
import { catalogCounts, findGuideDetail, listPublishedGuides, loadSearchDocs } from './repository';
import { createGuideSearchIndex, type GuideSearchIndex } from './search/search-index';

export type GuideDeps = { prisma: PrismaClient; cache: GuideCache; search: GuideSearch };

/** The public guide detail, served from the versioned cache; unpublished guides are not public. */
export async function readGuideDetail(deps: GuideDeps, { code, countView }: { code: string; countView: boolean }): Promise<CachedAnswer> {
  const { version, cached } = await deps.cache.readDetail(code, { countView });
  if (cached) return cached;
  const detail = await findGuideDetail(deps.prisma, code);
  if (!detail || detail.status !== 'PUBLISHED') throw new AppError('NOT_FOUND', { message: '该办事指南不存在或已下线' });
  const { id: _id, ...stored } = detail;
  // Hall hours come from each hall's schedule, the guide's 办理时间 from its halls (one source).
  const halls = await withScheduledHours(deps.prisma, stored.halls, new Date());
  const publicDetail = { ...stored, halls, hours: guideHoursText(halls, stored.hours) };
  return deps.cache.write(version, `detail:${code}`, JSON.stringify(publicDetail));
}

async function cached(deps: GuideDeps, key: string, load: () => Promise<unknown>): Promise<CachedAnswer> {
  const version = await deps.cache.version();
  return (await deps.cache.read(version, key)) ?? deps.cache.write(version, key, JSON.stringify(await load()));
}

export function listGuides(deps: GuideDeps, query: GuideListQuery): Promise<CachedAnswer> {
  const key = `list:${query.departmentId ?? ''}:${query.audience ?? ''}:${query.theme ?? ''}:${query.lifeEvent ?? ''}:${query.page}:${query.pageSize}`;
  return cached(deps, key, async () => ({ ...(await listPublishedGuides(deps.prisma, query)), page: query.page, pageSize: query.pageSize }));
}

export function readCatalog(deps: GuideDeps): Promise<CachedAnswer> {
  return cached(deps, 'catalog', async (): Promise<GuideCatalog> => {
    const counts = await catalogCounts(deps.prisma);
    const themeCounts = new Map<string, number>();
    for (const item of counts.items) {
      for (const theme of Array.isArray(item.themes) ? item.themes : []) {
        if (typeof theme === 'string') themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1);
      }
    }
    const byAudience = new Map(counts.audiences.map((row) => [row.audience, row._count._all]));
    const both = byAudience.get('BOTH') ?? 0;
    return {
      departments: counts.departments.map((department) => ({ id: department.id, name: department.name, itemCount: department._count.serviceItems })),
      audiences: (['INDIVIDUAL', 'LEGAL_PERSON'] as const).map((value) => ({ value, label: serviceAudienceLabels[value], itemCount: (byAudience.get(value) ?? 0) + both })),
      themes: [...themeCounts].map(([name, itemCount]) => ({ name, itemCount })).sort((a, b) => b.itemCount - a.itemCount || a.name.localeCompare(b.name, 'zh')),
      lifeEvents: counts.lifeEvents.map((event) => ({ name: event.name, description: event.description, itemCount: event._count.items })),
    };
  });
}

/** The search index of one process, rebuilt when the catalogue version moves. */
export type GuideSearch = { search: (input: { q: string; page: number; pageSize: number }) => Promise<GuideSearchResponse> };

export function createGuideSearch({ prisma, cache }: { prisma: PrismaClient; cache: GuideCache }): GuideSearch {
  type Built = { index: GuideSearchIndex; summaries: Map<string, GuideSummary> };
  let built: { version: string; index: Promise<Built> } | undefined;
  const indexFor = (version: string): Promise<Built> => {
    if (built?.version !== version) {
      const index = loadSearchDocs(prisma).then((docs) => ({ index: createGuideSearchIndex(docs), summaries: new Map(docs.map((doc) => [doc.code, doc.summary])) }));
      built = { version, index };
      index.catch(() => {
        if (built?.index === index) built = undefined;
      });
    }
    return built.index;
  };
  return {
    search: async ({ q, page, pageSize }) => {
      const { index, summaries } = await indexFor(await cache.version());
      const result = index.search(q, { limit: pageSize, offset: (page - 1) * pageSize });
      return {
        query: q,
        total: result.total,
        items: result.hits.flatMap((hit) => {
          const summary = summaries.get(hit.code);
          return summary ? [{ ...summary, highlight: hit.highlight }] : [];
        }),
      };
    },
  };
}

/** Writes the view counts gathered in Redis to the database (a scheduled job calls this). */
export async function flushViewCounts(deps: Pick<GuideDeps, 'prisma' | 'cache'>): Promise<number> {
  const counts = await deps.cache.takeViewCounts();
  for (const [code, count] of counts) {
    await deps.prisma.serviceItem.updateMany({ where: { code }, data: { viewCount: { increment: count } } });
  }
  return counts.size;
}
