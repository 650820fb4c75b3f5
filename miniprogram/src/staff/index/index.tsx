import { Text, View } from '@tarojs/components';
import { MenuList } from '@/components/menu-list';
import { RoleGate } from '@/components/role-gate';
import { announceComingSoon, openPage } from '@/navigation/routes';
import { describeGrant, roleLabels, staffRoles } from '@/session/roles';
import { isWorkbenchRole, workbenchEntries, type WorkbenchEntry } from '../workbench-entries';
import './index.scss';

export default function StaffHomePage() {
  return (
    <View className="gp-page staff-home" id="page-staff-home">
      <RoleGate allowed={staffRoles} areaName="员工工作台" canBindStaffAccount>
        {({ user, grants }) => (
          <>
            <View className="staff-home__header" id="staff-identity">
              <Text className="staff-home__name">{user.nickname ?? '工作人员'}</Text>
              {grants.map((grant) => (
                <Text key={describeGrant(grant)} className="staff-home__scope">
                  {describeGrant(grant)}
                </Text>
              ))}
            </View>
            {grants.map((grant) =>
              isWorkbenchRole(grant.role) ? (
                <View key={describeGrant(grant)} className="staff-home__group">
                  <Text className="staff-home__group-title">{roleLabels[grant.role]}</Text>
                  <MenuList
                    id={`staff-entries-${grant.role.toLowerCase()}`}
                    items={workbenchEntries[grant.role].map((entry) => ({ ...entry, onTap: () => openEntry(entry) }))}
                  />
                </View>
              ) : null,
            )}
          </>
        )}
      </RoleGate>
    </View>
  );
}

function openEntry(entry: WorkbenchEntry): void {
  if (entry.route) openPage(entry.route, entry.params);
  else announceComingSoon(entry.title);
}
