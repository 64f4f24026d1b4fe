/**
 * The 业务办理回执 (seed 四(一) 服务窗口申报 2: "窗口工作人员提供业务办理回执，申请人签字确认后信息
 * 采集完毕"): one printable A4 page with the application number, the applicant (ID number
 * masked), what was received, the clerk and the window, the date, and a line for the applicant's
 * signature. A static stylesheet with a print part; no script, no outside resource, so the page
 * can carry a strict Content-Security-Policy (`RECEIPT_CSP`) that allows exactly that stylesheet.
 */
import { createHash } from 'node:crypto'
import { COMPLAINT_PHONE, type DocumentRequirement, type TalentWindow } from '@zhihui/core'

export interface ReceiptData {
  applicationNo: string
  name: string
  idNumberMasked: string
  /** The originals core lists for the window, each with what became of it. */
  documents: (DocumentRequirement & { photographed: boolean })[]
  chsiVerificationCode?: string
  /** The clerk who filed it, by name. */
  clerkName: string
  window: TalentWindow
  /** 'YYYY-MM-DD' (Asia/Shanghai): when it was filed at the window, and when this copy was printed. */
  filedOn: string
  printedOn: string
  statusLabel: string
  /** 'YYYY-MM-DD' (Asia/Shanghai) the signature was recorded, or null. */
  signedOn: string | null
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f2f5fa;color:#111;font:16px/1.6 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
.receipt{width:190mm;min-height:270mm;margin:12px auto;padding:16mm 14mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{margin:0 0 4mm;text-align:center;font-size:22px;line-height:1.4}
h1 small{display:block;font-size:15px;font-weight:normal}
h2{margin:6mm 0 2mm;font-size:17px;border-left:4px solid #1a5fb4;padding-left:6px}
.meta{display:grid;grid-template-columns:7em 1fr;gap:1mm 4mm;margin:0}
.meta dt{font-weight:bold}
.meta dd{margin:0}
.no{font-size:20px;font-weight:bold;letter-spacing:1px}
table{width:100%;border-collapse:collapse}
th,td{border:1px solid #444;padding:2mm 3mm;text-align:left;vertical-align:top}
th{background:#eef2f8}
.note{font-size:14px;color:#333}
.signature{display:flex;align-items:flex-end;gap:3mm;margin-top:14mm;font-size:17px}
.line{flex:1;border-bottom:1px solid #111;height:10mm}
.line.short{flex:0 0 40mm}
.signed{margin-top:3mm;font-size:14px}
@page{size:A4;margin:10mm}
@media print{
body{background:#fff}
.receipt{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}
th{background:none}
}`

/** Allows the receipt's own stylesheet and nothing else (no script, no outside resource). */
export const RECEIPT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'self'`

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)

const chineseDate = (iso: string): string => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`

function received(doc: ReceiptData['documents'][number], code: string | undefined): string {
  if (doc.replacedBy === 'chsi-verification-code' && code !== undefined) return `以学信网在线验证码 ${escape(code)} 代替`
  return doc.photographed ? '已核验原件，已拍照留存' : '未收取'
}

export function renderReceipt(data: ReceiptData): string {
  const rows = data.documents
    .map((doc, index) => `<tr><td>${index + 1}</td><td>${escape(doc.label)}</td><td>${received(doc, data.chsiVerificationCode)}</td></tr>`)
    .join('')
  const window = data.window
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>业务办理回执 ${escape(data.applicationNo)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="receipt" data-application-no="${escape(data.applicationNo)}">
<h1>业务办理回执<small>“智汇郑州”人才工程青年人才生活补贴</small></h1>
<dl class="meta">
<dt>申请编号</dt><dd class="no">${escape(data.applicationNo)}</dd>
<dt>申请人</dt><dd>${escape(data.name)}</dd>
<dt>身份证号</dt><dd>${escape(data.idNumberMasked)}</dd>
<dt>受理日期</dt><dd>${chineseDate(data.filedOn)}</dd>
<dt>办理状态</dt><dd>${escape(data.statusLabel)}</dd>
</dl>
<h2>收取材料</h2>
<table>
<thead><tr><th>序号</th><th>材料（原件）</th><th>收取情况</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<h2>受理窗口</h2>
<dl class="meta">
<dt>窗口</dt><dd>${escape(window.unit)}人才服务窗口</dd>
<dt>地址</dt><dd>${escape(window.address)}</dd>
<dt>电话</dt><dd>${escape(window.phone)}</dd>
<dt>经办人</dt><dd>${escape(data.clerkName)}</dd>
</dl>
<p class="note">审核结果将以短信通知。申请人在微信或支付宝“智汇郑州”中绑定本人社会保障卡后，可查看本申请的办理进度；如需修改信息，请到本窗口办理。监督及投诉电话：${COMPLAINT_PHONE}。</p>
<p class="note">以上信息及所收材料经申请人核对无误，申请人签字确认后信息采集完毕。</p>
<div class="signature"><span>申请人签字：</span><span class="line"></span><span>日期：</span><span class="line short"></span></div>
${data.signedOn === null ? '' : `<p class="signed">申请人已签字确认（${chineseDate(data.signedOn)}记录）。</p>`}
<p class="note">打印日期：${chineseDate(data.printedOn)}</p>
</main>
</body>
</html>
`
}
