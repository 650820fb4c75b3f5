import {
  deliveryMethodLabels,
  deliveryMethodSchema,
  onlineDepthLabels,
  onlineDepthSchema,
  serviceItemTypeLabels,
  serviceItemTypeSchema,
  type DeliveryMethod,
  type GuideDetail,
  type GuideInput,
  type OnlineDepth,
  type ServiceAudience,
  type ServiceItemType,
} from '@govpocket/shared';
import { guideDetailToInput } from './guide-input';
import { audienceCodec, labelled, labelledList, optionalText, requiredText, textLines, textList, wholeNumber, workingDays, yesNo, yuanAmount, type CellCodec } from './sheet-cell-codecs';
import { basisCodec, faqCodec, materialsCodec, stepsCodec } from './sheet-line-codecs';

/**
 * The import/export template: one row per guide, one column per element of the national guide,
 * Chinese headers. This table is the template: the import reads by it, the export and the
 * downloadable template write by it, and docs/guide-import-template.md describes it.
 */

/** One guide as a spreadsheet row names it: department and halls by name, the fee over five columns. */
export type SheetGuide = {
  code: string;
  name: string;
  type: ServiceItemType;
  departmentName: string;
  audience: ServiceAudience;
  themes: string[];
  lifeEvents: string[];
  keywords: string[];
  basis: GuideInput['basis'];
  conditions: string[];
  materials: GuideInput['materials'];
  steps: GuideInput['steps'];
  statutoryDays: number;
  promisedDays: number;
  isCharged: boolean;
  feeStandard: string | null;
  feeBasis: string | null;
  feeAmountFen: number | null;
  isOnlinePaymentEnabled: boolean;
  onSiteTrips: number;
  onlineDepth: OnlineDepth;
  deliveryMethods: DeliveryMethod[];
  isAppointmentEnabled: boolean;
  hallNames: string[];
  hours: string;
  consultPhone: string | null;
  supervisePhone: string | null;
  faq: GuideInput['faq'];
};

export type GuideColumn = {
  header: string;
  /** 类型 and 填写规则 for the template's 填写说明 sheet; choices become a drop-down in the XLSX template. */
  kind: string;
  rule: string;
  choices?: string[];
  write: (guide: SheetGuide) => string;
  /** Reads the cell into `into`; answers the reason when the cell cannot be read. */
  read: (cell: string, into: Partial<SheetGuide>) => string | null;
};

function column<K extends keyof SheetGuide>(field: K, header: string, codec: CellCodec<SheetGuide[K]>, doc: { kind: string; rule: string; choices?: string[] }): GuideColumn {
  return {
    header,
    ...doc,
    write: (guide) => codec.write(guide[field]),
    read: (cell, into) => {
      const read = codec.read(cell);
      if (!read.ok) return read.error;
      into[field] = read.value;
      return null;
    },
  };
}

const labelsOf = <T extends string>(options: readonly T[], labels: Record<T, string>): string[] => options.map((option) => labels[option]);
const yesNoChoices = ['是', '否'];
const multi = '多值：用 ；或 | 分隔';

