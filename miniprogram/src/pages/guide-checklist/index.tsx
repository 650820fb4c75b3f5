import { Text, View } from '@tarojs/components';
import type { Checklist } from '@govpocket/shared';
import { EmptyState } from '@/components/empty-state';
import { LoginRequired } from '@/components/login-required';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { useChecklist, type ChecklistView } from '@/hooks/use-checklist';
import { usePageParam } from '@/hooks/use-page-param';
import '@/components/guide/guide-tags.scss';
import './index.scss';

export default function GuideChecklistPage() {
  const code = usePageParam('code');
  const name = usePageParam('name');
  const view = useChecklist(code);
  const { checklist } = view;

  return (
    <PageShell id="page-guide-checklist" className="guide-checklist">
      {name ? (
        <View className="guide-checklist__intro">
          <Text className="guide-checklist__name">{name}</Text>
          <Text className="guide-checklist__hint">对照清单逐项准备，勾选已备好的材料，下次打开仍会保留。</Text>
        </View>
      ) : null}

      {checklist.status === 'idle' ? (
        <LoginRequired id="guide-checklist-login" description="登录后可保存您的材料准备情况，换设备也能继续。" />
      ) : checklist.status === 'error' ? (
        <EmptyState id="guide-checklist-error" title="加载失败" description={checklist.message} action={<Button onClick={view.reload}>重新加载</Button>} />
      ) : checklist.status === 'loading' ? (
        <EmptyState id="guide-checklist-loading" title="正在加载" description="正在获取材料清单…" />
      ) : (
        <ChecklistBody checklist={checklist.data} view={view} />
      )}
    </PageShell>
  );
}

function ChecklistBody({ checklist, view }: { checklist: Checklist; view: ChecklistView }) {
  const checkedCount = checklist.materials.filter((material) => material.isChecked).length;
  return (
    <>
      <View className={`gp-card guide-checklist__status${checklist.isReady ? ' guide-checklist__status--ready' : ''}`} id="guide-checklist-status">
        <Text className="guide-checklist__status-title" id="guide-checklist-summary">
          {checklist.isReady ? '材料已备齐' : `还缺 ${checklist.missingRequired.length} 项必需材料`}
        </Text>
        <Text className="guide-checklist__status-detail">
          已勾选 {checkedCount}/{checklist.materials.length} 项
          {checklist.isReady ? '，按情形提交的材料请根据自身情况准备' : `：${checklist.missingRequired.join('、')}`}
        </Text>
      </View>

      <View className="gp-card guide-checklist__list" id="guide-checklist-materials">
        {checklist.materials.map((material, index) => (
          <View
            key={material.id}
            id={`checklist-material-${index}`}
            className={`guide-checklist__item${material.isChecked ? ' guide-checklist__item--checked' : ''}`}
            onClick={() => view.toggle(material.id)}
          >
            <View className="guide-checklist__box">{material.isChecked ? <Text className="guide-checklist__tick">✓</Text> : null}</View>
            <View className="guide-checklist__main">
              <View className="guide-checklist__line">
                <Text className="guide-checklist__material">{material.name}</Text>
                <Text className={`gp-tag ${material.isRequired ? 'gp-tag--red' : 'gp-tag--gray'}`}>{material.isRequired ? '必需' : '按情形'}</Text>
              </View>
              {material.condition ? <Text className="guide-checklist__condition">适用情形：{material.condition}</Text> : null}
            </View>
          </View>
        ))}
      </View>

      <Text className={`guide-checklist__save${view.saveError ? ' gp-error' : ''}`} id="guide-checklist-save-state">
        {view.saveError ?? (view.isSaving ? '正在保存…' : '勾选后自动保存')}
      </Text>
    </>
  );
}
