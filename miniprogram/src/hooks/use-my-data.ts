import { useCallback, useState } from 'react';
import { forgetDemoPersona } from '@/platform/demo-identity';
import { canShareFile, copyText, saveTextFile, shareFile, type SavedFile } from '@/platform/export-file';
import { describeError } from '@/services/error-message';
import { deleteMyAccount, exportMyData, type MyDataExport } from '@/services/profile-service';
import { profileStore } from '@/session/profile-store';
import { sessionStore } from '@/session/session-store';
import { showNotice } from '@/notice/notice';

export const deletionConfirmation = '注销账号';
export const exportFileName = 'govpocket-my-data.json';

/** What each list in the export is, for the summary shown after exporting. */
const sectionLabels: Record<string, string> = {
  privacyConsents: '隐私授权记录',
  favourites: '收藏的事项',
  recentViews: '浏览记录',
  appointments: '预约记录',
  letters: '信件',
  opinions: '提交的意见',
  notifications: '消息',
  feeOrders: '缴费订单',
};

export type ExportSummaryLine = { key: string; label: string; count: number };

export type ExportResult = {
  exportedAt: string;
  lines: ExportSummaryLine[];
  hasPhone: boolean;
  saved: SavedFile | null;
  /** Why the file could not be saved (the summary and copying still work). */
  saveError: string | null;
};

export type MyData = {
  isExporting: boolean;
  exportResult: ExportResult | null;
  exportError: string | null;
  exportData: () => Promise<void>;
  canShareExport: boolean;
  shareExport: () => Promise<void>;
  copyExport: () => Promise<void>;
  confirmText: string;
  setConfirmText: (text: string) => void;
  canDelete: boolean;
  isDeleting: boolean;
  isDeleted: boolean;
  deleteError: string | null;
  deleteAccount: () => Promise<void>;
};

function summarise(data: MyDataExport): Omit<ExportResult, 'saved' | 'saveError'> {
  const lines = Object.entries(sectionLabels).map(([key, label]) => {
    const value = data.fields[key];
    return { key, label, count: Array.isArray(value) ? value.length : 0 };
  });
  return { exportedAt: data.exportedAt, lines, hasPhone: typeof data.fields.phone === 'string' && data.fields.phone !== '' };
}

/** 我的数据: export everything held about me (PIPL), and delete the account. */
export function useMyData(): MyData {
  const [isExporting, setIsExporting] = useState(false);
  const [exportResult, setExportResult] = useState<ExportResult | null>(null);
  const [exportText, setExportText] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [confirmText, setConfirmText] = useState('');
  const [isDeleting, setIsDeleting] = useState(false);
  const [isDeleted, setIsDeleted] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const exportData = useCallback(async () => {
    setIsExporting(true);
    setExportError(null);
    try {
      const data = await exportMyData();
      const text = JSON.stringify(data.fields, null, 2);
      setExportText(text);
      let saved: SavedFile | null = null;
      let saveError: string | null = null;
      try {
        saved = await saveTextFile(exportFileName, text);
      } catch (error) {
        saveError = describeError(error);
      }
      setExportResult({ ...summarise(data), saved, saveError });
    } catch (error) {
      setExportError(describeError(error));
    } finally {
      setIsExporting(false);
    }
  }, []);

  const shareExport = useCallback(async () => {
    if (exportResult?.saved?.kind !== 'stored') return;
    try {
      await shareFile(exportResult.saved.path, exportFileName);
    } catch (error) {
      setExportError(describeError(error));
    }
  }, [exportResult]);

  const copyExport = useCallback(async () => {
    if (exportText === null) return;
    try {
      await copyText(exportText);
      showNotice('已复制到剪贴板', 'success');
    } catch (error) {
      setExportError(describeError(error));
    }
  }, [exportText]);

  const canDelete = confirmText.trim() === deletionConfirmation && !isDeleting;

  const deleteAccount = useCallback(async () => {
    if (confirmText.trim() !== deletionConfirmation) return;
    setIsDeleting(true);
    setDeleteError(null);
    try {
      await deleteMyAccount(deletionConfirmation);
      // The server has ended every session; nothing of the account stays on this device either.
      profileStore.forget();
      sessionStore.clear();
      if (process.env.TARO_ENV === 'h5') forgetDemoPersona();
      setExportResult(null);
      setExportText(null);
      setIsDeleted(true);
    } catch (error) {
      setDeleteError(describeError(error));
    } finally {
      setIsDeleting(false);
    }
  }, [confirmText]);

  return {
    isExporting,
    exportResult,
    exportError,
    exportData,
    canShareExport: canShareFile() && exportResult?.saved?.kind === 'stored',
    shareExport,
    copyExport,
    confirmText,
    setConfirmText,
    canDelete,
    isDeleting,
    isDeleted,
    deleteError,
    deleteAccount,
  };
}
