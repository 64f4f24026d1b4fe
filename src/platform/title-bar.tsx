/**
 * The title bar above every page. WeChat and Alipay draw it themselves, with the back button,
 * from each page's navigationBarTitleText, so on a mini-program there is nothing to draw here.
 * The H5 build uses title-bar.h5.tsx, which Taro picks for that target.
 */
export function TitleBar(): null {
  return null
}
