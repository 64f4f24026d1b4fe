export default definePageConfig({
  navigationBarTitleText: '高层次人才身份核验',
})
