import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { Button } from '@/components/ui';
import { useSession } from '@/hooks/use-session';
import { useStaffBinding } from '@/hooks/use-staff-binding';
import { openTab, routes } from '@/navigation/routes';
import './index.scss';

export default function StaffBindPage() {
  const { isSignedIn } = useSession();
  const binding = useStaffBinding();

  const submit = async () => {
    if (!(await binding.submit())) return;
    await Taro.showToast({ title: '绑定成功', icon: 'success' });
    void Taro.redirectTo({ url: routes.staffHome });
  };

  if (!isSignedIn) {
    return (
      <View className="gp-page" id="page-staff-bind">
        <EmptyState
          id="staff-bind-signed-out"
          title="请先登录"
          description="绑定员工账号前，请先使用本人微信登录。"
          action={
            <Button type="primary" onClick={() => openTab(routes.mine)}>
              去登录
            </Button>
          }
        />
      </View>
    );
  }

  return (
    <View className="gp-page staff-bind" id="page-staff-bind">
      <View className="gp-card">
        <Text className="staff-bind__title">输入绑定码</Text>
        <Text className="gp-muted staff-bind__hint">
          绑定码由系统管理员在创建员工账号时发放，为 8 位字母或数字，24 小时内有效，仅可使用一次。绑定后本微信即可进入员工工作台。
        </Text>
        <Input
          id="staff-bind-code"
          className="staff-bind__input"
          value={binding.code}
          maxlength={16}
          placeholder="8 位字母或数字"
          onInput={(event) => binding.setCode(event.detail.value)}
        />
        {binding.errorMessage ? (
          <Text className="gp-error staff-bind__error" id="staff-bind-error">
            {binding.errorMessage}
          </Text>
        ) : null}
        <Button
          id="staff-bind-submit"
          type="primary"
          block
          loading={binding.isSubmitting}
          disabled={binding.code.trim() === ''}
          onClick={() => void submit()}
        >
          确认绑定
        </Button>
      </View>
    </View>
  );
}
