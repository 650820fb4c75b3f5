import { z } from 'zod';

/**
 * Validation answers read in Chinese. Schemas that name their own message keep it; every other
 * issue gets a plain Chinese sentence from `chineseIssueMessage` (never zod's English, never the
 * English option values), and `validationSummary` names the field and the problem in one line for
 * the error's top-level message.
 */

/** Chinese names of the request fields a resident or staff member fills in. */
export const fieldLabels: Readonly<Record<string, string>> = {
  title: '标题',
  body: '正文',
  text: '内容',
  content: '内容',
  comment: '意见',
  reason: '原因',
  reasonCode: '原因',
  note: '备注',
  notes: '备注',
  name: '名称',
  nickname: '昵称',
  phone: '手机号',
  contactPhone: '联系电话',
  consultPhone: '咨询电话',
  supervisePhone: '监督电话',
  email: '电子邮箱',
  address: '地址',
  code: '编码',
  checkInCode: '签到码',
  bindingCode: '绑定码',
  trackingCode: '查询码',
  status: '状态',
  decision: '处理决定',
  outcome: '处理结果',
  action: '操作',
  kind: '类型',
  type: '类型',
  category: '类别',
  role: '角色',
  scope: '范围',
  scopeType: '范围类型',
  scopeId: '范围',
  period: '统计周期',
  month: '月份',
  date: '日期',
  startDate: '开始日期',
  endDate: '结束日期',
  startTime: '开始时间',
  endTime: '结束时间',
  weekday: '星期',
  days: '天数',
  extensionDays: '延期天数',
  capacity: '名额',
  slotMinutes: '时段长度',
  rating: '评价',
  score: '评分',
  satisfaction: '满意度',
  satisfied: '是否满意',
  hallId: '办理大厅',
  hallIds: '办理大厅',
  itemId: '事项',
  slotId: '预约时段',
  windowId: '窗口',
  departmentId: '承办部门',
  ownerDepartmentId: '主管部门',
  mailboxId: '信箱',
  letterId: '来信',
  appointmentId: '预约',
  appointmentIds: '预约',
  consultationId: '意见征集',
  sectionId: '条款',
  opinionId: '意见',
  opinionIds: '意见',
  materialId: '材料',
  fileId: '文件',
  imageFileIds: '图片',
  preReviewFileIds: '预审照片',
  templateId: '消息模板',
  url: '链接',
  link: '链接',
  blankFormUrl: '空白表格链接',
  sampleUrl: '示例样表链接',
  fileUrl: '文件链接',
  amountFen: '金额',
  delivery: '送达方式',
  deliveryMethod: '送达方式',
  deliveryMethods: '送达方式',
  method: '方式',
  audience: '服务对象',
  onlineDepth: '网办深度',
  onSiteTrips: '到现场次数',
  promisedDays: '承诺时限',
  statutoryDays: '法定时限',
  fee: '收费',
  standard: '收费标准',
  materials: '申请材料',
  steps: '办理环节',
  condition: '适用情形',
  isRequired: '是否必需',
  keywords: '关键词',
  tags: '标签',
  q: '搜索词',
  query: '搜索词',
  cursor: '分页参数',
  page: '页码',
  pageSize: '每页条数',
  limit: '条数',
  confirm: '确认文字',
  isElderMode: '长辈版',
  level: '级别',
  urgency: '紧急程度',
  theme: '主题',
  attachments: '附件',
  sections: '条款',
  question: '问题',
  answer: '答复',
  reply: '答复',
  explanation: '说明',
  summary: '摘要',
  description: '说明',
  format: '格式',
  version: '版本',
  quarter: '季度',
};

const typeNames: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
};

const formatNames: Readonly<Record<string, string>> = {
  email: '电子邮箱',
  url: '链接',
  uuid: '编号',
  cuid: '编号',
  cuid2: '编号',
  datetime: '日期时间',
  date: '日期',
  time: '时间',
};

function sizeUnit(origin: string | undefined): string {
  if (origin === 'string') return '个字';
  if (origin === 'array' || origin === 'set' || origin === 'map') return '项';
  if (origin === 'file') return '字节';
  return '';
}

/** One Chinese sentence for a zod issue, without the field's name (the summary adds it). */
export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A query parameter given twice (?value=a&value=b) arrives as a list.
      if (Array.isArray(issue.input) && issue.expected !== 'array') return '只能填写一个值';
      return issue.input === undefined ? '不能为空' : `应为${typeNames[issue.expected] ?? '正确的类型'}`;
    case 'invalid_value':
      return issue.values.length === 1 ? '取值不正确' : '不是可选的值，请从选项中选择';
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' && minimum <= 1) return '不能为空';
      if (issue.origin === 'array' && minimum <= 1) return '至少选择一项';
      return `不能少于${minimum}${sizeUnit(issue.origin)}`;
    }
    case 'too_big':
      return `不能超过${Number(issue.maximum)}${sizeUnit(issue.origin)}`;
    case 'invalid_format':
      return `${formatNames[issue.format] ?? ''}格式不正确`;
    case 'not_multiple_of':
      return `应为${Number(issue.divisor)}的整数倍`;
    case 'unrecognized_keys':
      return '含有不认识的内容';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return '填写有误';
  }
}

z.config({ customError: chineseIssueMessage });

/** The Chinese name of the field a path points at (the last named segment), if there is one. */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index];
    if (typeof segment === 'string') return fieldLabels[segment];
  }
  return undefined;
}

/** The name of the field a path points at when it has no Chinese label: the parameter's own name. */
function fieldKey(path: readonly PropertyKey[]): string | undefined {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

/** The top-level message of a validation answer: the first problem, with its field's name. */
export function validationSummary(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return '填写的内容有误，请检查后重试';
  const label = fieldLabel(first.path);
  const message = first.message;
  if (!label) {
    // No Chinese name: a bare "不能为空" would not say what is missing, so the parameter's own name leads.
    const key = fieldKey(first.path);
    return key && !message.startsWith(key) && /^[\w.-]+$/.test(key) ? `${key} ${message}` : message;
  }
  if (message.startsWith(label)) return message;
  return `${label}${/^[应不取至含格填只]/.test(message) ? '' : '：'}${message}`;
}
