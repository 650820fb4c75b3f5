import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { Button } from '@/components/ui';

type PdfPickerProps = { onPick: (file: { name: string; path: string }) => void };

/** A PDF from the computer (H5 file input) or from a WeChat chat (`chooseMessageFile`). */
export function PdfPicker({ onPick }: PdfPickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    const change = (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      if (file) onPick({ name: file.name, path: URL.createObjectURL(file) });
      event.target.value = '';
    };
    return <input type="file" id="consultation-attachment-file" accept=".pdf,application/pdf" onChange={change} />;
  }
  const choose = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
      const file = tempFiles[0];
      if (file) onPick({ name: file.name, path: file.path });
    } catch {
      // Cancelled: nothing picked.
    }
  };
  return (
    <Button type="primary" fill="outline" id="consultation-attachment-choose" onClick={() => void choose()}>
      从聊天记录选择 PDF
    </Button>
  );
}
