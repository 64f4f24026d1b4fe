/**
 * A document photo as staff see it: the viewer's name, username and the time drawn across it
 * diagonally and repeated, on the server (an SVG overlay composited by sharp), so a screenshot or
 * a saved copy still says who looked at it and when. The username is drawn beside the name in
 * ASCII: a machine without a CJK font renders the Chinese as boxes, but the username stays legible.
 */
import sharp from 'sharp'

const FONT_FAMILY = 'WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif'

const MINUTE_IN_CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "2026-11-30 14:05", China time. */
export function chinaMinute(instant: Date): string {
  const parts = Object.fromEntries(MINUTE_IN_CHINA.formatToParts(instant).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** The line drawn on the photo: "审核员李静 reviewer 2026-11-30 14:05". */
export const watermarkText = (viewer: { name: string; username: string }, at: Date): string => `${viewer.name} ${viewer.username} ${chinaMinute(at)}`

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string)

/** Roughly how wide `text` is at `size` px: CJK glyphs are square, Latin ones about half as wide. */
function textWidth(text: string, size: number): number {
  let em = 0
  for (const char of text) em += (char.codePointAt(0) ?? 0) > 0x2e80 ? 1 : 0.6
  return em * size
}

export function watermarkSvg(width: number, height: number, text: string): string {
  const size = Math.max(14, Math.round(Math.min(width, height) / 22))
  const step = textWidth(text, size) + size * 3
  const lineGap = size * 5
  const diagonal = Math.ceil(Math.hypot(width, height))
  const cx = width / 2
  const cy = height / 2
  const label = escapeXml(text)
  const lines: string[] = []
  let row = 0
  for (let y = -diagonal / 2; y <= diagonal / 2; y += lineGap, row++) {
    // Every other line shifted by half a step, so the repeats form a lattice rather than columns.
    const shift = row % 2 === 0 ? 0 : step / 2
    for (let x = -diagonal / 2 - shift; x <= diagonal / 2; x += step) {
      lines.push(`<text x="${(cx + x).toFixed(1)}" y="${(cy + y).toFixed(1)}">${label}</text>`)
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<g transform="rotate(-30 ${cx.toFixed(1)} ${cy.toFixed(1)})" font-family="${FONT_FAMILY}" font-size="${size}"`,
    ` fill="#c00000" fill-opacity="0.32" stroke="#ffffff" stroke-opacity="0.25" stroke-width="${Math.max(1, size / 16).toFixed(1)}">`,
    ...lines,
    '</g></svg>',
  ].join('')
}

/** The photo as a JPEG with `text` across it. */
export async function watermarkPhoto(data: Buffer, text: string): Promise<Buffer> {
  const image = sharp(data, { limitInputPixels: 50_000_000, failOn: 'error' })
  const meta = await image.metadata()
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  if (width === 0 || height === 0) throw new Error('photo without dimensions')
  const overlay = Buffer.from(watermarkSvg(width, height, text))
  return image
    .flatten({ background: '#ffffff' })
    .composite([{ input: overlay, top: 0, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer()
}
