/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  // Declaration merging with @types/node needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built; the H5 demo branches on it. */
    TARO_ENV: 'weapp' | 'h5';
    /** Mini-program appid for the generated project.config.json (optional). */
    TARO_APP_ID?: string;
    /** Base URL of the BFF, e.g. http://127.0.0.1:3000 (defaulted in config/index.ts). */
    TARO_APP_API_BASE: string;
    /** Base URL of the fake WeChat server used by the H5 demo login (defaulted in config/index.ts). */
    TARO_APP_FAKE_WECHAT_URL: string;
  }
}
