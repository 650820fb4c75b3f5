import type { PropsWithChildren, ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './section-card.scss';

type SectionCardProps = PropsWithChildren<{
  title: string;
  extra?: ReactNode;
  id?: string;
}>;

export function SectionCard({ title, extra, id, children }: SectionCardProps) {
  return (
    <View className="gp-section" id={id}>
      <View className="gp-section__header">
        <Text className="gp-section__title">{title}</Text>
        {extra ? <View className="gp-section__extra">{extra}</View> : null}
      </View>
      <View className="gp-section__body">{children}</View>
    </View>
  );
}
