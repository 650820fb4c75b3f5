import { Text, View } from '@tarojs/components';
import './entry-grid.scss';

export type EntryTone = 'blue' | 'green' | 'orange' | 'red' | 'purple' | 'cyan';

export type Entry = {
  /** Stable key, also used for the element id (`entry-<key>`) that tests select. */
  key: string;
  label: string;
  /** One character drawn in the coloured badge, in the style of government-service portals. */
  glyph: string;
  tone: EntryTone;
  onTap: () => void;
};

type EntryGridProps = {
  entries: readonly Entry[];
  columns?: 3 | 4;
};

export function EntryGrid({ entries, columns = 3 }: EntryGridProps) {
  return (
    <View className={`gp-entry-grid gp-entry-grid--${columns}`}>
      {entries.map((entry) => (
        <View key={entry.key} id={`entry-${entry.key}`} className="gp-entry-grid__item" onClick={entry.onTap}>
          <View className={`gp-entry-grid__badge gp-entry-grid__badge--${entry.tone}`}>
            <Text className="gp-entry-grid__glyph">{entry.glyph}</Text>
          </View>
          <Text className="gp-entry-grid__label">{entry.label}</Text>
        </View>
      ))}
    </View>
  );
}
