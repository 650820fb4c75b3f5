import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/empty-state';
import { EntryGrid, type Entry } from '@/components/entry-grid';
import { GuideCard } from '@/components/guide/guide-card';
import { LifeEventGrid } from '@/components/guide/life-event-grid';
import { PageShell } from '@/components/page-shell';
import { SearchField } from '@/components/search-field';
import { SectionCard } from '@/components/section-card';
import { useHomeScreen, type PersonalPanel } from '@/hooks/use-home-screen';
import { openGuide, openGuideSearch, openLifeEvent } from '@/navigation/guide-routes';
import { openPage, openTab, routes } from '@/navigation/routes';
import './index.scss';

const entries: readonly Entry[] = [
  { key: 'guides', label: '办事指南', glyph: '指', tone: 'blue', onTap: () => openTab(routes.services) },
  // 预约办理 starts from a guide (the item decides the halls): the 办事 tab lists them.
  { key: 'booking', label: '预约办理', glyph: '约', tone: 'green', onTap: () => openTab(routes.services) },
  { key: 'mailbox', label: '领导信箱', glyph: '信', tone: 'red', onTap: () => openTab(routes.interact) },
  { key: 'consultation', label: '意见征集', glyph: '议', tone: 'orange', onTap: () => openTab(routes.interact) },
  { key: 'my-bookings', label: '我的预约', glyph: '程', tone: 'cyan', onTap: () => openPage(routes.appointments) },
  { key: 'messages', label: '消息', glyph: '讯', tone: 'purple', onTap: () => openPage(routes.messages) },
];

export default function HomePage() {
  const { guides, nextAppointment, unreadMessages, reload } = useHomeScreen();
  const [query, setQuery] = useState('');

  return (
    <PageShell id="page-home" className="home">
      <View className="home__banner">
        <Text className="home__city">清江市政务服务</Text>
        <Text className="home__slogan">网上办 · 掌上办 · 最多跑一次</Text>
        <View className="home__search">
          <SearchField
            id="home-search"
            tone="banner"
            placeholder="搜索事项，如：护照、社保卡、hz"
            value={query}
            onChange={setQuery}
            onSearch={openGuideSearch}
            right={
              <Text className="home__search-button" id="home-search-submit" onClick={() => openGuideSearch(query)}>
                搜索
              </Text>
            }
          />
        </View>
      </View>

      <View className="gp-card home__entries" id="home-entries">
        <EntryGrid entries={entries} />
      </View>

      <View className="home__personal">
        <PersonalCard id="home-next-appointment" title="我的下一个预约" panel={nextAppointment} />
        <PersonalCard id="home-unread-messages" title="未读消息" panel={unreadMessages} onOpen={() => openPage(routes.messages)} />
      </View>

      {guides.status === 'ready' && guides.data.lifeEvents.length > 0 ? (
        <SectionCard id="home-life-events" title="一件事一次办">
          <LifeEventGrid lifeEvents={guides.data.lifeEvents} onOpen={openLifeEvent} />
        </SectionCard>
      ) : null}

      <SectionCard id="home-hot-items" title="热门事项" extra={<Text onClick={() => openTab(routes.services)}>全部事项</Text>}>
        {guides.status === 'ready' ? (
          guides.data.hotGuides.map((guide) => <GuideCard key={guide.code} guide={guide} onTap={() => openGuide(guide.code)} />)
        ) : guides.status === 'error' ? (
          <EmptyState
            id="home-hot-error"
            title="热门事项加载失败"
            description={guides.message}
            action={
              <Text className="home__retry" onClick={reload}>
                重新加载
              </Text>
            }
          />
        ) : (
          <Text className="gp-muted home__loading">正在加载…</Text>
        )}
      </SectionCard>

      <Text className="home__footer">清江市人民政府办公室 主办</Text>
    </PageShell>
  );
}

/** Signed out, a tap leads to 我的 to log in; signed in, to the panel's own page when it has one. */
function PersonalCard({ id, title, panel, onOpen }: { id: string; title: string; panel: PersonalPanel; onOpen?: () => void }) {
  const isSignedOut = panel.state === 'signed-out';
  return (
    <View className="home__personal-card" id={id} onClick={isSignedOut ? () => openTab(routes.mine) : onOpen}>
      <Text className="home__personal-title">{title}</Text>
      <PanelSummary panel={panel} />
    </View>
  );
}

function PanelSummary({ panel }: { panel: PersonalPanel }) {
  switch (panel.state) {
    case 'signed-out':
      return <Text className="home__personal-summary home__personal-summary--link">登录后查看</Text>;
    case 'loading':
      return <Text className="home__personal-summary">正在加载…</Text>;
    case 'unavailable':
      return <Text className="home__personal-summary">暂时无法获取</Text>;
    case 'ready':
      return (
        <>
          <Text className={`home__personal-summary${panel.isHighlighted ? ' home__personal-summary--strong' : ''}`}>{panel.summary}</Text>
          {panel.detail ? <Text className="home__personal-detail">{panel.detail}</Text> : null}
        </>
      );
  }
}
