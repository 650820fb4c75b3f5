import { MyGuideList } from '@/components/guide/my-guide-list';
import { PageShell } from '@/components/page-shell';

export default function GuideRecentPage() {
  return (
    <PageShell id="page-guide-recent">
      <MyGuideList list="recent" />
    </PageShell>
  );
}
