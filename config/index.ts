import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
const target = process.env.TARO_ENV ?? 'weapp'

/**
 * One config for the three targets. `packages/` is compiled from source because @zhihui/core
 * ships TypeScript, and Taro only compiles src/ and node_modules/*taro* unless told otherwise.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhihui-zhengzhou',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Each target gets its own folder so the three builds can live side by side.
    outputRoot: `dist/${target}`,
    plugins: [],
    defineConstants: {},
    alias: { '@': path.join(root, 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [path.join(root, 'packages')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Mini-program packages have a hard size limit; keep source maps out of the output.
      enableSourceMap: false,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: [path.join(root, 'packages')] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Taro splits only the initial chunks, so every lazily loaded page carried its own copy of
      // Taro's H5 components and of core. One shared chunk for what two or more pages use.
      webpackChain(chain) {
        chain.optimization.splitChunks({
          ...(chain.optimization.get('splitChunks') as Record<string, unknown>),
          cacheGroups: {
            ...((chain.optimization.get('splitChunks') as { cacheGroups?: Record<string, unknown> }).cacheGroups ?? {}),
            pagesShared: { name: 'pages-shared', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
