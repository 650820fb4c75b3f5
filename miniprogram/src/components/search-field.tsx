import type { ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './search-field.scss';

type SearchFieldProps = {
  id: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
  /** The keyboard's 搜索 key. */
  onSearch?: (value: string) => void;
  isFocused?: boolean;
  maxLength?: number;
  /** Beside the field, e.g. a 搜索 or 取消 button. */
  right?: ReactNode;
  /** Light field on a white bar, or white field on the blue banner. */
  tone?: 'light' | 'banner';
};

/**
 * A search field on Taro's own Input. (NutUI's SearchBar re-focuses its input whenever it is
 * emptied, which throws in the H5 build.)
 */
export function SearchField({ id, value, placeholder, onChange, onSearch, isFocused = false, maxLength = 64, right, tone = 'light' }: SearchFieldProps) {
  return (
    <View className={`gp-search gp-search--${tone}`} id={id}>
      <View className="gp-search__box">
        <View className="gp-search__icon" />
        <Input
          className="gp-search__input"
          type="text"
          confirmType="search"
          value={value}
          focus={isFocused}
          maxlength={maxLength}
          placeholder={placeholder}
          placeholderClass="gp-search__placeholder"
          onInput={(event) => onChange(event.detail.value)}
          onConfirm={(event) => onSearch?.(event.detail.value)}
        />
        {value ? (
          <Text className="gp-search__clear" id={`${id}-clear`} onClick={() => onChange('')}>
            ×
          </Text>
        ) : null}
      </View>
      {right}
    </View>
  );
}

/** Looks like the search field and opens the search page when tapped (the 办事 tab's header). */
export function SearchEntry({ id, placeholder, onOpen }: { id: string; placeholder: string; onOpen: () => void }) {
  return (
    <View className="gp-search gp-search--light" id={id} onClick={onOpen}>
      <View className="gp-search__box">
        <View className="gp-search__icon" />
        <Text className="gp-search__input gp-search__placeholder">{placeholder}</Text>
      </View>
    </View>
  );
}
