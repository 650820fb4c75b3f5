import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const appRoot = path.resolve(__dirname, '..');
const sharedSource = path.resolve(appRoot, '../shared/src');
const platform = process.env.TARO_ENV ?? 'weapp';

/** Build-time defaults for the variables the bundle reads; a `.env*` file or the shell overrides them. */
const envDefaults = {
  TARO_APP_API_BASE: 'http://127.0.0.1:3000',
  TARO_APP_FAKE_WECHAT_URL: 'http://127.0.0.1:9800',
} as const;

function bundleEnv(): Record<string, string> {
  const entries = Object.entries(envDefaults).map(([key, fallback]) => [key, JSON.stringify(process.env[key] ?? fallback)]);
  return Object.fromEntries(entries);
}

/** NutUI is drawn for a 375 px design, our own styles for 750. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? input.file : undefined;
  return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'govpocket-miniprogram',
    date: '2025-11-22',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Each target gets its own folder so one build never wipes the other.
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: bundleEnv(),
    defineConstants: {},
    alias: {
      '@': path.resolve(appRoot, 'src'),
      '@govpocket/shared': path.resolve(sharedSource, 'index.ts'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      // The shared workspace package is TypeScript source: run it through the same babel rule.
      compile: { include: [sharedSource] },
      // Styles are BEM-scoped per component, so the order pages import them in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [sharedSource] },
      // Relative asset URLs: dist/h5 works from the root of any static origin.
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      webpackChain(chain) {
        // H5 pages load lazily; splitting async chunks too keeps one shared copy of zod and NutUI
        // instead of one per page chunk.
        const splitChunks: unknown = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({ ...(typeof splitChunks === 'object' ? splitChunks : {}), chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
