import { z } from 'zod';

export const roleSchema = z.enum(['RESIDENT', 'WINDOW_STAFF', 'MAILBOX_OFFICE', 'DEPARTMENT_HANDLER', 'ADMIN']);
export type Role = z.infer<typeof roleSchema>;

/** POST /auth/wechat: the code from wx.login (or, on the H5 demo, from the fake WeChat). */
export const wechatLoginRequestSchema = z.object({ code: z.string().min(1).max(128) });
export type WechatLoginRequest = z.infer<typeof wechatLoginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  nickname: z.string().nullable(),
  hasPhone: z.boolean(),
  roles: z.array(
    z.object({ role: roleSchema, scopeType: z.enum(['HALL', 'DEPARTMENT', 'GLOBAL']), scopeId: z.string().nullable(), scopeName: z.string().nullable() }),
  ),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const wechatLoginResponseSchema = z.object({
  token: z.string(),
  expiresInSeconds: z.number().int().positive(),
  user: sessionUserSchema,
});
export type WechatLoginResponse = z.infer<typeof wechatLoginResponseSchema>;
