import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatMonthDay } from '@/format/date-time';
import { usePageParam } from '@/hooks/use-page-param';
import { openPage, routes } from '@/navigation/routes';
import '../mailbox.scss';

/** 提交成功: the tracking code and the expected dates, in working days. */
export default function LetterReceiptPage() {
  const id = usePageParam('id');
  const code = usePageParam('code');
  const acceptBy = usePageParam('acceptBy');
  const replyBy = usePageParam('replyBy');
  const isHeld = usePageParam('check') !== 'PASS';
  return (
    <PageShell id="page-letter-receipt" className="gp-page">
      <View className="gp-card">
        <Text className="mailbox__title">您的来信已提交</Text>
        <Text className="gp-muted">查询码（请妥善保存，可凭查询码和手机号后4位查询进度）</Text>
        <Text className="mailbox__code" id="letter-receipt-code">
          {code}
        </Text>
        <Text className="mailbox__text" id="letter-receipt-dates">
          预计 {formatMonthDay(acceptBy)} 前受理，{formatMonthDay(replyBy)} 前答复
        </Text>
        {isHeld ? <Text className="gp-muted">来信内容正在进行安全检测，不影响受理。</Text> : null}
        <View className="mailbox__actions">
          <Button id="letter-receipt-open" type="primary" onClick={() => openPage(routes.letterDetail, { id })}>
            查看办理进度
          </Button>
          <Button fill="outline" onClick={() => openPage(routes.myLetters)}>
            我的留言
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
