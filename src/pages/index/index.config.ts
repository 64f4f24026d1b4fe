export default definePageConfig({
  navigationBarTitleText: '智汇郑州',
})
