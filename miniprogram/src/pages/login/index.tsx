import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { demoPersonas } from '@govpocket/shared';
import { PersonaPicker } from '@/components/persona-picker';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useSession } from '@/hooks/use-session';
import { leavePage, routes } from '@/navigation/routes';
import { isBrowserDemo } from '@/services/env';
import './index.scss';

export default function LoginPage() {
  const { signInAsPersona, signInWithWechat, isSigningIn, errorMessage } = useSession();
  const [pendingKey, setPendingKey] = useState<string | null>(null);

  const pickPersona = async (personaKey: string) => {
    setPendingKey(personaKey);
    const isSignedIn = await signInAsPersona(personaKey);
    setPendingKey(null);
    if (isSignedIn) leavePage(routes.mine);
  };

  const signInWithWechatAndLeave = async () => {
    if (await signInWithWechat()) leavePage(routes.mine);
  };

  return (
    <PageShell id="page-login" className="login">
      <View className="login__header">
        <Text className="login__title">登录政务掌上通</Text>
        <Text className="login__subtitle">
          {isBrowserDemo ? '浏览器演示版：请选择一位清江市的演示用户登录' : '使用微信账号一键登录'}
        </Text>
      </View>

      {errorMessage ? (
        <Text className="gp-error login__error" id="login-error">
          {errorMessage}
        </Text>
      ) : null}

      {isBrowserDemo ? (
        <View className="gp-card">
          <PersonaPicker personas={demoPersonas} pendingKey={pendingKey} onPick={(key) => void pickPersona(key)} />
        </View>
      ) : (
        <View className="login__wechat">
          <Button id="login-wechat" type="primary" block loading={isSigningIn} onClick={() => void signInWithWechatAndLeave()}>
            微信登录
          </Button>
        </View>
      )}

      <Text className="login__agreement">登录即表示您同意《政务掌上通用户服务协议》和《隐私政策》</Text>
    </PageShell>
  );
}
