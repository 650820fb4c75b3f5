import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { EmptyState } from '@/components/empty-state';
import { GuideCard } from '@/components/guide/guide-card';
import { ListFooter } from '@/components/list-footer';
import { OptionChips } from '@/components/option-chips';
import { PageShell } from '@/components/page-shell';
import { SearchEntry } from '@/components/search-field';
import { TabStrip } from '@/components/tab-strip';
import { Button } from '@/components/ui';
import { browseModes, useGuideBrowser, type GuideBrowser } from '@/hooks/use-guide-browser';
import { openGuide, openGuideSearch } from '@/navigation/guide-routes';
import './index.scss';

export default function ServicesPage() {
  const browser = useGuideBrowser();
  useReachBottom(browser.guides.loadMore);

  return (
    <PageShell id="page-services" className="services">
      <View className="services__search">
        <SearchEntry id="services-search" placeholder="搜索事项名称、关键词或拼音首字母" onOpen={() => openGuideSearch()} />
      </View>

      <TabStrip id="services-tabs" tabs={browseModes} value={browser.mode} onChange={browser.setMode} />
      <BrowsePane browser={browser} />
    </PageShell>
  );
}

function BrowsePane({ browser }: { browser: GuideBrowser }) {
  const { catalog, guides } = browser;
  if (catalog.status === 'error') {
    return (
      <EmptyState
        id="services-error"
        title="加载失败"
        description={catalog.message}
        action={
          <Button type="primary" fill="outline" onClick={browser.reloadCatalog}>
            重新加载
          </Button>
        }
      />
    );
  }
  if (catalog.status !== 'ready') return <EmptyState id="services-loading" title="正在加载" description="正在获取办事指南目录…" />;

  const selectedOption = browser.options.find((option) => option.value === browser.selected);
  return (
    <>
      <OptionChips
        id={`services-${browser.mode}-options`}
        options={browser.options.map((option) => ({ value: option.value, label: option.label, count: option.itemCount }))}
        selected={browser.selected}
        onSelect={browser.select}
      />
      <View className="gp-card services__list" id="services-list">
        <View className="services__list-header">
          <Text className="services__list-title">{selectedOption?.label ?? '全部事项'}</Text>
          <Text className="gp-muted">共 {guides.status === 'ready' ? guides.total : (selectedOption?.itemCount ?? 0)} 项</Text>
        </View>
        <GuideList browser={browser} />
      </View>
      <ListFooter list={guides} id="services-list-footer" />
    </>
  );
}

function GuideList({ browser: { guides } }: { browser: GuideBrowser }) {
  if (guides.status === 'error') {
    return (
      <EmptyState
        id="services-list-error"
        title="加载失败"
        description={guides.errorMessage ?? undefined}
        action={
          <Button type="primary" fill="outline" onClick={guides.reload}>
            重新加载
          </Button>
        }
      />
    );
  }
  if (guides.status !== 'ready') return <Text className="gp-muted services__loading">正在加载…</Text>;
  if (guides.items.length === 0) return <EmptyState id="services-empty" title="暂无事项" description="该分类下暂无可办理的事项" />;
  return (
    <>
      {guides.items.map((guide) => (
        <GuideCard key={guide.code} guide={guide} onTap={() => openGuide(guide.code)} />
      ))}
    </>
  );
}
