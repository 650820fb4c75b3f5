import { Text, View } from '@tarojs/components';
import { consultationStatusLabels, type Role } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { Button } from '@/components/ui';
import { useDepartmentChoice } from '@/hooks/use-department-choice';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import { useRemoteData } from '@/hooks/use-remote-data';
import { openPage, routes } from '@/navigation/routes';
import { fetchStaffConsultations } from '@/services/consultation-service';
import type { SessionGrant } from '@/session/roles';
import '@/styles/consultation.scss';

/** Admins and the department's editors: one department's consultations, drafts included. */
const consultationEditorRoles: readonly Role[] = ['DEPARTMENT_HANDLER', 'ADMIN'];

export default function StaffConsultationsPage() {
  return (
    <PageShell id="page-staff-consultations" className="consult">
      <RoleGate allowed={consultationEditorRoles} areaName="意见征集管理" canBindStaffAccount>
        {({ grants }) => <ListBody grants={grants} />}
      </RoleGate>
    </PageShell>
  );
}

function ListBody({ grants }: { grants: SessionGrant[] }) {
  const departments = useDepartmentChoice(grants);
  const departmentId = departments.selectedId;
  const list = useRemoteData(departmentId ? `staff-consultations:${departmentId}` : null, () => fetchStaffConsultations(departmentId ?? ''));
  useReloadOnReturn(list.reload);
  const state = list.state;
  return (
    <View>
      {departments.options.length > 1 ? (
        <OptionChips
          id="staff-consultation-departments"
          options={departments.options.map(({ id, name }) => ({ value: id, label: name }))}
          selected={departmentId}
          onSelect={departments.select}
        />
      ) : null}
      <View className="consult__actions">
        <Button id="staff-consultation-new" type="primary" disabled={!departmentId} onClick={() => departmentId && openPage(routes.staffConsultationEdit, { departmentId })}>
          新建意见征集
        </Button>
      </View>
      {state.status === 'error' ? (
        <EmptyState id="staff-consultations-error" title="加载失败" description={state.message} />
      ) : state.status !== 'ready' ? (
        <EmptyState id="staff-consultations-loading" title="正在加载" />
      ) : state.data.items.length === 0 ? (
        <EmptyState id="staff-consultations-empty" title="本部门暂无意见征集" />
      ) : (
        <View id="staff-consultations-list">
          {state.data.items.map((item, index) => (
            <View
              key={item.id}
              className="consult__card"
              id={`staff-consultation-${index}`}
              onClick={() => departmentId && openPage(item.status === 'DRAFT' ? routes.staffConsultationEdit : routes.staffConsultationAnswer, { departmentId, id: item.id })}
            >
              <Text className="consult__card-title">{item.title}</Text>
              <Text className="consult__meta">
                {item.startDate} 至 {item.endDate}
              </Text>
              <Text className="consult__badge">{consultationStatusLabels[item.status]}</Text>
              <Text className="consult__badge consult__badge--muted">{item.opinionCount}条意见</Text>
              {item.unansweredCount > 0 && item.status !== 'OPEN' ? <Text className="consult__badge">{item.unansweredCount}条待答复</Text> : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
