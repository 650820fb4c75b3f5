import type { OpinionOutcomeKind } from '../../generated/client/enums';

/**
 * Two consultations: a draft regulation open for opinions now, and one whose feedback
 * (采纳情况反馈) has been published. Days are calendar days relative to the seed run.
 */

export type SectionSpec = { heading: string; body: string };
export type OpinionSpec = {
  residentKey: string;
  /** Section number (1-based), or null for the whole draft. */
  section: number | null;
  body: string;
  day: number;
  outcome?: { kind: OpinionOutcomeKind; summary?: string; reason?: string; mergedInto?: number };
};
export type ConsultationSpec = {
  key: string;
  title: string;
  department: string;
  summary: string;
  background: string;
  basis: string;
  startDay: number;
  endDay: number;
  feedbackDay?: number;
  contact: { name: string; phone: string; email: string; address: string };
  sections: SectionSpec[];
  opinions: OpinionSpec[];
};

const general = '第一章 总则';
const registration = '第二章 养犬登记';
const conduct = '第三章 养犬行为规范';
const liability = '第四章 法律责任';
const supplementary = '第五章 附则';

export const dogRegulation: ConsultationSpec = {
  key: 'dog-regulation-2026',
  title: '《清江市养犬管理规定（征求意见稿）》',
  department: '清江市司法局',
  summary: '规范养犬登记、携犬出户和禁养犬只管理，公开征求社会各界意见。',
  background:
    '近年来，我市养犬数量快速增长，犬只扰民、伤人和污染环境等问题时有发生，群众反映强烈。现行养犬管理办法制定时间较早，' +
    '部分内容已不适应城市管理需要。市公安局在调研论证的基础上起草了规章送审稿，市司法局进行了审查修改，形成《清江市养犬管理规定（征求意见稿）》，' +
    '现向社会公开征求意见。',
  basis: '《中华人民共和国动物防疫法》第三十条；《中华人民共和国立法法》；《规章制定程序条例》。',
  startDay: -10,
  endDay: 20,
  contact: { name: '市司法局立法处', phone: '0576-88512148', email: 'lifa@sfj.qingjiang.example.cn', address: '清江市江北区市民大道 88 号市行政中心 3 号楼' },
  sections: [
    { heading: general, body: '为了规范养犬行为，保障公民人身安全和健康，维护市容环境卫生和社会公共秩序，根据《中华人民共和国动物防疫法》等法律、法规，结合本市实际，制定本规定。' },
    { heading: general, body: '本市行政区域内的养犬及相关管理活动，适用本规定。军用犬、警用犬、导盲犬、扶助犬等特种犬的管理，依照有关规定执行。' },
    {
      heading: general,
      body: '养犬管理坚持政府监管、养犬人自律、基层组织参与和社会监督相结合的原则。市、区公安机关是养犬管理的主管部门；农业农村、综合行政执法、卫生健康、市场监督管理等部门按照各自职责做好养犬管理相关工作。',
    },
    {
      heading: registration,
      body: '本市实行养犬登记制度。在江北区、江南区城市建成区内饲养犬只的，养犬人应当自取得犬只之日起三十日内，向居住地公安派出所申请养犬登记。个人在城市建成区内每户限养一只犬。',
    },
    { heading: registration, body: '犬只满三月龄的，养犬人应当按照规定为其接种狂犬病疫苗，取得免疫证明，并为犬只植入电子标识。' },
    { heading: registration, body: '城市建成区内禁止饲养烈性犬、大型犬。禁养犬只品种目录由市公安机关会同市农业农村部门制定，并向社会公布。' },
    {
      heading: conduct,
      body: '携犬出户的，应当为犬只佩戴犬牌、束犬链（绳），犬链（绳）长度不得超过一点五米，由完全民事行为能力人牵领，在拥挤场合自觉收紧犬链（绳），主动避让老年人、残疾人、孕妇和儿童。犬只在户外排泄的，携犬人应当立即清除。',
    },
    {
      heading: conduct,
      body: '禁止携犬进入机关、学校、医院、室内体育场馆、博物馆、图书馆、商场、宾馆、餐饮场所等公共场所，禁止携犬乘坐公共汽车等公共交通工具；携犬乘坐出租汽车的，应当征得驾驶员同意。',
    },
    { heading: conduct, body: '犬只伤害他人的，养犬人应当立即将受害人送医疗机构诊治，先行垫付医疗费用，并依法承担民事责任。' },
    { heading: liability, body: '违反本规定第七条规定，携犬出户未束犬链（绳）的，由公安机关责令改正，可以处五十元以上二百元以下罚款。' },
    { heading: liability, body: '违反本规定第六条规定饲养禁养犬只的，由公安机关责令限期送交犬只收容场所；逾期不送交的，依法收容其犬只。' },
    { heading: supplementary, body: '本规定自2027年1月1日起施行。' },
  ],
  opinions: [
    { residentKey: 'resident-zhang', section: 6, day: -8, body: '建议禁养品种目录公布后设置过渡期，已经登记的大型犬允许继续饲养到自然死亡，避免一刀切。' },
    { residentKey: 'resident-li', section: 7, day: -6, body: '建议明确夜间遛犬同样必须束犬链，并在小区和公园设置犬只便溺箱，方便养犬人及时清理。' },
    { residentKey: 'resident-wang', section: null, day: -4, body: '建议同步建设线上养犬登记和年检系统，登记、免疫证明和电子标识信息一次提交，不用反复跑派出所。' },
    { residentKey: 'resident-zhang', section: 8, day: -2, body: '第八条列举的公共场所建议增加“公园儿童游乐区”，这里孩子多，容易发生犬只伤人事件。' },
  ],
};

