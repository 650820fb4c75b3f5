import { MyGuideList } from '@/components/guide/my-guide-list';
import { PageShell } from '@/components/page-shell';

export default function GuideFavouritesPage() {
  return (
    <PageShell id="page-guide-favourites">
      <MyGuideList list="favourites" />
    </PageShell>
  );
}
