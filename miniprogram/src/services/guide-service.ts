import {
  checklistSchema,
  guideCatalogSchema,
  guideDetailSchema,
  guideErrorReportRequestSchema,
  guideErrorReportViewSchema,
  guideListResponseSchema,
  guideSearchResponseSchema,
  updateChecklistRequestSchema,
  type Checklist,
  type GuideCatalog,
  type GuideDetail,
  type GuideErrorCategory,
  type GuideErrorReportView,
  type GuideSearchResponse,
  type GuideSummary,
} from '@govpocket/shared';
import { bffClient, ignoreResponseBody } from './api-client';
import { ApiError } from './api-error';

/** 办事指南 as the BFF serves them: browse, search, detail and the resident's own lists. */

export type GuideAudienceFilter = 'INDIVIDUAL' | 'LEGAL_PERSON';

/** One browse filter of `GET /guides`; none lists every published guide. */
export type GuideFilter =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'audience'; audience: GuideAudienceFilter }
  | { kind: 'theme'; theme: string }
  | { kind: 'lifeEvent'; lifeEvent: string };

export type GuidePage = { items: GuideSummary[]; total: number; page: number; pageSize: number };
export type GuideSearchHit = GuideSearchResponse['items'][number];

/** `{ items }`, the envelope of GET /me/favourites and /me/recent-guides. */
const summaryListSchema = guideListResponseSchema.pick({ items: true });

function filterQuery(filter: GuideFilter): Record<string, string> {
  switch (filter.kind) {
    case 'department':
      return { departmentId: filter.departmentId };
    case 'audience':
      return { audience: filter.audience };
    case 'theme':
      return { theme: filter.theme };
    case 'lifeEvent':
      return { lifeEvent: filter.lifeEvent };
    case 'all':
      return {};
  }
}

/** `GET /guides`: one page of guide summaries matching the filter. */
export function fetchGuidePage({ filter, page, pageSize }: { filter: GuideFilter; page: number; pageSize: number }): Promise<GuidePage> {
  return bffClient.request({ path: '/guides', query: { ...filterQuery(filter), page, pageSize }, responseSchema: guideListResponseSchema });
}

/** `GET /guide-catalog`: departments, audiences, themes and life events with their item counts. */
export function fetchGuideCatalog(): Promise<GuideCatalog> {
  return bffClient.request({ path: '/guide-catalog', responseSchema: guideCatalogSchema });
}

/** `GET /guide-search`: Chinese text, pinyin or initials ("hz" finds 护照), with the matched segments. */
export function searchGuides({ query, page = 1, pageSize = 20 }: { query: string; page?: number; pageSize?: number }): Promise<GuideSearchResponse> {
  return bffClient.request({ path: '/guide-search', query: { q: query, page, pageSize }, responseSchema: guideSearchResponseSchema });
}

/** `GET /guides/:code`: every national guide element. Signed in, the BFF also records the visit. */
export function fetchGuideDetail(code: string): Promise<GuideDetail> {
  return bffClient.request({ path: `/guides/${encodeURIComponent(code)}`, responseSchema: guideDetailSchema });
}

/** `GET /me/favourites` (login). */
export async function fetchFavouriteGuides(): Promise<GuideSummary[]> {
  return (await bffClient.request({ path: '/me/favourites', responseSchema: summaryListSchema })).items;
}

/** `GET /me/recent-guides` (login): the last guides the resident opened, newest first. */
export async function fetchRecentGuides(): Promise<GuideSummary[]> {
  return (await bffClient.request({ path: '/me/recent-guides', responseSchema: summaryListSchema })).items;
}

/** `PUT|DELETE /guides/:code/favourite` (login). */
export async function setGuideFavourite({ code, isFavourite }: { code: string; isFavourite: boolean }): Promise<void> {
  await bffClient.request({ method: isFavourite ? 'PUT' : 'DELETE', path: `/guides/${encodeURIComponent(code)}/favourite`, responseSchema: ignoreResponseBody });
}

/** `GET /guides/:code/checklist` (login): the materials with the resident's ticks. */
export function fetchChecklist(code: string): Promise<Checklist> {
  return bffClient.request({ path: `/guides/${encodeURIComponent(code)}/checklist`, responseSchema: checklistSchema });
}

/** `PUT /guides/:code/checklist` (login): replaces the ticked materials, answers the new state. */
export function saveChecklist({ code, checkedMaterialIds }: { code: string; checkedMaterialIds: string[] }): Promise<Checklist> {
  const body = updateChecklistRequestSchema.parse({ checkedMaterialIds });
  return bffClient.request({ method: 'PUT', path: `/guides/${encodeURIComponent(code)}/checklist`, body, responseSchema: checklistSchema });
}

/** `POST /guides/:code/error-reports` (login): 指南纠错, checked against the BFF's own rules first. */
export async function reportGuideError({ code, category, content }: { code: string; category: GuideErrorCategory; content: string }): Promise<GuideErrorReportView> {
  const parsed = guideErrorReportRequestSchema.safeParse({ category, content });
  if (!parsed.success) {
    throw new ApiError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '请检查填写的内容');
  }
  return bffClient.request({
    method: 'POST',
    path: `/guides/${encodeURIComponent(code)}/error-reports`,
    body: parsed.data,
    responseSchema: guideErrorReportViewSchema,
  });
}
