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

it('lists, shows, rejects, approves, notices and pays', async () => {
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
  const paid = await cli('--today', '2026-12-31', 'pay', no)
  expect(paid.text).toContain('"status": "paid"')
})

it('prints usage for an unknown command and 404s for an unknown number', async () => {
  const unknown = await cli('frobnicate')
  expect(unknown.code).toBe(2)
  expect(unknown.text).toContain('用法')
  expect((await cli('show', 'ZZ2026113099999')).code).toBe(4)
  expect((await cli('--today', 'someday', 'list')).code).toBe(1)
})
