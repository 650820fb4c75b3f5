import type { PrismaClient } from '@govpocket/db';
import type { SubscriptionResultsRequest, SubscriptionsResponse } from '@govpocket/shared';
import type { TemplateRegistrySource } from './load-template-registry';
import { findQuotaStates, recordSubscribeChoices } from './quota-repository';

/**
 * What the resident chose in `wx.requestSubscribeMessage`, reported by the mini-program right
 * after. Each `accept` of a one-time template is one future message; a long-term template (where
 * our service category allows them, marked in the registry) is accepted once for good. Ids we do
 * not use are ignored, so a client cannot grow quotas for arbitrary templates.
 */
type Deps = { prisma: PrismaClient; registry: TemplateRegistrySource };

export async function getMySubscriptions(deps: Deps, { userId }: { userId: string }): Promise<SubscriptionsResponse> {
  const registry = await deps.registry.get();
  return { templates: registry.templates(), subscriptions: await findQuotaStates(deps.prisma, userId) };
}

export async function recordSubscriptionResults(deps: Deps, { userId, results, now = new Date() }: { userId: string; results: SubscriptionResultsRequest['results']; now?: Date }): Promise<SubscriptionsResponse> {
  const registry = await deps.registry.get();
  const known = new Set(registry.templates().map((template) => template.templateId));
  const entries = Object.entries(results).filter(([templateId]) => known.has(templateId));
  const accepted = entries.filter(([, result]) => result === 'accept').map(([templateId]) => ({ templateId, isLongTerm: registry.isLongTermTemplate(templateId) }));
  const rejected = entries.filter(([, result]) => result === 'reject' || result === 'ban').map(([templateId]) => templateId);
  await recordSubscribeChoices(deps.prisma, { userId, accepted, rejected, at: now });
  return getMySubscriptions(deps, { userId });
}
