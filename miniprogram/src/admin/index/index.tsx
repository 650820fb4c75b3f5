import { Text, View } from '@tarojs/components';
import { MenuList } from '@/components/menu-list';
import { RoleGate } from '@/components/role-gate';
import { announceComingSoon, openPage } from '@/navigation/routes';
import { adminRoles } from '@/session/roles';
import { adminAreas, type AdminArea } from '../admin-areas';
import { openGuideAdminPage } from '../guide-admin-routes';
import './index.scss';

const areaItems = adminAreas.map((area) => ({ ...area, onTap: () => openArea(area) }));

function openArea(area: AdminArea): void {
  if (area.page) openGuideAdminPage(area.page);
  else if (area.route) openPage(area.route);
  else announceComingSoon(area.title);
}

export default function AdminHomePage() {
  return (
    <View className="gp-page admin-home" id="page-admin-home">
      <RoleGate allowed={adminRoles} areaName="管理后台">
        {({ user }) => (
          <>
            <View className="admin-home__header" id="admin-identity">
              <Text className="admin-home__name">{user.nickname ?? '管理员'}</Text>
              <Text className="admin-home__role">系统管理员 · 全市范围</Text>
            </View>
            <MenuList id="admin-areas" items={areaItems} />
          </>
        )}
      </RoleGate>
    </View>
  );
}
