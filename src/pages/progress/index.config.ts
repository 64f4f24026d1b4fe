export default definePageConfig({
  navigationBarTitleText: '我的办理进度',
  enablePullDownRefresh: true,
})
