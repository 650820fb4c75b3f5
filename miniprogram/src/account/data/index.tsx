import { Input, Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { deletionConfirmation, exportFileName, useMyData } from '@/hooks/use-my-data';
import { useSession } from '@/hooks/use-session';
import { openPage, openTab, routes } from '@/navigation/routes';
import './index.scss';

const erased = [
  '微信身份标识、昵称、头像与绑定的手机号',
  '收藏、浏览记录、材料清单和消息中心的全部消息',
  '订阅消息授权、长辈版等个人设置',
  '信件中的联系电话、预约中的收件地址和联系电话',
];

const keptAnonymised = [
  '已提交的信件、预约、意见和缴费记录按政务档案规定保留，但不再与您的身份关联',
  '操作日志中仅保留“账号已注销”的记录，不含您的个人信息',
];

export default function MyDataPage() {
  const { isSignedIn } = useSession();
  const data = useMyData();

  if (data.isDeleted) {
    return (
      <PageShell id="page-my-data" className="my-data">
        <EmptyState
          id="my-data-deleted"
          title="账号已注销"
          description="您的个人信息已删除或匿名化处理。感谢您使用政务掌上通。"
          action={
            <Button type="primary" onClick={() => openTab(routes.home)}>
              返回首页
            </Button>
          }
        />
      </PageShell>
    );
  }

  if (!isSignedIn) {
    return (
      <PageShell id="page-my-data" className="my-data">
        <EmptyState id="my-data-signed-out" title="登录后管理您的数据" action={<Button type="primary" onClick={() => openPage(routes.login)}>去登录</Button>} />
      </PageShell>
    );
  }

  const result = data.exportResult;
  return (
    <PageShell id="page-my-data" className="my-data">
      <View className="gp-card my-data__card" id="my-data-export">
        <Text className="my-data__title">导出我的数据</Text>
        <Text className="my-data__text">导出我们保存的关于您的全部信息（JSON 格式），包括账号、授权记录、收藏、预约、信件、意见、消息和缴费记录。手机号等加密信息将解密后仅提供给您本人。</Text>
        <Button id="my-data-export-button" type="primary" block loading={data.isExporting} onClick={() => void data.exportData()}>
          导出我的数据
        </Button>
        {data.exportError ? <Text className="gp-error my-data__message">{data.exportError}</Text> : null}
        {result ? (
          <View className="my-data__summary" id="my-data-summary">
            <Text className="my-data__summary-title">导出时间：{formatDateTime(result.exportedAt)}</Text>
            <Text className="my-data__line">手机号：{result.hasPhone ? '已包含' : '未绑定'}</Text>
            {result.lines.map((line) => (
              <Text key={line.key} className="my-data__line">
                {line.label}：{line.count} 条
              </Text>
            ))}
            {result.saved?.kind === 'downloaded' ? <Text className="my-data__saved">已下载文件 {exportFileName}</Text> : null}
            {result.saved?.kind === 'stored' ? <Text className="my-data__saved">文件已保存在小程序中，可发送到聊天（如“文件传输助手”）保存，或复制全部内容。</Text> : null}
            {result.saveError ? <Text className="gp-error my-data__message">{result.saveError}</Text> : null}
            <View className="my-data__actions">
              {data.canShareExport ? (
                <Button id="my-data-share" fill="outline" onClick={() => void data.shareExport()}>
                  发送到聊天
                </Button>
              ) : null}
              <Button id="my-data-copy" fill="outline" onClick={() => void data.copyExport()}>
                复制全部内容
              </Button>
            </View>
          </View>
        ) : null}
      </View>

      <View className="gp-card my-data__card" id="my-data-delete">
        <Text className="my-data__title my-data__title--danger">注销账号</Text>
        <Text className="my-data__text">注销后无法恢复。建议先导出您的数据。以下信息将被删除：</Text>
        {erased.map((line) => (
          <Text key={line} className="my-data__bullet">
            · {line}
          </Text>
        ))}
        <Text className="my-data__text">以下信息将匿名化保留：</Text>
        {keptAnonymised.map((line) => (
          <Text key={line} className="my-data__bullet">
            · {line}
          </Text>
        ))}
        <Text className="my-data__text">工作人员账号请先联系管理员解除绑定。确认注销请在下方输入“{deletionConfirmation}”：</Text>
        <Input
          id="my-data-confirm"
          className="my-data__input"
          value={data.confirmText}
          placeholder={`请输入“${deletionConfirmation}”`}
          maxlength={10}
          onInput={(event) => data.setConfirmText(event.detail.value)}
        />
        {data.deleteError ? <Text className="gp-error my-data__message">{data.deleteError}</Text> : null}
        <Button id="my-data-delete-button" type="danger" block disabled={!data.canDelete} loading={data.isDeleting} onClick={() => void data.deleteAccount()}>
          确认注销账号
        </Button>
      </View>
    </PageShell>
  );
}