export const eBikeMeasures: ConsultationSpec = {
  key: 'ebike-charging-2026',
  title: '《清江市电动自行车停放充电管理办法（征求意见稿）》',
  department: '清江市住房和城乡建设局',
  summary: '规范住宅小区电动自行车停放和充电，预防电动自行车火灾。',
  background:
    '电动自行车是群众日常出行的重要交通工具。近年来，电动自行车在楼道、室内停放充电引发的火灾事故时有发生。为从源头预防此类火灾，' +
    '市住建局会同市消防救援支队起草了《清江市电动自行车停放充电管理办法（征求意见稿）》，现向社会公开征求意见。',
  basis: '《中华人民共和国消防法》第二十八条、第六十条；《物业管理条例》。',
  startDay: -120,
  endDay: -90,
  feedbackDay: -75,
  contact: { name: '市住建局物业管理科', phone: '0576-88208621', email: 'wyk@zjj.qingjiang.example.cn', address: '清江市江北区市民大道 88 号市行政中心 5 号楼' },
  sections: [
    { heading: '', body: '为了加强电动自行车停放充电管理，预防和减少火灾事故，保障人民群众生命财产安全，根据《中华人民共和国消防法》等法律、法规，结合本市实际，制定本办法。' },
    { heading: '', body: '本市行政区域内电动自行车的停放、充电及其监督管理活动，适用本办法。' },
    { heading: '', body: '新建住宅小区应当按照规定配套建设电动自行车集中停放场所和充电设施。既有住宅小区应当结合老旧小区改造，因地制宜设置集中停放场所和充电设施。' },
    { heading: '', body: '电动自行车集中充电设施应当具备定时充电、自动断电、故障报警等功能，并配备必要的消防设施器材。' },
    { heading: '', body: '禁止在建筑物的公共门厅、疏散走道、楼梯间、安全出口停放电动自行车或者为电动自行车充电。禁止私拉电线和插座为电动自行车充电。' },
    { heading: '', body: '物业服务企业应当加强对管理区域内电动自行车停放、充电行为的巡查，发现违反本办法第五条规定行为的，应当予以劝阻、制止。' },
    { heading: '', body: '违反本办法第五条规定的，由消防救援机构依照《中华人民共和国消防法》的规定责令改正，对个人可以处警告或者五百元以下罚款。' },
    { heading: '', body: '本办法自2026年9月1日起施行。' },
  ],
  opinions: [
    {
      residentKey: 'resident-wang',
      section: 3,
      day: -118,
      body: '建议老旧小区加装充电设施的费用由政府给予一定补贴，否则很多小区业主难以就出资达成一致。',
      outcome: { kind: 'PARTIALLY_ADOPTED', summary: '已在第三条增加“对既有住宅小区建设集中充电设施给予适当补助”的规定，补助标准由市住建局会同市财政局另行制定。' },
    },
    {
      residentKey: 'resident-li',
      section: 5,
      day: -112,
      body: '建议明确禁止电动自行车进入电梯，电瓶车在电梯里起火非常危险，逃都逃不出来。',
      outcome: { kind: 'ADOPTED', summary: '已在第五条增加“禁止携带电动自行车及其蓄电池进入电梯轿厢”的规定。' },
    },
    {
      residentKey: 'resident-zhang',
      section: 5,
      day: -105,
      body: '电梯里应该安装电动自行车阻车系统，从技术上不让电瓶车上楼。',
      outcome: { kind: 'MERGED', mergedInto: 1, reason: '与禁止电动自行车进入电梯的意见内容相同，合并处理。' },
    },
    {
      residentKey: 'resident-wang',
      section: null,
      day: -101,
      body: '建议对违规充电不要罚款，以宣传教育为主，毕竟大家也是为了生活方便。',
      outcome: {
        kind: 'NOT_ADOPTED',
        reason:
          '在楼道、室内违规停放充电是引发电动自行车火灾的主要原因，《中华人民共和国消防法》第六十条已对占用、堵塞疏散通道等行为规定了法律责任。' +
          '本办法的罚则与上位法衔接，坚持教育与处罚相结合，对首次违法且及时改正的可以不予处罚，因此未采纳取消罚款的意见。',
      },
    },
    {
      residentKey: 'resident-li',
      section: 6,
      day: -97,
      body: '物业发现违规充电劝阻无效的，应当报告社区和消防部门，不能只劝不管。',
      outcome: { kind: 'ADOPTED', summary: '已在第六条增加物业服务企业劝阻无效时及时向街道（乡镇）和消防救援机构报告的规定。' },
    },
    {
      residentKey: 'resident-zhang',
      section: 4,
      day: -93,
      body: '集中充电桩的收费标准应当公开透明，防止乱收费。',
      outcome: { kind: 'ADOPTED', summary: '已在第四条增加集中充电设施运营单位应当在显著位置公示收费标准的规定。' },
    },
  ],
};

export const consultationSpecs: ConsultationSpec[] = [dogRegulation, eBikeMeasures];
