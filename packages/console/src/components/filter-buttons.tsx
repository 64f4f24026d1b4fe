import { Button, Space } from 'antd'
import type { TablePaginationConfig } from 'antd'

/** 查询 submits the filter form; 重置 clears it and shows the first page with the same page size. */
export function FilterButtons({ onReset }: { onReset: () => void }) {
  return (
    <Space>
      <Button type="primary" htmlType="submit">
        查询
      </Button>
      <Button onClick={onReset}>重置</Button>
    </Space>
  )
}

export const PAGE_SIZES = [10, 20, 50, 100]

/**
 * A server-paged table's pager, kept in the page's filters (and so in the address): a new page
 * size starts again at page 1. `unit` counts the rows: 条, 件.
 */
export function serverPagination(
  filters: { page?: number; pageSize?: number },
  total: number | undefined,
  unit: string,
  go: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: filters.page,
    pageSize: filters.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (count) => `共 ${count} ${unit}`,
    onChange: (page, pageSize) => go(pageSize === (filters.pageSize ?? pageSize) ? page : 1, pageSize),
  }
}
