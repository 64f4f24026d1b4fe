/** Display helpers shared by pages: byte sizes, Chinese dates, yuan. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** '2024-06-30' or an ISO timestamp → '2024年6月30日'; anything else is shown as it came. */
export function formatDate(value: string | undefined): string {
  if (!value) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return value
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`
}

export function formatYuan(amount: number): string {
  return `${amount.toLocaleString('zh-CN')}元`
}
