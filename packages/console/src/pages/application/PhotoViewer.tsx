/**
 * The photos, one at a time, as the server draws them (the viewer's name and the time across
 * each, audited `photo-view`): zoom, rotate, previous/next by button or arrow key. A photo counts
 * as looked at once it has loaded on screen (the checklist ticks from that).
 */
import {
  LeftOutlined,
  RightOutlined,
  RotateLeftOutlined,
  RotateRightOutlined,
  UndoOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons'
import { Button, Empty, Space, Tooltip, Typography } from 'antd'
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch } from 'react'
import { photoUrl } from '../../api/applications'
import type { PhotoRef } from './checklist'
import { keyAction, zoomPercent, ZOOM_MAX, ZOOM_MIN, type ViewerAction, type ViewerState } from './viewer'

interface Props {
  applicationNo: string
  photos: PhotoRef[]
  state: ViewerState
  dispatch: Dispatch<ViewerAction>
  onViewed: (photoId: string) => void
  /** false while a dialog is open: the arrow keys then belong to it. */
  keyboard: boolean
  /** Rows of the checklist drawn under the viewer (the frame leaves room for them). */
  checklistRows: number
}

/**
 * The frame's height: what the window leaves once the rest of the right column (toolbar, list of
 * photos, the checklist of `rows` documents) and the decision bar are drawn, so photo and
 * checklist are seen together at 1440×900 without scrolling.
 */
export function frameHeight(windowHeight: number, rows: number): number {
  return Math.max(300, Math.min(720, windowHeight - 400 - 34 * rows))
}

function useWindowHeight() {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 900 : window.innerHeight || 900))
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight || 900)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return height
}

function useFrameWidth(active: boolean) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(560)
  useLayoutEffect(() => {
    const el = ref.current
    if (!active || !el) return
    setWidth(el.clientWidth || 560)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWidth(el.clientWidth || 560))
    observer.observe(el)
    return () => observer.disconnect()
  }, [active])
  return { ref, width }
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

export function PhotoViewer({ applicationNo, photos, state, dispatch, onViewed, keyboard, checklistRows }: Props) {
  const photo = photos[state.index]
  const { ref, width } = useFrameWidth(photo !== undefined)
  const frameH = frameHeight(useWindowHeight(), checklistRows)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    if (!keyboard) return
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const action = keyAction(event.key)
      if (!action) return
      event.preventDefault()
      dispatch(action)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [keyboard, dispatch])

  if (photo === undefined) {
    return (
      <div className='review-photo-frame review-photo-empty' style={{ height: frameH }}>
        <Empty description='没有上传的证件照片' />
      </div>
    )
  }

  // The box the photo fills grows with the zoom; a quarter turn swaps the image's sides so the
  // turned photo still fits the box.
  const boxW = Math.round(width * state.zoom)
  const boxH = Math.round(frameH * state.zoom)
  const sideways = state.rotation % 180 !== 0
  const position = `第 ${state.index + 1} 张，共 ${photos.length} 张`

  return (
    <div className='review-viewer'>
      <div className='review-viewer-toolbar' role='toolbar' aria-label='照片查看工具'>
        <Space size={4} wrap>
          <Tooltip title='上一张（←）'>
            <Button icon={<LeftOutlined />} aria-label='上一张' disabled={state.index === 0} onClick={() => dispatch({ type: 'previous' })} />
          </Tooltip>
          <Tooltip title='下一张（→）'>
            <Button
              icon={<RightOutlined />}
              aria-label='下一张'
              disabled={state.index >= photos.length - 1}
              onClick={() => dispatch({ type: 'next' })}
            />
          </Tooltip>
          <Tooltip title='缩小（-）'>
            <Button icon={<ZoomOutOutlined />} aria-label='缩小' disabled={state.zoom <= ZOOM_MIN} onClick={() => dispatch({ type: 'zoom-out' })} />
          </Tooltip>
          <span className='review-zoom' aria-live='polite'>
            <span className='visually-hidden'>缩放 </span>
            {zoomPercent(state.zoom)}
          </span>
          <Tooltip title='放大（+）'>
            <Button icon={<ZoomInOutlined />} aria-label='放大' disabled={state.zoom >= ZOOM_MAX} onClick={() => dispatch({ type: 'zoom-in' })} />
          </Tooltip>
          <Tooltip title='向左旋转'>
            <Button icon={<RotateLeftOutlined />} aria-label='向左旋转' onClick={() => dispatch({ type: 'rotate-left' })} />
          </Tooltip>
          <Tooltip title='向右旋转（R）'>
            <Button icon={<RotateRightOutlined />} aria-label='向右旋转' onClick={() => dispatch({ type: 'rotate-right' })} />
          </Tooltip>
          <Tooltip title='还原（0）'>
            <Button icon={<UndoOutlined />} aria-label='还原大小和方向' onClick={() => dispatch({ type: 'reset' })} />
          </Tooltip>
        </Space>
        <Typography.Text className='review-viewer-title'>
          {photo.label} <span className='review-muted'>{position}</span>
        </Typography.Text>
      </div>

      <div
        ref={ref}
        className='review-photo-frame'
        style={{ height: frameH }}
        tabIndex={0}
        role='region'
        aria-label={`证件照片：${photo.label}，${position}。可用左右方向键切换`}>
        <div className='review-photo-box' style={{ width: boxW, height: boxH }}>
          {failed === photo.photoId ? (
            <Typography.Text type='danger' className='review-photo-error'>
              照片加载失败，请重新加载页面或稍后再试。
            </Typography.Text>
          ) : (
            <img
              key={photo.photoId}
              src={photoUrl(applicationNo, photo.photoId)}
              alt={`${photo.label}照片（${position}）`}
              draggable={false}
              onLoad={() => onViewed(photo.photoId)}
              onError={() => setFailed(photo.photoId)}
              style={{
                width: sideways ? boxH : boxW,
                height: sideways ? boxW : boxH,
                transform: `translate(-50%, -50%) rotate(${state.rotation}deg)`,
              }}
            />
          )}
        </div>
      </div>

    </div>
  )
}
