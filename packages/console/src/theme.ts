/**
 * Ant Design's theme, tuned for WCAG AA contrast (axe runs on every page): the default primary
 * #1677ff gives white button text only 4.1:1 (its hover colour less still), the default
 * secondary text (45 % black) 3.4:1, and a table's "no data" line is drawn in the disabled colour.
 */
import type { ThemeConfig } from 'antd'

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
}

/**
 * Buttons read as written ("登录", not "登 录"): screen readers then say the word, and a button's
 * accessible name contains its visible text (WCAG 2.5.3).
 */
export const buttonConfig = { autoInsertSpace: false } as const
