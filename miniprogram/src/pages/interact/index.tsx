import { Text, View } from '@tarojs/components';
import { MenuList, type MenuItem } from '@/components/menu-list';
import { PageShell } from '@/components/page-shell';
import { openPage, routes } from '@/navigation/routes';
import './index.scss';

const mailboxItems: readonly MenuItem[] = [
  { key: 'mailbox-write', title: '写信', description: '向书记、市长及各部门信箱反映问题、提出建议', onTap: () => openPage(routes.letterWrite) },
  { key: 'mailbox-mine', title: '我的留言', description: '查看办理进度与答复，对答复进行评价', onTap: () => openPage(routes.myLetters) },
  { key: 'mailbox-lookup', title: '查询办理进度', description: '凭查询码和手机号后4位查询，无需登录', onTap: () => openPage(routes.letterLookup) },
  { key: 'mailbox-published', title: '信件选登', description: '经来信人同意公开的信件及答复、办理统计', onTap: () => openPage(routes.publicLetters) },
];

// 意见征集 (issue #8): the pages live in the consultation subpackage.
const consultationItems: readonly MenuItem[] = [
  { key: 'consultation-open', title: '正在征集', description: '重大决策预公开，欢迎对草案逐条提出意见', onTap: () => openPage(routes.consultations, { status: 'OPEN' }) },
  { key: 'consultation-feedback', title: '采纳情况反馈', description: '已结束征集的意见采纳情况与说明', onTap: () => openPage(routes.consultations, { status: 'FEEDBACK_PUBLISHED' }) },
  { key: 'consultation-mine', title: '我的意见', description: '我提出的意见及采纳情况', onTap: () => openPage(routes.myOpinions) },
];

export default function InteractPage() {
  return (
    <PageShell id="page-interact" className="interact">
      <View className="interact__intro">
        <Text className="interact__intro-title">政民互动</Text>
        <Text className="interact__intro-text">您的每一条留言，都会在规定时限内得到受理和答复。</Text>
      </View>

      <View className="interact__group">
        <Text className="interact__group-title">领导信箱</Text>
        <MenuList id="interact-mailbox" items={mailboxItems} />
      </View>

      <View className="interact__group">
        <Text className="interact__group-title">意见征集</Text>
        <MenuList id="interact-consultation" items={consultationItems} />
      </View>

      <Text className="interact__notice">
        温馨提示：涉诉涉法等依法应通过诉讼、仲裁、行政复议等途径解决的事项，信箱不予受理；举报类信件不予公开。
      </Text>
    </PageShell>
  );
}
