/** Closing the server and starting a new one on the same DATA_DIR / database loses nothing. */
import { Client, reviewer, submitted } from './helpers/client'
import { testPerson } from './helpers/people'
import { startTestApp, type TestApp } from './helpers/test-app'

let t: TestApp
const app = () => t.app
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

it('keeps sessions, bindings, applications, photos, history and the SMS outbox across a restart', async () => {
  const p = testPerson(90)
  const { client, no } = await submitted(app, 'rs-1', p)
  await reviewer(app).send('POST', `/review/applications/${no}/decision`, {
    decision: 'reject',
    reasons: [{ target: 'hukou', code: 'PAGE', message: '请上传户口本本人页' }],
  })
  const before = await client.get('/application')
  const me = await client.get('/me')
  const photoId = (before.body.documents as { photoId: string }[])[0]!.photoId
  const photoBefore = await client.get(`/application/photos/${photoId}`)
  const outboxBefore = (await new Client(app).get('/dev/outbox')).body

  await t.restart()

  // The same token still works: sessions are stored, and the encryption key was reused.
  expect((await client.get('/me')).body).toEqual(me.body)
  expect((await client.get('/application')).body).toEqual(before.body)
  const photoAfter = await client.get(`/application/photos/${photoId}`)
  expect(photoAfter.raw.rawPayload.equals(photoBefore.raw.rawPayload)).toBe(true)
  expect((await new Client(app).get('/dev/outbox')).body).toEqual(outboxBefore)
  // And the work goes on: a resubmission keeps its number, the next applicant gets the next one.
  expect((await client.submit('rs-after')).body).toEqual({ applicationNo: no, status: 'submitted' })
  const next = await submitted(app, 'rs-2', testPerson(91))
  expect(Number(next.no.slice(-5))).toBe(Number(no.slice(-5)) + 1)
})
