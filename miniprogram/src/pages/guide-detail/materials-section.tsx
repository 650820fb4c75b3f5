import { Text, View } from '@tarojs/components';
import { materialFormLabels, materialSourceLabels, type GuideDetail } from '@govpocket/shared';
import { DocumentLink } from '@/components/document-link';
import { SectionCard } from '@/components/section-card';

type Material = GuideDetail['materials'][number];

/** 申请材料: each with its form, copies, whether it is always needed or only in a stated case. */
export function MaterialsSection({ materials }: { materials: readonly Material[] }) {
  const requiredCount = materials.filter((material) => material.isRequired).length;
  return (
    <SectionCard id="guide-materials" title="申请材料" extra={<Text>必需 {requiredCount} 项 · 共 {materials.length} 项</Text>}>
      {materials.length === 0 ? <Text className="gp-muted">无需提交材料</Text> : null}
      {materials.map((material, index) => (
        <MaterialRow key={material.id} material={material} index={index} />
      ))}
    </SectionCard>
  );
}

function MaterialRow({ material, index }: { material: Material; index: number }) {
  return (
    <View className="guide-material" id={`guide-material-${index}`}>
      <View className="guide-material__head">
        <Text className="guide-material__index">{index + 1}</Text>
        <Text className="guide-material__name">{material.name}</Text>
        <Text className={`gp-tag ${material.isRequired ? 'gp-tag--red' : 'gp-tag--gray'}`}>{material.isRequired ? '必需' : '按情形'}</Text>
      </View>
      <View className="guide-material__body">
        <Text className="guide-material__line">
          {materialFormLabels[material.form]} · {material.copies}份 · {materialSourceLabels[material.source]}
        </Text>
        {material.condition ? <Text className="guide-material__line guide-material__condition">适用情形：{material.condition}</Text> : null}
        {material.note ? <Text className="guide-material__line">备注：{material.note}</Text> : null}
        {material.isElectronicAccepted || material.blankFormUrl || material.sampleUrl ? (
          <View className="guide-material__extras">
            {material.isElectronicAccepted ? <Text className="gp-tag gp-tag--green">可用电子证照</Text> : null}
            {material.blankFormUrl ? <DocumentLink url={material.blankFormUrl} label="空白表格" /> : null}
            {material.sampleUrl ? <DocumentLink url={material.sampleUrl} label="示例样表" /> : null}
          </View>
        ) : null}
      </View>
    </View>
  );
}
