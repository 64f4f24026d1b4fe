import { platformAppConfig } from './platform/app-config'

/**
 * Home and progress stay in the main package (the two pages opened most, and from a status
 * message); the application flow and the guides load as subpackages on first use, which keeps
 * the main package small on slow networks.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/progress/index'],
  subPackages: [
    {
      root: 'pages/apply',
      pages: ['bind-card/index', 'info/index', 'check/index', 'photos/index', 'receipt/index'],
    },
    {
      root: 'pages/guide',
      pages: ['self-check/index', 'directory/index', 'housing/index'],
    },
    {
      // 高层次人才服务 (the seed's second article): only certified talents open it.
      root: 'talent',
      pages: ['pages/services/index', 'pages/verify/index', 'pages/requests/index', 'pages/rate/index'],
    },
  ],
  preloadRule: {
    // The applicant on the home page is likely to apply next.
    'pages/index/index': { network: 'all', packages: ['pages/apply'] },
  },
  window: {
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '智汇郑州 · 青年人才生活补贴',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f5fa',
    backgroundTextStyle: 'dark',
  },
  ...platformAppConfig(),
})
