import { z } from 'zod';
import { appointmentStatusSchema } from '../enums';
import { guideSummarySchema } from './guides';

/** GET /home: everything the 首页 screen needs in one request. */
export const homeScreenSchema = z.object({
  hotGuides: z.array(guideSummarySchema),
  lifeEvents: z.array(z.object({ name: z.string(), description: z.string(), itemCount: z.number().int() })),
  /** Null when signed out or nothing is booked. */
  nextAppointment: z
    .object({ id: z.string(), itemName: z.string(), hallName: z.string(), startsAt: z.string(), endsAt: z.string(), status: appointmentStatusSchema, queueNumber: z.string().nullable() })
    .nullable(),
  /** Null when signed out. */
  unreadCount: z.number().int().nullable(),
});
export type HomeScreen = z.infer<typeof homeScreenSchema>;

export const guideErrorReportViewSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  category: z.string(),
  content: z.string(),
  status: z.enum(['PENDING', 'ANSWERED', 'CLOSED']),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type GuideErrorReportView = z.infer<typeof guideErrorReportViewSchema>;
