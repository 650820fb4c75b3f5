import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { RoleGate } from '@/components/role-gate';
import { Button } from '@/components/ui';
import { useGuideImport } from '@/hooks/use-guide-import';
import { useRoleGate } from '@/hooks/use-role-gate';
import type { GuideImportOutcome } from '@/services/guide-admin-service';
import { guideEditorRoles } from '../guide-admin-routes';
import { FilePicker } from './file-picker';
import '../guide-admin.scss';

const outcomeLabels = { CREATED: '新增', UPDATED: '更新', UNCHANGED: '无变化' } as const;

export default function AdminGuideImportPage() {
  return (
    <PageShell id="page-admin-guide-import" className="guide-admin">
      <RoleGate allowed={guideEditorRoles} areaName="办事指南管理">
        {() => <ImportBody />}
      </RoleGate>
    </PageShell>
  );
}

function ImportBody() {
  const flow = useGuideImport();
  // The catalogue export is for admins only; the template is for every editor.
  const isAdmin = useRoleGate(['ADMIN']).access === 'allowed';
  const canConfirm = flow.check?.isAccepted === true && flow.imported === null;
  return (
    <View>
      <View className="gp-card" id="guide-import-downloads">
        <Text className="guide-admin__title">模板与导出</Text>
        <View className="guide-admin__buttons">
          <Button size="small" fill="outline" id="guide-import-template-xlsx" onClick={() => void flow.download('template', 'xlsx')}>
            下载模板（XLSX）
          </Button>
          <Button size="small" fill="outline" id="guide-import-template-csv" onClick={() => void flow.download('template', 'csv')}>
            下载模板（CSV）
          </Button>
          {isAdmin ? (
            <>
              <Button size="small" fill="outline" id="guide-export-xlsx" onClick={() => void flow.download('export', 'xlsx')}>
                导出全部（XLSX）
              </Button>
              <Button size="small" fill="outline" id="guide-export-csv" onClick={() => void flow.download('export', 'csv')}>
                导出全部（CSV）
              </Button>
            </>
          ) : null}
        </View>
      </View>
      <View className="gp-card" id="guide-import-upload">
        <Text className="guide-admin__title">选择文件</Text>
        <FilePicker onPick={flow.pick} />
        {flow.file ? <Text className="gp-muted">已选择：{flow.file.name}</Text> : null}
        <View className="guide-admin__buttons">
          <Button type="primary" id="guide-import-check" disabled={!flow.file} loading={flow.isBusy && flow.check === null} onClick={() => void flow.runCheck()}>
            校验
          </Button>
          <Button type="primary" id="guide-import-confirm" disabled={!canConfirm} loading={flow.isBusy && canConfirm} onClick={() => void flow.confirm()}>
            确认导入
          </Button>
        </View>
        {flow.error ? (
          <Text className="gp-error" id="guide-import-error">
            {flow.error}
          </Text>
        ) : null}
      </View>
      {flow.check ? <Outcome id="guide-import-check-result" title="校验结果（未写入）" outcome={flow.check} /> : null}
      {flow.imported ? <Outcome id="guide-import-result" title="导入结果" outcome={flow.imported} /> : null}
      {!flow.file ? <EmptyState id="guide-import-hint" title="请先选择 CSV 或 XLSX 文件" description="格式见导入模板；先校验，无错误后再确认导入。" /> : null}
    </View>
  );
}

function Outcome({ id, title, outcome }: { id: string; title: string; outcome: GuideImportOutcome }) {
  if (!outcome.isAccepted) {
    return (
      <View className="gp-card" id={id}>
        <Text className="guide-admin__title">{title}</Text>
        <Text className="gp-error">{outcome.message}</Text>
        {outcome.rows.map((row) => (
          <View key={row.line} className="guide-admin__entry" id={`${id}-line-${row.line}`}>
            <Text className="gp-error">
              第{row.line}行{row.code ? `（${row.code}）` : ''}：{row.errors.join('；')}
            </Text>
          </View>
        ))}
      </View>
    );
  }
  const { result } = outcome;
  return (
    <View className="gp-card" id={id}>
      <Text className="guide-admin__title">{title}</Text>
      <Text className="gp-muted">
        新增 {result.created} 项 · 更新 {result.updated} 项 · 无变化 {result.unchanged} 项
      </Text>
      {result.rows.map((row) => (
        <Text key={row.line} className="gp-muted" style={{ display: 'block' }}>
          第{row.line}行 {row.name}：{outcomeLabels[row.outcome]}（第{row.version}版）
        </Text>
      ))}
    </View>
  );
}
