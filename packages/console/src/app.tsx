/**
 * The console's shell: query client, router (basename /admin), Ant Design in Chinese. Everything
 * else loads lazily (router.tsx): the sign-in page's first load carries no table, menu or page.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { CONSOLE_BASE, setNavigator } from './api/client'
import { createQueryClient } from './query-client'
import { buildRoutes } from './router'
import { buttonConfig, theme } from './theme'

dayjs.locale('zh-cn')

const queryClient = createQueryClient()
const router = createBrowserRouter(buildRoutes(), { basename: CONSOLE_BASE })
// A 401 anywhere moves to the sign-in page inside the app, not by reloading it.
setNavigator((to) => void router.navigate(to, { replace: true }))

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={buttonConfig}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  )
}
