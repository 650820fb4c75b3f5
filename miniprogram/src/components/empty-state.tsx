import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './empty-state.scss';

type EmptyStateProps = {
  title: string;
  description?: string;
  action?: ReactNode;
  id?: string;
};

export function EmptyState({ title, description, action, id }: EmptyStateProps) {
  return (
    <View className="gp-empty" id={id}>
      <View className="gp-empty__mark" />
      <Text className="gp-empty__title">{title}</Text>
      {description ? <Text className="gp-empty__description">{description}</Text> : null}
      {action ? <View className="gp-empty__action">{action}</View> : null}
    </View>
  );
}
