export default definePageConfig({
  navigationBarTitleText: '高层次人才服务',
})
