import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { Button } from '@/components/ui';
import type { PickedGuideFile } from '@/services/guide-admin-service';

type FilePickerProps = { onPick: (file: PickedGuideFile) => void };

/**
 * Picks a CSV or XLSX file: a plain file input in the browser (H5 has no file chooser API), a file
 * from a chat on weapp (`chooseMessageFile`; `chooseImage` takes only pictures).
 */
export function FilePicker({ onPick }: FilePickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    const change = (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      if (file) onPick({ name: file.name, blob: file });
    };
    return <input type="file" id="guide-import-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={change} />;
  }
  const choose = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] });
      const file = tempFiles[0];
      if (file) onPick({ name: file.name, path: file.path });
    } catch {
      // Cancelled: nothing picked.
    }
  };
  return (
    <Button type="primary" fill="outline" id="guide-import-choose" onClick={() => void choose()}>
      从聊天记录选择文件
    </Button>
  );
}
