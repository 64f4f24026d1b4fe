import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import './global.css'

const root = document.getElementById('root')
if (root === null) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
