import Taro from '@tarojs/taro';
import type { Role } from '@govpocket/shared';

/** Admins edit every guide; a department's handlers edit their own department's (the BFF checks). */
export const guideEditorRoles: readonly Role[] = ['ADMIN', 'DEPARTMENT_HANDLER'];

/** Pages of the 办事指南 maintenance area, opened from 办事指南管理. */
export const guideAdminPages = {
  list: '/admin/guides/index',
  edit: '/admin/guide-edit/index',
  import: '/admin/guide-import/index',
} as const;

export function openGuideAdminPage(page: (typeof guideAdminPages)[keyof typeof guideAdminPages], params: Record<string, string> = {}): void {
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  void Taro.navigateTo({ url: query ? `${page}?${query}` : page });
}
