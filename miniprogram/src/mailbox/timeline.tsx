import { Text, View } from '@tarojs/components';
import type { LetterTimelineEntry } from '@govpocket/shared';
import { formatDateTime } from '@/format/date-time';

/** The public steps of a letter, oldest first. */
export function LetterTimeline({ entries }: { entries: LetterTimelineEntry[] }) {
  return (
    <View className="gp-card" id="letter-timeline">
      <Text className="mailbox__title">办理进度</Text>
      {entries.map((entry, index) => (
        <View key={`${entry.action}-${index}`} className="mailbox__timeline-item">
          <Text>{entry.label}</Text>
          {entry.reason ? <Text className="gp-muted">{entry.reason}</Text> : null}
          <Text className="gp-muted">{formatDateTime(entry.at)}</Text>
        </View>
      ))}
    </View>
  );
}
