/**
 * The photo viewer's state: which photo, how far zoomed, how turned. Moving to another photo
 * starts it at 100 % and upright. Pure, so keyboard and buttons share one reducer.
 */
export interface ViewerState {
  index: number
  /** 1 = fit to the frame. */
  zoom: number
  /** Degrees clockwise: 0, 90, 180 or 270. */
  rotation: number
}

export const ZOOM_MIN = 0.5
export const ZOOM_MAX = 4
export const ZOOM_STEP = 0.25

export type ViewerAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'go'; index: number }
  | { type: 'zoom-in' }
  | { type: 'zoom-out' }
  | { type: 'rotate-right' }
  | { type: 'rotate-left' }
  | { type: 'reset' }

export const initialViewer = (index = 0): ViewerState => ({ index, zoom: 1, rotation: 0 })

const clampZoom = (zoom: number) => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(zoom * 100) / 100))

/** `count` is the number of photos; with none, the state stays at index 0. */
export function viewerReducer(state: ViewerState, action: ViewerAction, count: number): ViewerState {
  switch (action.type) {
    case 'next':
      return count === 0 || state.index >= count - 1 ? state : initialViewer(state.index + 1)
    case 'previous':
      return state.index <= 0 ? state : initialViewer(state.index - 1)
    case 'go':
      return action.index < 0 || action.index >= count || action.index === state.index ? state : initialViewer(action.index)
    case 'zoom-in':
      return { ...state, zoom: clampZoom(state.zoom + ZOOM_STEP) }
    case 'zoom-out':
      return { ...state, zoom: clampZoom(state.zoom - ZOOM_STEP) }
    case 'rotate-right':
      return { ...state, rotation: (state.rotation + 90) % 360 }
    case 'rotate-left':
      return { ...state, rotation: (state.rotation + 270) % 360 }
    case 'reset':
      return initialViewer(state.index)
  }
}

/** The keyboard shortcuts of the viewer (ignored while typing in a field). */
export function keyAction(key: string): ViewerAction | null {
  switch (key) {
    case 'ArrowRight':
      return { type: 'next' }
    case 'ArrowLeft':
      return { type: 'previous' }
    case '+':
    case '=':
      return { type: 'zoom-in' }
    case '-':
      return { type: 'zoom-out' }
    case 'r':
    case 'R':
      return { type: 'rotate-right' }
    case '0':
      return { type: 'reset' }
    default:
      return null
  }
}

export const zoomPercent = (zoom: number) => `${Math.round(zoom * 100)}%`

/** The CSS transform of the image. */
export const imageTransform = (state: ViewerState) => `scale(${state.zoom}) rotate(${state.rotation}deg)`
