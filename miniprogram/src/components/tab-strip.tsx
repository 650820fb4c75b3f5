import { Text, View } from '@tarojs/components';
import './tab-strip.scss';

type TabStripProps<T extends string> = {
  id: string;
  tabs: readonly { value: T; title: string }[];
  value: T;
  onChange: (value: T) => void;
};

/** A row of tab titles, the current one underlined; the page renders the content below it. */
export function TabStrip<T extends string>({ id, tabs, value, onChange }: TabStripProps<T>) {
  return (
    <View className="gp-tab-strip" id={id}>
      {tabs.map((tab) => (
        <View
          key={tab.value}
          id={`${id}-${tab.value}`}
          className={`gp-tab-strip__tab${tab.value === value ? ' gp-tab-strip__tab--active' : ''}`}
          onClick={() => onChange(tab.value)}
        >
          <Text className="gp-tab-strip__title">{tab.title}</Text>
        </View>
      ))}
    </View>
  );
}
