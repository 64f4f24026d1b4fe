export default definePageConfig({
  navigationBarTitleText: '智汇郑州 · 青年人才生活补贴',
})
