import { Text, View } from '@tarojs/components';
import type { HomeScreen } from '@govpocket/shared';
import './life-event-grid.scss';

type LifeEvent = HomeScreen['lifeEvents'][number];

type LifeEventGridProps = {
  lifeEvents: readonly LifeEvent[];
  onOpen: (name: string) => void;
};

/** The badge character of each 一件事; a new life event shows its first character. */
const glyphs: Record<string, string> = { 新生儿出生: '婴', 开办企业: '企', 退休: '退', 二手房交易: '房', 结婚: '婚' };
const tones = ['orange', 'blue', 'green', 'purple', 'red', 'cyan'] as const;

/** 一件事: the guides one life event needs, bundled, as a row of tiles. */
export function LifeEventGrid({ lifeEvents, onOpen }: LifeEventGridProps) {
  return (
    <View className="gp-life-events">
      {lifeEvents.map((event, index) => (
        <View key={event.name} className="gp-life-events__item" id={`life-event-${index}`} onClick={() => onOpen(event.name)}>
          <View className={`gp-life-events__badge gp-life-events__badge--${tones[index % tones.length] ?? 'blue'}`}>
            <Text className="gp-life-events__glyph">{glyphs[event.name] ?? event.name.slice(0, 1)}</Text>
          </View>
          <Text className="gp-life-events__name">{event.name}</Text>
          <Text className="gp-life-events__count">{event.itemCount}项</Text>
        </View>
      ))}
    </View>
  );
}
