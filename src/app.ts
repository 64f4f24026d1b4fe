import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { installPrivacyListener } from './platform'
import { installViewportRem } from './platform/viewport'
import './app.scss'

// Before the first render, so the first layout already has the right scale (H5 only).
installViewportRem()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyListener()
  })
  // children is the page being shown.
  return children
}

export default App
