import { z } from 'zod';
import { roleSchema, sessionUserSchema } from './auth';

export const staffRoleSchema = roleSchema.exclude(['RESIDENT']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffRoleLabels: Record<StaffRole, string> = {
  WINDOW_STAFF: '窗口人员',
  MAILBOX_OFFICE: '信箱受理员',
  DEPARTMENT_HANDLER: '部门承办人',
  ADMIN: '管理员',
};

/** A role with its scope: window staff belong to a hall, office and handlers to a department. */
export const roleGrantSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('WINDOW_STAFF'), hallId: z.string().min(1).max(32) }),
  z.object({ role: z.literal('MAILBOX_OFFICE'), departmentId: z.string().min(1).max(32) }),
  z.object({ role: z.literal('DEPARTMENT_HANDLER'), departmentId: z.string().min(1).max(32) }),
  z.object({ role: z.literal('ADMIN') }),
]);
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const createStaffAccountRequestSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(32, '姓名最多32个字'),
  title: z.string().trim().max(64).optional(),
  roles: z.array(roleGrantSchema).min(1, '至少分配一个角色').max(5),
});
export type CreateStaffAccountRequest = z.infer<typeof createStaffAccountRequestSchema>;

export const bindingCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

export const staffAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  status: z.enum(['ACTIVE', 'DISABLED']),
  isBound: z.boolean(),
  boundAt: z.string().nullable(),
  roles: sessionUserSchema.shape.roles,
});
export type StaffAccountView = z.infer<typeof staffAccountSchema>;

export const createStaffAccountResponseSchema = z.object({ account: staffAccountSchema, bindingCode: bindingCodeSchema });

export const bindStaffRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, '绑定码为8位字母或数字')),
});

/** Admin: a staff account stops working at once (its sessions end); the reason goes to the audit log. */
export const disableStaffAccountRequestSchema = z.object({
  reason: z.string().trim().min(2, '请填写停用原因').max(200, '停用原因最多200个字'),
});
export type DisableStaffAccountRequest = z.infer<typeof disableStaffAccountRequestSchema>;

export const staffAccountResponseSchema = z.object({ account: staffAccountSchema });
