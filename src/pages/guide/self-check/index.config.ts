export default definePageConfig({
  navigationBarTitleText: '申请条件自查',
})
