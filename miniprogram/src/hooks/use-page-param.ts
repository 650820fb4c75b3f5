import { useRouter } from '@tarojs/taro';

/**
 * A query parameter of the current page. WeChat hands them over still percent-encoded, H5 decoded;
 * decoding once more is harmless for the latter and a malformed value is taken as it is.
 */
export function usePageParam(name: string): string {
  const value = useRouter().params[name] ?? '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
