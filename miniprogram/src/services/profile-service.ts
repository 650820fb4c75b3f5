import {
  bindPhoneRequestSchema,
  deleteAccountRequestSchema,
  profileSchema,
  recordConsentRequestSchema,
  updatePreferencesRequestSchema,
  type PrivacyConsentKind,
  type Profile,
} from '@govpocket/shared';
import { bffClient, ignoreResponseBody, type ResponseSchema } from './api-client';

/** `GET /me/profile`: masked phone, 长辈版, privacy-guide version and the consents given. */
export function fetchProfile(): Promise<Profile> {
  return bffClient.request({ path: '/me/profile', responseSchema: profileSchema });
}

/** `POST /me/consents`: answers with the profile as it is after the consent. */
export function recordConsent(kind: PrivacyConsentKind, version: string): Promise<Profile> {
  const body = recordConsentRequestSchema.parse({ kind, version });
  return bffClient.request({ method: 'POST', path: '/me/consents', body, responseSchema: profileSchema });
}

const maskedPhoneSchema: ResponseSchema<{ maskedPhone: string }> = {
  safeParse: (data) => {
    const maskedPhone: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, 'maskedPhone') : undefined;
    return typeof maskedPhone === 'string' ? { success: true, data: { maskedPhone } } : { success: false };
  },
};

/** `POST /me/phone`: the getPhoneNumber code goes to the BFF, which asks WeChat for the number. */
export async function bindPhone(code: string): Promise<string> {
  const body = bindPhoneRequestSchema.parse({ code });
  const { maskedPhone } = await bffClient.request({ method: 'POST', path: '/me/phone', body, responseSchema: maskedPhoneSchema });
  return maskedPhone;
}

/** `PUT /me/preferences`: remembered per user, so 长辈版 follows the resident to a new phone. */
export function savePreferences(preferences: { isElderMode: boolean }): Promise<Profile> {
  const body = updatePreferencesRequestSchema.parse(preferences);
  return bffClient.request({ method: 'PUT', path: '/me/preferences', body, responseSchema: profileSchema });
}

/** What `GET /me/export` holds: top-level fields, lists (favourites, letters …) among them. */
export type MyDataExport = { exportedAt: string; fields: Record<string, unknown> };

const exportSchema: ResponseSchema<MyDataExport> = {
  safeParse: (data) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { success: false };
    const fields: Record<string, unknown> = { ...data };
    const { exportedAt } = fields;
    return typeof exportedAt === 'string' ? { success: true, data: { exportedAt, fields } } : { success: false };
  },
};

/** `GET /me/export`: everything the city holds about the resident, decrypted for them alone. */
export function exportMyData(): Promise<MyDataExport> {
  return bffClient.request({ path: '/me/export', responseSchema: exportSchema });
}

/** `POST /me/delete-account`: `confirm` must be the typed words 注销账号. */
export async function deleteMyAccount(confirm: string): Promise<void> {
  const body = deleteAccountRequestSchema.parse({ confirm });
  await bffClient.request({ method: 'POST', path: '/me/delete-account', body, responseSchema: ignoreResponseBody });
}
