import type { LetterSatisfaction, LetterType } from '../../generated/client/enums';

/**
 * The demo letters, one per stage of the workflow. Moments are given in working days relative
 * to the day the seed runs (wd: -13 = thirteen working days ago) and a Shanghai clock time; the
 * builder derives the status, deadlines and the event history from the stages present.
 */

export type Moment = { wd: number; time: string };

export type LetterSpec = {
  trackingCode: string;
  residentKey: string;
  mailbox: string;
  type: LetterType;
  title: string;
  body: string;
  isPublishAgreed: boolean;
  /** Omitted: submitted two hours before the seed runs. */
  submitted?: Moment;
  notAccepted?: Moment & { reason: string };
  accepted?: Moment;
  assigned?: Moment & { department: string; instructions: string };
  drafted?: Moment & { reply: string };
  approved?: Moment;
  rated?: Moment & { satisfaction: LetterSatisfaction; comment: string };
  published?: Moment & { publicBody: string };
  notes?: (Moment & { body: string })[];
};

export const mayorMailbox = '市长信箱';
export const secretaryMailbox = '书记信箱';

export const letterSpecs: LetterSpec[] = [
  {
    trackingCode: 'QJDEMO0001',
    residentKey: 'resident-li',
    mailbox: mayorMailbox,
    type: 'SUGGEST',
    title: '建议在滨江路江南菜场附近增设公交停靠站',
    body:
      '市长您好！我住在江南区滨江路，附近的江南菜场每天早上买菜的老人很多，但最近的公交站在约800米外的滨江路口，' +
      '老人拎着菜走过去很吃力，雨天更不方便。建议在菜场附近增设一个公交停靠站，或者调整途经线路的站点位置。谢谢！',
    isPublishAgreed: true,
  },
  {
    trackingCode: 'QJDEMO0002',
    residentKey: 'resident-wang',
    mailbox: mayorMailbox,
    type: 'COMPLAIN',
    title: '对商品房买卖合同纠纷一审判决不服',
    body:
      '我与某房地产开发公司的商品房买卖合同纠纷，已由江北区人民法院作出一审判决。我认为判决没有支持我的逾期交房违约金请求，' +
      '很不公平，请市长督促法院重新审理。',
    isPublishAgreed: false,
    submitted: { wd: -6, time: '10:20' },
    notAccepted: {
      wd: -5,
      time: '15:00',
      reason: '您反映的事项已进入诉讼程序，属于涉诉涉法事项，请依法通过上诉等司法途径解决，本信箱不予受理。感谢您的理解。',
    },
  },
  {
    trackingCode: 'QJDEMO0003',
    residentKey: 'resident-wang',
    mailbox: mayorMailbox,
    type: 'CONSULT',
    title: '个体工商户变更经营场所需要办理哪些手续',
    body:
      '您好！我在江北区经营一家小餐馆（个体工商户），因为原店面到期，打算搬到江南区。请问变更经营场所需要到哪些部门办理手续，' +
      '食品经营许可证是否需要重新申请？能不能在网上办理？',
    isPublishAgreed: true,
    submitted: { wd: -2, time: '09:40' },
    accepted: { wd: -1, time: '10:30' },
  },
  {
    trackingCode: 'QJDEMO0004',
    residentKey: 'resident-zhang',
    mailbox: mayorMailbox,
    type: 'COMPLAIN',
    title: '江北区一家超市多次销售过期食品',
    body:
      '上个月我在江北区市民大道附近的一家超市买的酸奶已经过了保质期三天，向超市反映后对方只同意退货，不愿意按规定赔偿。' +
      '我还发现货架上有好几种临期、过期的食品没有下架。此前我在12315平台投诉过一次，一直没有结果，希望有关部门认真查处。',
    isPublishAgreed: true,
    submitted: { wd: -14, time: '20:15' },
    accepted: { wd: -13, time: '09:30' },
    assigned: { wd: -13, time: '10:00', department: '清江市市场监督管理局', instructions: '请核查该超市食品经营情况，依法处理并答复来信人。' },
    notes: [{ wd: -1, time: '09:10', body: '答复期限将至，已电话提醒市市场监管局承办人注意办理时限。' }],
  },
  {
    trackingCode: 'QJDEMO0005',
    residentKey: 'resident-li',
    mailbox: mayorMailbox,
    type: 'HELP',
    title: '母亲被骗购买高价保健品，想申请法律援助',
    body:
      '我母亲今年72岁，今年被人以免费体检、养老投资为名骗买了两万多元的保健品，对方现在电话打不通了。已经向派出所报了案。' +
      '我们家经济比较困难，想咨询能否申请法律援助追回损失，应该到哪里办理、需要带什么材料？',
    isPublishAgreed: false,
    submitted: { wd: -19, time: '11:00' },
    accepted: { wd: -18, time: '09:15' },
    assigned: { wd: -18, time: '09:40', department: '清江市司法局', instructions: '请告知法律援助申请条件和办理途径，必要时协助来信人申请。' },
    notes: [{ wd: -2, time: '14:30', body: '已超期，已电话督办市司法局，承办人表示正在与市法律援助中心核实受理条件，将尽快答复。' }],
  },
  {
    trackingCode: 'QJDEMO0006',
    residentKey: 'resident-zhang',
    mailbox: mayorMailbox,
    type: 'CONSULT',
    title: '网购生鲜食品能否七日无理由退货',
    body: '您好！我在网上买了一箱海鲜，收到后觉得不太新鲜，商家说生鲜不支持七日无理由退货。请问这种情况商家的说法对吗？我应该怎么维权？',
    isPublishAgreed: true,
    submitted: { wd: -9, time: '14:00' },
    accepted: { wd: -8, time: '09:00' },
    assigned: { wd: -8, time: '09:30', department: '清江市市场监督管理局', instructions: '请就网购生鲜退货的规定答复来信人。' },
    drafted: {
      wd: -1,
      time: '16:00',
      reply:
        '张先生：您好！根据《中华人民共和国消费者权益保护法》第二十五条，经营者采用网络等方式销售商品，消费者有权自收到商品之日起七日内退货，' +
        '且无需说明理由，但鲜活易腐的商品等除外。生鲜食品属于鲜活易腐商品，一般不适用七日无理由退货；但商品存在质量问题的，' +
        '您可以依照该法第二十四条要求经营者退货、更换或者修理。协商不成的，可拨打12315或通过全国12315平台投诉。感谢您的来信。',
    },
  },
  {
    trackingCode: 'QJDEMO0007',
    residentKey: 'resident-li',
    mailbox: secretaryMailbox,
    type: 'CONSULT',
    title: '父亲去世后办理房产继承公证需要哪些材料',
    body: '您好！我父亲今年去世，留下一套房子，家里有母亲、我和弟弟三人。请问办理继承公证需要准备哪些材料？是不是必须办公证才能过户？',
    isPublishAgreed: true,
    submitted: { wd: -12, time: '19:30' },
    accepted: { wd: -11, time: '09:20' },
    assigned: { wd: -11, time: '10:10', department: '清江市司法局', instructions: '请答复继承公证的办理材料和流程。' },
    drafted: {
      wd: -4,
      time: '15:30',
      reply:
        '李女士：您好！办理继承公证，一般由全体继承人共同到公证机构申请，并提交：继承人的身份证件；被继承人的死亡证明；' +
        '被继承人与继承人之间的亲属关系证明；不动产权属证书；被继承人留有遗嘱的，提交遗嘱原件。根据《中华人民共和国民法典》第一千一百二十七条，' +
        '第一顺序继承人为配偶、子女、父母。继承人对继承无争议的，也可以不办理公证，由全体继承人持相关材料到市不动产登记中心申请继承登记。' +
        '感谢您的来信。',
    },
    approved: { wd: -2, time: '11:00' },
  },
  {
    trackingCode: 'QJDEMO0008',
    residentKey: 'resident-wang',
    mailbox: mayorMailbox,
    type: 'SUGGEST',
    title: '建议在市民中心设立开办企业“一件事”专窗',
    body:
      '市长您好！本人王军，联系电话13857610003，是江北区的一名个体工商户。今年我帮朋友注册公司，营业执照、公章刻制、涉税事项、' +
      '社保开户分别在不同窗口排队，前后跑了三次。建议在市民中心设立开办企业“一件事”专窗，一次提交材料，一个窗口办完。谢谢！',
    isPublishAgreed: true,
    submitted: { wd: -30, time: '21:05' },
    accepted: { wd: -29, time: '09:10' },
    assigned: { wd: -29, time: '09:45', department: '清江市市场监督管理局', instructions: '请研究来信人关于开办企业“一件事”的建议并答复。' },
    drafted: {
      wd: -20,
      time: '17:00',
      reply:
        '王先生：您好！感谢您对我市营商环境建设的关注。目前市民中心政务服务大厅已在综合受理区设立开办企业“一件事”专窗，' +
        '营业执照、公章刻制、涉税事项、社保和医保参保登记、住房公积金单位缴存登记一次申请、一窗受理，全流程一般在1个工作日内办结；' +
        '通过“政务掌上通”小程序也可以在线申请。欢迎您继续对我们的工作提出意见和建议。',
    },
    approved: { wd: -19, time: '10:00' },
    rated: { wd: -18, time: '20:40', satisfaction: 'SATISFIED', comment: '答复很及时，已经体验过专窗，确实方便。' },
    published: {
      wd: -17,
      time: '10:30',
      publicBody:
        '市长您好！本人王**，联系电话138****0003，是江北区的一名个体工商户。今年我帮朋友注册公司，营业执照、公章刻制、涉税事项、' +
        '社保开户分别在不同窗口排队，前后跑了三次。建议在市民中心设立开办企业“一件事”专窗，一次提交材料，一个窗口办完。谢谢！',
    },
  },
];

/** The demo staff who act on letters of each handling department. */
export const handlerByDepartment: Record<string, string> = {
  清江市司法局: 'handler-sifa',
  清江市市场监督管理局: 'handler-scjg',
};
export const officeStaffKey = 'office-liu';
