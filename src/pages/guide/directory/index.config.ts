export default definePageConfig({
  navigationBarTitleText: '服务窗口和社保分局',
})
