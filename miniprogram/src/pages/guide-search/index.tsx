import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { EmptyState } from '@/components/empty-state';
import { GuideCard } from '@/components/guide/guide-card';
import { ListFooter } from '@/components/list-footer';
import { PageShell } from '@/components/page-shell';
import { SearchField } from '@/components/search-field';
import { Button } from '@/components/ui';
import { searchSuggestions, useGuideSearch } from '@/hooks/use-guide-search';
import { usePageParam } from '@/hooks/use-page-param';
import { openGuide } from '@/navigation/guide-routes';
import { leavePage, openTab, routes } from '@/navigation/routes';
import './index.scss';

export default function GuideSearchPage() {
  const search = useGuideSearch(usePageParam('q'));
  const { results } = search;
  useReachBottom(results.loadMore);

  return (
    <PageShell id="page-guide-search" className="guide-search">
      <View className="guide-search__bar" id="guide-search-bar">
        <SearchField
          id="guide-search-field"
          isFocused
          placeholder="事项名称、关键词、拼音或首字母"
          value={search.query}
          onChange={search.setQuery}
          onSearch={search.submit}
          right={
            <Text className="guide-search__cancel" id="guide-search-cancel" onClick={() => leavePage(routes.services)}>
              取消
            </Text>
          }
        />
      </View>

      {search.searchedQuery === '' ? (
        <View className="gp-card guide-search__tips" id="guide-search-tips">
          <Text className="guide-search__tips-title">热门搜索</Text>
          <View className="guide-search__suggestions">
            {searchSuggestions.map((suggestion) => (
              <Text key={suggestion} className="guide-search__suggestion" onClick={() => search.setQuery(suggestion)}>
                {suggestion}
              </Text>
            ))}
          </View>
          <Text className="gp-muted guide-search__hint">支持汉字、全拼和拼音首字母，例如输入“hz”可找到“护照”相关事项。</Text>
        </View>
      ) : results.status === 'error' ? (
        <EmptyState id="guide-search-error" title="搜索失败" description={results.errorMessage ?? undefined} action={<Button onClick={results.reload}>重试</Button>} />
      ) : results.status === 'ready' && results.items.length === 0 ? (
        <EmptyState
          id="guide-search-empty"
          title="未找到相关事项"
          description={`没有与“${search.searchedQuery}”相关的事项，换个关键词试试，或按部门、主题查找。`}
          action={
            <Button type="primary" fill="outline" onClick={() => openTab(routes.services)}>
              按分类查找
            </Button>
          }
        />
      ) : results.status === 'ready' ? (
        <>
          <Text className="guide-search__count" id="guide-search-count">
            找到 {results.total} 个相关事项
          </Text>
          <View className="gp-card guide-search__results" id="guide-search-results">
            {results.items.map((hit) => (
              <GuideCard key={hit.code} guide={hit} highlight={hit.highlight} onTap={() => openGuide(hit.code)} />
            ))}
          </View>
          <ListFooter list={results} id="guide-search-footer" />
        </>
      ) : (
        <Text className="gp-muted guide-search__loading">正在搜索…</Text>
      )}
    </PageShell>
  );
}
