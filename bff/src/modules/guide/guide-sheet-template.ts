import { guideColumns, type SheetGuide } from './guide-sheet-columns';
import type { SheetContent } from './guide-sheet-file';

/**
 * The downloadable template: the header row and one filled-in example, plus (XLSX) drop-downs and
 * a 填写说明 sheet built from the column table. The example's name starts with 示例, and the import
 * refuses such rows, so a template imported untouched never creates a guide.
 */
export const examplePrefix = '示例';

export const templateExample: SheetGuide = {
  code: '11331000GA-XK-0901',
  name: `${examplePrefix}：机动车驾驶证补领`,
  type: 'ADMINISTRATIVE_LICENSE',
  departmentName: '清江市公安局',
  audience: 'INDIVIDUAL',
  themes: ['交通出行', '证件办理'],
  lifeEvents: [],
  keywords: ['驾驶证丢失', '驾照补办', '补领驾驶证'],
  basis: [
    { law: '《中华人民共和国道路交通安全法》', article: '第十九条' },
    { law: '《机动车驾驶证申领和使用规定》', article: null },
  ],
  conditions: ['机动车驾驶证遗失或者损毁无法辨认', '机动车驾驶证未被吊销、注销，不在暂扣期间'],
  materials: [
    { name: '居民身份证', form: 'ORIGINAL', copies: 1, isRequired: true, condition: null, note: null, source: 'GOVERNMENT_ISSUED', isElectronicAccepted: true, blankFormUrl: null, sampleUrl: null },
    { name: '近期一寸白底免冠彩色照片', form: 'ORIGINAL', copies: 2, isRequired: true, condition: null, note: '窗口可现场拍照', source: 'APPLICANT', isElectronicAccepted: false, blankFormUrl: null, sampleUrl: null },
    { name: '授权委托书', form: 'ORIGINAL', copies: 1, isRequired: false, condition: '委托他人代为申请的', note: null, source: 'APPLICANT', isElectronicAccepted: false, blankFormUrl: null, sampleUrl: null },
  ],
  steps: [
    { name: '受理', actor: '车驾管服务窗口', days: 0, countsTowardLimit: true, description: '核验身份，受理补领申请' },
    { name: '制证', actor: '市公安局交通警察支队车辆管理所', days: 1, countsTowardLimit: true, description: '审核驾驶人信息，制作机动车驾驶证' },
  ],
  statutoryDays: 1,
  promisedDays: 1,
  isCharged: true,
  feeStandard: '机动车驾驶证工本费每证10元',
  feeBasis: '《中华人民共和国道路交通安全法》第八十一条',
  feeAmountFen: 1000,
  isOnlinePaymentEnabled: true,
  onSiteTrips: 1,
  onlineDepth: 'LEVEL_3',
  deliveryMethods: ['WINDOW_PICKUP', 'MAIL'],
  isAppointmentEnabled: true,
  hallNames: ['清江市民中心政务服务大厅', '清江市江南区便民服务中心'],
  hours: '周一至周五 9:00-12:00, 13:30-17:00 (法定节假日除外)',
  consultPhone: '0576-88217122',
  supervisePhone: '12345',
  faq: [{ question: '驾驶证丢失后可以在网上补领吗？', answer: '可以通过交管12123 App申请补领，新驾驶证邮寄送达。' }],
};

/** Long text columns get wide cells; the rest fit a label or a number. */
const wideColumns = new Set(['受理条件', '申请材料', '办理流程', '设定依据', '常见问题', '收费标准', '收费依据']);

export function guideSheetContent(guides: SheetGuide[]): SheetContent {
  return {
    headers: guideColumns.map((column) => column.header),
    rows: guides.map((guide) => guideColumns.map((column) => column.write(guide))),
    layout: {
      widths: guideColumns.map((column) => (wideColumns.has(column.header) ? 48 : 16)),
      choices: guideColumns.map((column) => column.choices),
      instructions: [
        ['列名', '类型', '填写规则'],
        ...guideColumns.map((column) => [column.header, column.kind, column.rule]),
        ['', '', '每行一个事项，第 1 行为列名；第 2 行是示例（事项名称以“示例”开头的行不会被导入），请删除或改写。详见 docs/guide-import-template.md'],
      ],
    },
  };
}
