import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { serviceItemStatusLabels, type ServiceItemStatus } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { ListFooter } from '@/components/list-footer';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { Button } from '@/components/ui';
import { formatDateTime } from '@/format/date-time';
import { useAdminGuides, type AdminGuideBoard } from '@/hooks/use-admin-guides';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import type { AdminGuideRow } from '@/services/guide-admin-service';
import { guideAdminPages, guideEditorRoles, openGuideAdminPage } from '../guide-admin-routes';
import '../guide-admin.scss';

const statusOptions = [
  { value: 'ALL', label: '全部' },
  { value: 'PUBLISHED', label: serviceItemStatusLabels.PUBLISHED },
  { value: 'UNPUBLISHED', label: serviceItemStatusLabels.UNPUBLISHED },
];

export default function AdminGuidesPage() {
  return (
    <PageShell id="page-admin-guides" className="guide-admin">
      <RoleGate allowed={guideEditorRoles} areaName="办事指南管理">
        {() => <GuideBoard />}
      </RoleGate>
    </PageShell>
  );
}

function toStatus(value: string): ServiceItemStatus | null {
  return value === 'PUBLISHED' || value === 'UNPUBLISHED' ? value : null;
}

function GuideBoard() {
  const board = useAdminGuides();
  const { filters, setFilters, list } = board;
  useReachBottom(list.loadMore);
  useReloadOnReturn(list.reload);
  const departmentOptions = [{ value: 'ALL', label: '全部部门' }, ...(board.departments.status === 'ready' ? board.departments.data.map(({ id, name }) => ({ value: id, label: name })) : [])];
  return (
    <View>
      <View className="guide-admin__toolbar">
        <Button type="primary" id="admin-guides-import" onClick={() => openGuideAdminPage(guideAdminPages.import)}>
          批量导入
        </Button>
      </View>
      <OptionChips id="admin-guides-status" options={statusOptions} selected={filters.status ?? 'ALL'} onSelect={(value) => setFilters({ ...filters, status: toStatus(value) })} />
      <OptionChips
        id="admin-guides-departments"
        options={departmentOptions}
        selected={filters.departmentId ?? 'ALL'}
        onSelect={(value) => setFilters({ ...filters, departmentId: value === 'ALL' ? null : value })}
      />
      {list.status === 'error' ? <EmptyState id="admin-guides-error" title="加载失败" description={list.errorMessage ?? ''} /> : null}
      {list.status === 'loading' ? <EmptyState id="admin-guides-loading" title="正在加载" /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState id="admin-guides-empty" title="没有符合条件的办事指南" /> : null}
      <View id="admin-guides-list">
        {list.items.map((row, index) => (
          <GuideRow key={row.code} row={row} index={index} board={board} />
        ))}
      </View>
      <ListFooter list={list} id="admin-guides-footer" />
    </View>
  );
}

function GuideRow({ row, index, board }: { row: AdminGuideRow; index: number; board: AdminGuideBoard }) {
  const isPublished = row.status === 'PUBLISHED';
  const error = board.errors[row.code];
  return (
    <View className="gp-card" id={`admin-guide-${index}`} data-code={row.code}>
      <View className="guide-admin__row">
        <Text className="guide-admin__title">{row.name}</Text>
        <Text className={isPublished ? 'guide-admin__status--published' : 'guide-admin__status--unpublished'} id={`admin-guide-${index}-status`}>
          {serviceItemStatusLabels[row.status]}
        </Text>
      </View>
      <Text className="gp-muted">
        {row.code} · {row.departmentName} · 第{row.version}版
      </Text>
      <View className="guide-admin__buttons">
        <Button size="small" type="primary" id={`admin-guide-${index}-edit`} onClick={() => openGuideAdminPage(guideAdminPages.edit, { code: row.code })}>
          编辑
        </Button>
        <Button size="small" fill="outline" id={`admin-guide-${index}-toggle`} loading={board.busyCode === row.code} onClick={() => void board.togglePublished(row)}>
          {isPublished ? '下架' : '发布'}
        </Button>
        <Button size="small" fill="none" id={`admin-guide-${index}-history`} onClick={() => board.toggleHistory(row.code)}>
          {board.historyCode === row.code ? '收起版本' : '版本记录'}
        </Button>
      </View>
      {error ? <Text className="gp-error">{error}</Text> : null}
      {board.historyCode === row.code ? <VersionHistory board={board} /> : null}
    </View>
  );
}

function VersionHistory({ board }: { board: AdminGuideBoard }) {
  const { history } = board;
  if (history.status === 'error') return <Text className="gp-error">{history.message}</Text>;
  if (history.status !== 'ready') return <Text className="gp-muted">正在加载版本记录…</Text>;
  return (
    <View className="guide-admin__versions" id="admin-guide-versions">
      {history.data.versions.map((version) => (
        <Text key={version.version} className="gp-muted" style={{ display: 'block' }}>
          第{version.version}版 · {formatDateTime(version.createdAt)}
          {version.changeNote ? ` · ${version.changeNote}` : ''}
        </Text>
      ))}
    </View>
  );
}
