/** The review CLI's commands run the same services as the HTTP review routes, on the same data. */
import { runReviewCommand } from '../../packages/server/src/cli/review-commands'
import { submitted } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = []
  const code = await runReviewCommand(argv, t.app.ctx, (line) => lines.push(line))
  return { code, text: lines.join('\n') }
}

it('lists, shows, rejects, approves, notices and starts paying', async () => {
  const p = testPerson(20)
  const { client, no } = await submitted(app, 'cli-1', p)
  expect((await cli('list')).text).toContain(`${no}  submitted`)
  const shown = await cli('show', no)
  expect(shown.text).toContain('"status": "submitted"')
  expect(shown.text).not.toContain(p.idNumber)

  const noReason = await cli('reject', no)
  expect(noReason.code).toBe(1)
  expect(noReason.text).toContain('错误')
  const rejected = await cli('reject', no, '--reason', 'degree-certificate:UNCLEAR:学位证照片不清楚，请重新拍摄')
  expect(rejected.text).toContain('"status": "rejected"')
  expect((await client.get('/application')).body.rejection).toEqual({
    reasons: [{ target: 'degree-certificate', code: 'UNCLEAR', message: '学位证照片不清楚，请重新拍摄' }],
  })
  expect((await cli('outbox')).text).toContain('学位证照片不清楚')

  await client.submit('cli-again')
  expect((await cli('approve', no)).text).toContain('"status": "public-notice"')
  const notice = await cli('notice', no)
  expect(notice.code).toBe(0)
  expect(notice.text).toContain('"end"')
  const early = await cli('pay', no)
  expect(early.code).toBe(1)
  expect(early.text).toContain('公示期未结束')
  const paying = await cli('--today', '2026-12-31', 'pay', no)
  expect(paying.text).toContain('"status": "paying"')
  expect(paying.text).toContain('"firstMonth": "2026-02"')
})

it('runs a month, refuses it again, stops and resumes with a reason, and shows the ledger', async () => {
  const { no } = await submitted(app, 'cli-2', testPerson(21))
  await cli('approve', no)
  await cli('--today', '2026-11-30', 'notice', no)
  expect((await cli('--today', '2026-12-31', 'pay', no)).code).toBe(0)

  const bad = await cli('--today', '2027-01-05', 'pay-run', '2027-13')
  expect(bad.code).toBe(1)
  expect(bad.text).toContain('“2027-13”')
  const run = await cli('--today', '2027-01-05', 'pay-run', '2027-01')
  expect(run.code).toBe(0)
  expect(run.text).toContain('"month": "2027-01"')
  const again = await cli('pay-run', '2027-01')
  expect(again.code).toBe(1)
  expect(again.text).toContain('已发放过')

  expect((await cli('stop', no)).text).toContain('请写明原因')
  expect((await cli('stop', no, '--reason', '经核查已离开郑州工作')).text).toContain('"status": "stopped"')
  expect((await cli('resume', no, '--reason', '复核后确认仍在郑工作')).text).toContain('"status": "paying"')
  const ledger = await cli('ledger', no)
  expect(ledger.text).toContain('"month": "2027-01"')
  expect(ledger.text).toContain('"actor": "reviewer-cli:')
  expect(ledger.text).toContain('经核查已离开郑州工作')
})

it('prints usage for an unknown command and 404s for an unknown number', async () => {
  const unknown = await cli('frobnicate')
  expect(unknown.code).toBe(2)
  expect(unknown.text).toContain('用法')
  expect((await cli('show', 'ZZ2026113099999')).code).toBe(4)
  expect((await cli('--today', 'someday', 'list')).code).toBe(1)
})
