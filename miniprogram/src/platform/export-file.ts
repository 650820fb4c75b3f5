import Taro from '@tarojs/taro';
import { isUserCancel, PlatformError } from './platform-error';

/**
 * Handing the resident a file of their data (PIPL export). Browsers download it; a mini-program
 * cannot write to the phone's downloads, so the weapp writes it to the app's user folder, from
 * where `wx.shareFileMessage` can send it to a chat (e.g. 文件传输助手) to keep.
 */
export type SavedFile = { kind: 'downloaded' } | { kind: 'stored'; path: string };

export async function saveTextFile(fileName: string, text: string, mimeType = 'application/json'): Promise<SavedFile> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.style.display = 'none';
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    // Give the browser time to start the download before the object URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { kind: 'downloaded' };
  }
  const folder = Taro.env.USER_DATA_PATH;
  if (!folder) throw new PlatformError('UNSUPPORTED', '当前微信版本不支持保存文件，请复制内容');
  const path = `${folder}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: text,
      encoding: 'utf8',
      success: () => resolve(),
      fail: () => reject(new PlatformError('FAILED', '文件保存失败，请复制内容')),
    });
  });
  return { kind: 'stored', path };
}

/** weapp with `wx.shareFileMessage` (base library ≥ 2.16): the file can be sent to a chat. */
export function canShareFile(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof Reflect.get(Taro, 'shareFileMessage') === 'function';
}

/** Must run straight from a tap. Resolves false when the resident closed the chat picker. */
export function shareFile(path: string, fileName: string): Promise<boolean> {
  const share: unknown = Reflect.get(Taro, 'shareFileMessage');
  if (typeof share !== 'function') return Promise.reject(new PlatformError('UNSUPPORTED', '当前微信版本不支持发送文件，请复制内容'));
  return new Promise((resolve, reject) => {
    // Not declared by Taro 4.2 but copied from `wx` like every other API: call it on Taro.
    Reflect.apply(share, Taro, [
      {
        filePath: path,
        fileName,
        success: () => resolve(true),
        fail: (error: unknown) => (isUserCancel(error) ? resolve(false) : reject(new PlatformError('FAILED', '发送失败，请复制内容'))),
      },
    ]);
  });
}

/** Copies text to the clipboard (WeChat shows its own "内容已复制"). */
export async function copyText(text: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text });
  } catch {
    throw new PlatformError('FAILED', '复制失败，请稍后重试');
  }
}
