import type { PrismaClient } from '@govpocket/db';
import type { Logger } from '../../platform/logger';
import { createTemplateRegistry, type TemplateRegistry } from './template-registry';
import { findTemplateRows } from './template-repository';

export type TemplateRegistrySource = { get: () => Promise<TemplateRegistry> };

/**
 * The registry as the NotificationTemplate table says now, re-read at most every `ttlMs`, so an
 * admin's change reaches every worker within that time without a restart.
 */
export function createTemplateRegistrySource({ prisma, logger, ttlMs = 30_000 }: { prisma: PrismaClient; logger?: Logger; ttlMs?: number }): TemplateRegistrySource {
  let cached: { registry: TemplateRegistry; loadedAt: number } | null = null;
  return {
    get: async () => {
      if (cached && Date.now() - cached.loadedAt < ttlMs) return cached.registry;
      const rows = await findTemplateRows(prisma);
      const registry = createTemplateRegistry(rows, (row) => logger?.warn({ eventType: row.eventType }, 'NotificationTemplate row has a malformed fieldMap; using the default fields'));
      cached = { registry, loadedAt: Date.now() };
      return registry;
    },
  };
}
