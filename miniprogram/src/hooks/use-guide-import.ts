import { useState } from 'react';
import { describeError } from '@/services/error-message';
import { downloadGuideFile, importGuides, type GuideFileKind, type GuideImportOutcome, type PickedGuideFile } from '@/services/guide-admin-service';

export type GuideImport = {
  file: PickedGuideFile | null;
  pick: (file: PickedGuideFile) => void;
  /** The dry run's answer, then the import's. */
  check: GuideImportOutcome | null;
  imported: GuideImportOutcome | null;
  isBusy: boolean;
  error: string | null;
  runCheck: () => Promise<void>;
  confirm: () => Promise<void>;
  download: (kind: GuideFileKind, format: 'xlsx' | 'csv') => Promise<void>;
};

/** 批量导入: pick a file, check it (nothing written), then import it. */
export function useGuideImport(): GuideImport {
  const [file, setFile] = useState<PickedGuideFile | null>(null);
  const [check, setCheck] = useState<GuideImportOutcome | null>(null);
  const [imported, setImported] = useState<GuideImportOutcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>): Promise<void> => {
    setIsBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return {
    file,
    pick: (picked) => {
      setFile(picked);
      setCheck(null);
      setImported(null);
    },
    check,
    imported,
    isBusy,
    error,
    runCheck: () => run(async () => {
      if (file) setCheck(await importGuides(file, true));
    }),
    confirm: () => run(async () => {
      if (file) setImported(await importGuides(file, false));
    }),
    download: (kind, format) => run(() => downloadGuideFile(kind, format)),
  };
}
