import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { ratingLevelLabels, ratingLevelSchema, ratingTagOptions, type AppointmentDetail, type RatingLevel } from '@govpocket/shared';
import { Button } from '@/components/ui';
import type { AppointmentView } from '@/hooks/use-appointment';

const levels: readonly RatingLevel[] = ratingLevelSchema.options;

/** 好差评 after completion (one per visit), then the rating and the hall's 回访 outcome. */
export function RatingSection({ appointment, view }: { appointment: AppointmentDetail; view: AppointmentView }) {
  if (appointment.rating) {
    const { rating } = appointment;
    return (
      <View className="gp-card" id="appointment-rating">
        <Text className="booking__option-title">我的评价：{rating.levelLabel}</Text>
        {rating.tags.length > 0 ? <Text className="gp-muted">{rating.tags.join('、')}</Text> : null}
        {rating.text ? <Text className="gp-muted">{rating.text}</Text> : null}
        {rating.followUp ? (
          <View id="appointment-follow-up">
            <Text className="booking__option-side">回访：{rating.followUp.statusLabel}</Text>
            {rating.followUp.result ? <Text className="gp-muted">{rating.followUp.result}</Text> : null}
          </View>
        ) : null}
      </View>
    );
  }
  return appointment.canRate ? <RatingForm view={view} /> : null;
}

function RatingForm({ view }: { view: AppointmentView }) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [text, setText] = useState('');
  const toggleTag = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((item) => item !== tag) : [...current, tag]));

  return (
    <View className="gp-card" id="appointment-rating-form">
      <Text className="booking__option-title">评价本次办理（好差评）</Text>
      <View className="booking__chips" id="rating-levels">
        {levels.map((option) => (
          <Text key={option} id={`rating-level-${option.toLowerCase()}`} className={`booking__chip${level === option ? ' booking__chip--selected' : ''}`} onClick={() => setLevel(option)}>
            {ratingLevelLabels[option]}
          </Text>
        ))}
      </View>
      <View className="booking__chips" id="rating-tags">
        {ratingTagOptions.map((tag) => (
          <Text key={tag} className={`booking__chip${tags.includes(tag) ? ' booking__chip--selected' : ''}`} onClick={() => toggleTag(tag)}>
            {tag}
          </Text>
        ))}
      </View>
      <Textarea id="rating-text" className="booking__textarea" value={text} maxlength={500} placeholder="说说您的办事感受（选填）" onInput={(event) => setText(event.detail.value)} />
      <Button
        id="rating-submit"
        type="primary"
        disabled={level === null}
        loading={view.isBusy}
        onClick={() => (level ? void view.rate({ level, tags, text: text.trim() || undefined }) : undefined)}
      >
        提交评价
      </Button>
    </View>
  );
}
