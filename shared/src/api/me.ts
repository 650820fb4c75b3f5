import { z } from 'zod';
import { privacyConsentKindSchema } from '../enums';
import { sessionUserSchema } from './auth';

export const profileSchema = z.object({
  user: sessionUserSchema,
  maskedPhone: z.string().nullable(),
  isElderMode: z.boolean(),
  privacyPolicyVersion: z.string(),
  consents: z.array(z.object({ kind: privacyConsentKindSchema, version: z.string(), acceptedAt: z.string() })),
  needsPrivacyConsent: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const bindPhoneRequestSchema = z.object({ code: z.string().min(1, '缺少手机号授权凭证').max(128) });
export const recordConsentRequestSchema = z.object({ kind: privacyConsentKindSchema, version: z.string().min(1).max(16) });
export const updatePreferencesRequestSchema = z.object({ isElderMode: z.boolean() });
export const deleteAccountRequestSchema = z.object({ confirm: z.literal('注销账号', { message: '请输入“注销账号”以确认' }) });
