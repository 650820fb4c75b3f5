import { z } from 'zod';
import {
  adminGuideListResponseSchema,
  answerGuideErrorReportRequestSchema,
  checklistSchema,
  errorBodySchema,
  favouriteGuideListSchema,
  guideCatalogSchema,
  guideDetailSchema,
  guideErrorReportRequestSchema,
  guideErrorReportViewSchema,
  guideImportErrorBodySchema,
  guideImportResultSchema,
  guideInputSchema,
  guideListResponseSchema,
  guideSearchResponseSchema,
  guideSummarySchema,
  guideVersionDetailSchema,
  guideVersionListSchema,
  homeScreenSchema,
  recentGuideListSchema,
  updateChecklistRequestSchema,
} from '@govpocket/shared';

/**
 * The named schemas of the document (#/components/schemas/<id>), straight from shared/: what the
 * BFF answers (output form) and what it parses from request bodies (input form: defaults optional).
 * A route table may only use schemas registered here, so every body has a name a client can use.
 */
export const responseSchemas = z.registry<{ id: string }>();
export const requestSchemas = z.registry<{ id: string }>();

export const guideErrorReportListSchema = z.object({ items: z.array(guideErrorReportViewSchema) });

const responses: Record<string, z.ZodType> = {
  ErrorBody: errorBodySchema,
  GuideSummary: guideSummarySchema,
  GuideListResponse: guideListResponseSchema,
  GuideCatalog: guideCatalogSchema,
  GuideSearchResponse: guideSearchResponseSchema,
  GuideDetail: guideDetailSchema,
  GuideVersionList: guideVersionListSchema,
  GuideVersionDetail: guideVersionDetailSchema,
  Checklist: checklistSchema,
  FavouriteGuideList: favouriteGuideListSchema,
  RecentGuideList: recentGuideListSchema,
  HomeScreen: homeScreenSchema,
  GuideErrorReport: guideErrorReportViewSchema,
  GuideErrorReportList: guideErrorReportListSchema,
  AdminGuideList: adminGuideListResponseSchema,
  GuideImportResult: guideImportResultSchema,
  GuideImportErrorBody: guideImportErrorBodySchema,
};
const requests: Record<string, z.ZodType> = {
  GuideInput: guideInputSchema,
  UpdateChecklistRequest: updateChecklistRequestSchema,
  GuideErrorReportRequest: guideErrorReportRequestSchema,
  AnswerGuideErrorReportRequest: answerGuideErrorReportRequestSchema,
};
for (const [id, schema] of Object.entries(responses)) responseSchemas.add(schema, { id });
for (const [id, schema] of Object.entries(requests)) requestSchemas.add(schema, { id });
