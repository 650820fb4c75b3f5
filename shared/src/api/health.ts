import { z } from 'zod';

export const readinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ mysql: z.enum(['ok', 'down']), redis: z.enum(['ok', 'down']) }),
});
export type Readiness = z.infer<typeof readinessSchema>;
