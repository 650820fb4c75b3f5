import Taro from '@tarojs/taro';
import { isUserCancel, PlatformError } from './platform-error';

/** Local paths of the images the resident picked (weapp temp files, H5 blob URLs). */
export type PickedImage = { path: string; size: number };

/**
 * Album or camera. Callers go through `useImagePicker`, which asks for privacy consent first.
 * weapp: `chooseMedia` (Taro 4.2 passes it through without a promise, so callbacks are used);
 * H5: `chooseImage`, a file input.
 */
export async function chooseImages(count: number): Promise<PickedImage[]> {
  if (process.env.TARO_ENV === 'h5') {
    try {
      const { tempFiles } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      return tempFiles.map((file) => ({ path: file.path, size: file.size }));
    } catch (error) {
      if (isUserCancel(error)) return [];
      throw new PlatformError('FAILED', '选择图片失败，请重试');
    }
  }
  return new Promise((resolve, reject) => {
    Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: ({ tempFiles }) => resolve(tempFiles.map((file) => ({ path: file.tempFilePath, size: file.size }))),
      fail: (error) => (isUserCancel(error) ? resolve([]) : reject(new PlatformError('FAILED', '选择图片失败，请检查相册和相机权限'))),
    });
  });
}
