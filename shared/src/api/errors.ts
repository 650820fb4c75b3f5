import { z } from 'zod';

/** Every error the BFF answers has this shape; `message` is written for a resident to read. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const errorCodes = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'UNSUPPORTED_IMAGE_TYPE',
  'INVALID_IMAGE',
  'WECHAT_CODE_INVALID',
  'WECHAT_CODE_USED',
  'WECHAT_USER_RISKY',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  'SLOT_FULL',
  'BOOKING_NOT_ALLOWED',
  'BOOKING_PAUSED',
  'ILLEGAL_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  'DUPLICATE_REQUEST',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
