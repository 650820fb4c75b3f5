import { z } from 'zod';
import {
  feeOrderListResponseSchema,
  feeOrderResponseSchema,
  issueFeeOrderRequestSchema,
  myFeeOrdersQuerySchema,
  payFeeOrderResponseSchema,
  refundFeeOrderRequestSchema,
  staffFeeOrdersQuerySchema,
} from '@govpocket/shared';
import { type ApiOperation, hallWindowStaff, json, noContent } from './operation';

/** 缴费: the resident's fee orders, the hall issuing and refunding them, WeChat Pay's notifications. */
const resident = '缴费';
const hall = '收费管理';
const notify = '支付通知';
const windowStaff = hallWindowStaff;

/** WeChat Pay's failure shape (not ErrorBody): it retries on any answer but 204. */
export const payNotifyFailureSchema = z.object({ code: z.literal('FAIL'), message: z.string() });

/** The notification WeChat Pay POSTs, signed over its exact bytes (Wechatpay-Signature and friends). */
const notificationBody = {
  'application/json': {
    schema: {
      type: 'object',
      description: '微信支付 APIv3 回调通知（resource 为 AEAD_AES_256_GCM 加密的资源）',
      properties: { id: { type: 'string' }, event_type: { type: 'string' }, resource_type: { type: 'string' }, resource: { type: 'object' }, summary: { type: 'string' } },
      required: ['id', 'event_type', 'resource'],
    },
  },
};
const notifyEndpoint = (path: string, operationId: string, summary: string): ApiOperation => ({
  method: 'post', path, operationId, tag: notify, access: 'public', summary,
  description: '仅供微信支付调用：凭 Wechatpay-* 请求头验签，不使用会话。失败时按微信支付的格式答复 { code: "FAIL", message }，微信支付会重试。',
  rawBody: notificationBody,
  responses: { 204: noContent('已处理'), 400: json('通知无效（如未开通支付、内容有误）', payNotifyFailureSchema), 401: json('验签失败', payNotifyFailureSchema), 500: json('系统繁忙，稍后重试', payNotifyFailureSchema) },
});

/** The signed query of WeChat's 消息推送: sha1 of the sorted push token, timestamp and nonce. */
const pushQuerySchema = z.object({ signature: z.string(), timestamp: z.string(), nonce: z.string(), echostr: z.string().optional() });
const pushText = { 'text/plain': { schema: { type: 'string' } } };
const messagePushPaths: ApiOperation[] = [
  {
    method: 'get', path: '/wechat/message-push', operationId: 'verifyMessagePush', tag: '微信消息推送', access: 'public', summary: '消息推送服务器地址校验（原样返回 echostr）',
    description: '仅供微信调用：signature 不符或 timestamp 与当前时间相差超过 300 秒时 403。', query: pushQuerySchema,
    responses: { 200: { description: 'echostr', media: pushText } }, errors: [403],
  },
  {
    method: 'post', path: '/wechat/message-push', operationId: 'receiveMessagePush', tag: '微信消息推送', access: 'public', summary: '消息推送：图片内容安全检测结果（wxa_media_check）',
    description: '仅供微信调用（明文或兼容模式，JSON 格式）：先凭查询串的 signature 验签（读取正文之前），timestamp 与当前时间相差超过 300 秒时 403；同一 timestamp + nonce 只接受同一正文（微信重推同一推送照常答复 success，换了正文的重放 403）；仅含 Encrypt 的安全模式推送不支持（400）；正文超过 64 KB 时 413。同一 trace_id 只记录一次；未知的 trace_id 答复 404（微信会重推）；其他事件忽略。答复 success。',
    query: pushQuerySchema,
    rawBody: {
      'application/json': {
        schema: {
          type: 'object',
          description: 'wxa_media_check 事件',
          properties: { Event: { type: 'string' }, trace_id: { type: 'string' }, errcode: { type: 'integer' }, result: { type: 'object', properties: { suggest: { type: 'string', enum: ['pass', 'review', 'risky'] }, label: { type: 'integer' } } } },
        },
      },
    },
    responses: { 200: { description: 'success', media: pushText } }, errors: [400, 403, 404, 413],
  },
];

export const paymentPaths: ApiOperation[] = [
  { method: 'get', path: '/fee-orders', operationId: 'listMyFeeOrders', tag: resident, access: 'login', summary: '我的缴费单（可按状态筛选）', query: myFeeOrdersQuerySchema, responses: { 200: json('缴费单', feeOrderListResponseSchema) }, errors: [400] },
  { method: 'get', path: '/fee-orders/:id', operationId: 'readMyFeeOrder', tag: resident, access: 'login', summary: '缴费单详情（电子票据、退款）', responses: { 200: json('缴费单', feeOrderResponseSchema) }, errors: [404] },
  {
    method: 'post', path: '/fee-orders/:id/pay', operationId: 'payFeeOrder', tag: resident, access: 'login', summary: '发起微信支付，得到 wx.requestPayment 的参数',
    responses: { 200: json('缴费单（支付中）与支付参数', payFeeOrderResponseSchema) }, errors: [404, 409, 503],
  },
  { method: 'get', path: '/staff/halls/:hallId/fee-orders', operationId: 'listHallFeeOrders', tag: hall, access: windowStaff, summary: '本大厅开具的缴费单', query: staffFeeOrdersQuerySchema, responses: { 200: json('缴费单', feeOrderListResponseSchema) }, errors: [400] },
  {
    method: 'post', path: '/staff/halls/:hallId/fee-orders', operationId: 'issueFeeOrder', tag: hall, access: windowStaff, summary: '为一个预约开具缴费单', isIdempotent: true,
    body: issueFeeOrderRequestSchema, responses: { 201: json('新开的缴费单', feeOrderResponseSchema), 200: json('重试：已开的缴费单', feeOrderResponseSchema) }, errors: [400, 404, 409, 422],
  },
  {
    method: 'post', path: '/staff/halls/:hallId/fee-orders/:id/refunds', operationId: 'refundFeeOrder', tag: hall, access: windowStaff, summary: '退款（默认退还剩余金额）', isIdempotent: true,
    body: refundFeeOrderRequestSchema, responses: { 200: json('退款中的缴费单', feeOrderResponseSchema) }, errors: [400, 404, 409, 422],
  },
  notifyEndpoint('/payments/wechatpay/notify/transaction', 'notifyPaymentTransaction', '微信支付结果通知'),
  notifyEndpoint('/payments/wechatpay/notify/refund', 'notifyPaymentRefund', '微信退款结果通知'),
  ...messagePushPaths,
];
