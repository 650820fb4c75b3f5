import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AccountSettings } from '@/components/account-settings';
import { MenuList, type MenuItem } from '@/components/menu-list';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useMineOverview } from '@/hooks/use-mine-overview';
import { usePreferences } from '@/hooks/use-preferences';
import { useUnreadCount } from '@/hooks/use-unread-count';
import { openPage, routes } from '@/navigation/routes';
import { isBrowserDemo } from '@/services/env';
import './index.scss';

export default function MinePage() {
  const mine = useMineOverview();
  const { user, isSigningIn, errorMessage } = mine;
  const unreadCount = useUnreadCount();
  const { isElderMode } = usePreferences();
  const [isConfirmingSignOut, setIsConfirmingSignOut] = useState(false);

  const personalItems: MenuItem[] = [
    { key: 'my-bookings', title: '我的预约', onTap: () => openPage(routes.appointments) },
    { key: 'my-fees', title: '我的缴费', onTap: () => openPage(routes.myFees) },
    { key: 'my-letters', title: '我的留言', onTap: () => openPage(routes.myLetters) },
    { key: 'my-favourites', title: '我的收藏', onTap: () => openPage(routes.guideFavourites) },
    { key: 'recent-guides', title: '最近浏览', onTap: () => openPage(routes.guideRecent) },
    { key: 'messages', title: '消息中心', badge: unreadCount, onTap: () => openPage(routes.messages) },
  ].map((item) => (user ? item : { ...item, extra: '登录后查看' }));

  const workItems: MenuItem[] = [
    ...(mine.canOpenStaffWorkbench ? [{ key: 'staff-workbench', title: '员工工作台', onTap: () => openPage(routes.staffHome) }] : []),
    ...(mine.canOpenAdmin ? [{ key: 'admin', title: '管理后台', onTap: () => openPage(routes.adminHome) }] : []),
    ...(mine.canBindStaffAccount
      ? [{ key: 'staff-bind', title: '绑定员工账号', description: '工作人员凭管理员发放的绑定码开通工作台', onTap: () => openPage(routes.staffBind) }]
      : []),
  ];

  const aboutItems: MenuItem[] = [
    ...(user ? [{ key: 'my-data', title: '我的数据', description: '导出个人信息、注销账号', onTap: () => openPage(routes.myData) }] : []),
    { key: 'privacy', title: '隐私保护指引', onTap: () => openPage(routes.privacy) },
  ];

  // 长辈版 has no pop-ups: the confirmation appears in place, under the button.
  const confirmSignOut = async () => {
    if (isElderMode) {
      setIsConfirmingSignOut(true);
      return;
    }
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出当前账号吗？', confirmText: '退出' });
    if (confirm) await mine.signOut();
  };

  return (
    <PageShell id="page-mine" className="mine">
      <View className="mine__profile" id="mine-profile">
        <View className="mine__avatar">
          <Text>{user?.nickname ? user.nickname.slice(0, 1) : '民'}</Text>
        </View>
        {user ? (
          <View className="mine__identity" id="mine-signed-in">
            <Text className="mine__name">{user.nickname ?? '微信用户'}</Text>
            {mine.roleDescriptions.map((description) => (
              <Text key={description} className="mine__role">
                {description}
              </Text>
            ))}
          </View>
        ) : (
          <View className="mine__identity" id="mine-signed-out">
            <Text className="mine__name">未登录</Text>
            <Text className="mine__hint">登录后可预约办事、给领导写信、查看办理进度</Text>
          </View>
        )}
      </View>

      {user ? null : (
        <View className="mine__login">
          {isBrowserDemo ? (
            <Button id="mine-login" type="primary" block onClick={() => openPage(routes.login)}>
              选择演示身份登录
            </Button>
          ) : (
            <Button id="mine-login" type="primary" block loading={isSigningIn} onClick={() => void mine.signInWithWechat()}>
              微信登录
            </Button>
          )}
          {errorMessage ? (
            <Text className="gp-error mine__error" id="mine-login-error">
              {errorMessage}
            </Text>
          ) : null}
        </View>
      )}

      {user ? <AccountSettings /> : null}

      <MenuList id="mine-personal" items={personalItems} />
      {workItems.length > 0 ? <MenuList id="mine-work" items={workItems} /> : null}
      <MenuList id="mine-about" items={aboutItems} />

      {user ? (
        <View className="mine__logout">
          <Button id="mine-logout" block fill="outline" onClick={() => void confirmSignOut()}>
            退出登录
          </Button>
          {isConfirmingSignOut ? (
            <View className="mine__confirm" id="mine-logout-confirm">
              <Text className="mine__confirm-text">确定退出当前账号吗？</Text>
              <View className="gp-gate-actions">
                <Button fill="outline" onClick={() => setIsConfirmingSignOut(false)}>
                  取消
                </Button>
                <Button id="mine-logout-confirmed" type="primary" onClick={() => void mine.signOut().then(() => setIsConfirmingSignOut(false))}>
                  确认退出
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
