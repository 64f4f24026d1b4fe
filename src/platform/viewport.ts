/**
 * H5 only: Taro turns design px into rem, and its page template sets the root font size with an
 * inline script. The API server that serves the H5 page sends a Content-Security-Policy without
 * 'unsafe-inline', which blocks that script, so the same sizing runs here, from the app bundle
 * (same origin, allowed), before the first render: 40 px per 750 design px of the narrow side,
 * kept between 20 and 40 px.
 */
export function installViewportRem(): void {
  if (process.env.TARO_ENV !== 'h5') return
  if (typeof window === 'undefined' || typeof document === 'undefined') return
  const apply = () => {
    const rect = document.documentElement.getBoundingClientRect()
    const sides = [rect.width, rect.height].filter((side) => side > 0)
    const narrow = sides.length > 0 ? Math.min(...sides) : 375
    const size = Math.min(40, Math.max(20, (40 * narrow) / 750))
    document.documentElement.style.fontSize = `${size}px`
  }
  window.addEventListener('resize', apply)
  apply()
}
