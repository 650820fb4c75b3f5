import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { Button } from '@/components/ui';
import { features } from '@/features';
import { useGuideDetail } from '@/hooks/use-guide-detail';
import { usePageParam } from '@/hooks/use-page-param';
import { openBooking, openChecklist, openErrorReport } from '@/navigation/guide-routes';
import { ActionBar } from './action-bar';
import { GuideHeader } from './guide-header';
import { BasisSection, ConditionsSection, ContactSection, FaqSection, FeeSection, HallsSection, HandlingSection, RevisionFooter } from './guide-sections';
import { MaterialsSection } from './materials-section';
import { ProcedureSection } from './procedure-section';
import '@/components/guide/guide-tags.scss';
import './index.scss';

export default function GuideDetailPage() {
  const code = usePageParam('code');
  const { detail, reload, isFavourite, isSavingFavourite, toggleFavourite } = useGuideDetail(code);

  if (!code) {
    return (
      <PageShell id="page-guide-detail">
        <EmptyState id="guide-detail-missing" title="未指定事项" description="请从办事指南列表或搜索结果进入" />
      </PageShell>
    );
  }
  if (detail.status === 'error') {
    return (
      <PageShell id="page-guide-detail">
        <EmptyState id="guide-detail-error" title="加载失败" description={detail.message} action={<Button onClick={reload}>重新加载</Button>} />
      </PageShell>
    );
  }
  if (detail.status !== 'ready') {
    return (
      <PageShell id="page-guide-detail">
        <EmptyState id="guide-detail-loading" title="正在加载" description="正在获取办事指南…" />
      </PageShell>
    );
  }

  const guide = detail.data;
  return (
    <PageShell id="page-guide-detail" className="guide-detail">
      <GuideHeader guide={guide} />
      <BasisSection basis={guide.basis} />
      <ConditionsSection conditions={guide.conditions} />
      <MaterialsSection materials={guide.materials} />
      <ProcedureSection guide={guide} />
      <FeeSection fee={guide.fee} />
      <HandlingSection guide={guide} />
      <HallsSection halls={guide.halls} />
      <ContactSection consultPhone={guide.consultPhone} supervisePhone={guide.supervisePhone} />
      <FaqSection faq={guide.faq} />
      <RevisionFooter guide={guide} />
      <ActionBar
        isFavourite={isFavourite}
        isSavingFavourite={isSavingFavourite}
        onToggleFavourite={() => void toggleFavourite()}
        onOpenChecklist={() => openChecklist(guide.code, guide.name)}
        onReportError={() => openErrorReport(guide.code, guide.name)}
        // Hidden until the booking screens ship (features.ts), and for guides the halls do not book.
        onBook={features.isGuideBookingEnabled && guide.isAppointmentEnabled ? () => openBooking(guide.code) : undefined}
      />
    </PageShell>
  );
}
