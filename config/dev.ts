import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // The API runs beside the dev server; H5 calls the same origin, so proxy /api to it.
      proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: true } },
    },
  },
} satisfies UserConfigExport<'webpack5'>
