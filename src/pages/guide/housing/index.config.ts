export default definePageConfig({
  navigationBarTitleText: '购房补贴办理指引',
})
