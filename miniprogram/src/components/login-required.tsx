import { Text } from '@tarojs/components';
import { useSession } from '@/hooks/use-session';
import { openPage, routes } from '@/navigation/routes';
import { isBrowserDemo } from '@/services/env';
import { EmptyState } from './empty-state';
import { Button } from './ui';

type LoginRequiredProps = { id?: string; description: string };

/** In place of a resident's own data while signed out: why to log in, and the way to do it. */
export function LoginRequired({ id = 'login-required', description }: LoginRequiredProps) {
  const { signInWithWechat, isSigningIn, errorMessage } = useSession();
  return (
    <EmptyState
      id={id}
      title="请先登录"
      description={description}
      action={
        <>
          {isBrowserDemo ? (
            <Button id="login-required-button" type="primary" onClick={() => openPage(routes.login)}>
              选择演示身份登录
            </Button>
          ) : (
            <Button id="login-required-button" type="primary" loading={isSigningIn} onClick={() => void signInWithWechat()}>
              微信登录
            </Button>
          )}
          {errorMessage ? <Text className="gp-error">{errorMessage}</Text> : null}
        </>
      }
    />
  );
}
