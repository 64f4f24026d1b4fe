export default definePageConfig({
  navigationBarTitleText: '绑定社会保障卡',
})