export const guideColumns: GuideColumn[] = [
  column('code', '事项编码', requiredText, { kind: '文本', rule: '必填。如 11331000MZ-QR-0001：机构编码、类型代码（XK/GF/QR/ZS/GG/QT，须与事项类型一致）、4位序号。已有编码的更新该事项，没有的新建（新建的事项为未发布）' }),
  column('name', '事项名称', requiredText, { kind: '文本', rule: '必填，2–128 字' }),
  column('type', '事项类型', labelled(serviceItemTypeSchema.options, serviceItemTypeLabels), { kind: '选项', rule: '必填', choices: labelsOf(serviceItemTypeSchema.options, serviceItemTypeLabels) }),
  column('departmentName', '实施部门', requiredText, { kind: '文本', rule: '必填，系统中已有部门的全称，如 清江市民政局' }),
  column('audience', '服务对象', audienceCodec, { kind: '选项', rule: '必填', choices: ['个人', '法人', '个人,法人'] }),
  column('themes', '主题', textList, { kind: multi, rule: '至少一个，每个不超过 32 字' }),
  column('lifeEvents', '一件事', textList, { kind: multi, rule: '可空；须是系统中已有的“一件事”，如 新生儿出生、开办企业、退休、二手房交易、结婚' }),
  column('keywords', '关键词', textList, { kind: multi, rule: '至少一个，供居民搜索的同义词' }),
  column('basis', '设定依据', basisCodec, { kind: '多行：每行一条', rule: '至少一条：《法律法规名称》（文号）第X条；没有具体条款时只写《名称》' }),
  column('conditions', '受理条件', textLines, { kind: '多行：每行一条', rule: '至少一条' }),
  column('materials', '申请材料', materialsCodec, {
    kind: '多行：每行一份材料',
    rule: '名称｜形式｜份数｜必需 或 条件：适用情形，之后可加（任意顺序）：来源（申请人自备/政府部门核发/其他，默认申请人自备）｜可电子证照 或 不可电子证照｜备注：…｜空白表格：网址｜示例样表：网址。形式：原件/复印件/原件及复印件/电子证照',
  }),
  column('steps', '办理流程', stepsCodec, { kind: '多行：每行一个环节', rule: '至少一个：环节名称｜办理主体｜N个工作日｜计入时限 或 不计入时限｜办理说明' }),
  column('statutoryDays', '法定时限', workingDays, { kind: '整数（工作日）', rule: '必填，0 表示即办' }),
  column('promisedDays', '承诺时限', workingDays, { kind: '整数（工作日）', rule: '必填，不超过法定时限，且等于办理流程中“计入时限”环节的天数之和' }),
  column('isCharged', '是否收费', yesNo, { kind: '是/否', rule: '必填', choices: yesNoChoices }),
  column('feeStandard', '收费标准', optionalText, { kind: '文本', rule: '收费事项必填；不收费时留空' }),
  column('feeBasis', '收费依据', optionalText, { kind: '文本', rule: '可空' }),
  column('feeAmountFen', '收费金额(元)', yuanAmount, { kind: '金额（元）', rule: '最多两位小数，如 20 或 120.50；金额视情况而定或不收费时留空' }),
  column('isOnlinePaymentEnabled', '在线支付', yesNo, { kind: '是/否', rule: '必填；不收费事项填“否”', choices: yesNoChoices }),
  column('onSiteTrips', '到现场次数', wholeNumber(/^(|次)$/), { kind: '整数', rule: '必填，0–5；0 次（零跑动）须网办深度为四级' }),
  column('onlineDepth', '网办深度', labelled(onlineDepthSchema.options, onlineDepthLabels), { kind: '选项', rule: '必填', choices: labelsOf(onlineDepthSchema.options, onlineDepthLabels) }),
  column('deliveryMethods', '送达方式', labelledList(deliveryMethodSchema.options, deliveryMethodLabels), { kind: multi, rule: `至少一种：${labelsOf(deliveryMethodSchema.options, deliveryMethodLabels).join('、')}` }),
  column('isAppointmentEnabled', '可预约', yesNo, { kind: '是/否', rule: '必填', choices: yesNoChoices }),
  column('hallNames', '办理大厅', textList, { kind: multi, rule: '至少一个，系统中已有大厅的全称，如 清江市民中心政务服务大厅' }),
  column('hours', '办理时间', requiredText, { kind: '文本', rule: '必填，如 周一至周五 9:00-12:00, 13:30-17:00 (法定节假日除外)' }),
  column('consultPhone', '咨询电话', optionalText, { kind: '文本', rule: '可空，如 0576-88512148' }),
  column('supervisePhone', '监督电话', optionalText, { kind: '文本', rule: '可空，如 12345' }),
  column('faq', '常见问题', faqCodec, { kind: '多行：每行一问', rule: '可空，最多 20 问：问：…答：…' }),
];

/** A header as typed: spaces, a trailing * and full-width brackets do not matter. */
export function normaliseHeader(header: string): string {
  return header.replace(/\s+/g, '').replace(/\*+$/, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function toSheetGuide(detail: GuideDetail): SheetGuide {
  const { departmentId: _department, hallIds: _halls, changeNote: _note, fee, ...rest } = guideDetailToInput(detail);
  return {
    ...rest,
    departmentName: detail.departmentName,
    isCharged: fee.isCharged,
    feeStandard: fee.standard,
    feeBasis: fee.basis,
    feeAmountFen: fee.amountFen,
    isOnlinePaymentEnabled: fee.isOnlinePaymentEnabled,
    hallNames: detail.halls.map((hall) => hall.name),
  };
}

/** What guideInputSchema checks for a row: the cells read so far, names already turned into ids. */
export function toGuideCandidate(fields: Partial<SheetGuide>, ids: { departmentId?: string; hallIds?: string[] }) {
  const { departmentName: _department, hallNames: _halls, isCharged, feeStandard, feeBasis, feeAmountFen, isOnlinePaymentEnabled, ...rest } = fields;
  return { ...rest, departmentId: ids.departmentId, hallIds: ids.hallIds, fee: { isCharged, standard: feeStandard, basis: feeBasis, amountFen: feeAmountFen, isOnlinePaymentEnabled } };
}
