/**
 * The bank's 代发 file of a payment run (design.md, "Monthly payments"): one row per paid line,
 * with name, social-security card number (in clear: the bank pays into it), amount, month and
 * application number. Written as a stream, row by row, so a run of 250,000 lines never sits in
 * memory whole: .xlsx through ExcelJS's streaming writer, .csv as UTF-8 with a byte-order mark
 * (so Excel opens the Chinese names right) and CRLF line ends (RFC 4180).
 */
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { BankRow } from './payment-run-service'

export const BANK_FILE_COLUMNS = ['姓名', '社会保障卡号', '金额（元）', '发放月份', '申请编号'] as const

const cells = (row: BankRow): (string | number)[] => [row.name, row.cardNumber, row.amountYuan, row.month, row.applicationNo]

/**
 * One CSV field. Quoted when it holds a comma, quote or line break; a field that a spreadsheet
 * would read as a formula (=, +, -, @ first) is prefixed with an apostrophe (OWASP, CSV
 * injection): names come from the registry, but the file is opened in Excel.
 */
export function csvField(value: string | number): string {
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function bankCsv(rows: AsyncIterable<BankRow>): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${BANK_FILE_COLUMNS.join(',')}\r\n`
    let batch = ''
    let count = 0
    for await (const row of rows) {
      batch += `${cells(row).map(csvField).join(',')}\r\n`
      // A few hundred rows a chunk: fewer, larger writes than one per row.
      if (++count % 500 === 0) {
        yield batch
        batch = ''
      }
    }
    if (batch !== '') yield batch
  }
  return Readable.from(lines(), { objectMode: false })
}

export function bankXlsx(rows: AsyncIterable<BankRow>, sheetName: string): Readable {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = '智汇郑州'
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [{ width: 12 }, { width: 20 }, { width: 12 }, { width: 12 }, { width: 20 }]
  const write = async () => {
    const header = sheet.addRow([...BANK_FILE_COLUMNS])
    header.font = { bold: true }
    header.commit()
    for await (const row of rows) {
      const added = sheet.addRow(cells(row))
      // Card numbers and application numbers are text: Excel must not turn them into numbers.
      added.getCell(2).numFmt = '@'
      added.getCell(5).numFmt = '@'
      added.commit()
    }
    sheet.commit()
    await workbook.commit()
  }
  write().catch((error: unknown) => out.destroy(error as Error))
  return out
}
