// One simulated applicant's whole journey through the API, timed step by step, and what the
// benchmarks need around it: synthetic registry people (valid GB 11643 ID numbers, check character
// from core), small valid JPEGs made once with sharp, per-step statistics, load averages.
//
// Steps: session (POST /sessions, an h5 development identity: each code its own applicant),
// card-binding, save (PUT /application), photo (POST /application/photos, one per required
// document), submit (POST /application/submit with an Idempotency-Key), poll (GET /application).
import { createRequire } from 'node:module'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { tsImport } from 'tsx/esm/api'
import { root } from '../../scripts/lib/product.mjs'

export const STEPS = ['session', 'card-binding', 'save', 'photo', 'submit', 'poll']

/**
 * `count` registry people from number `from`: born 1995-01-01 + (n mod 3650) days (aged 21 to 31
 * in 2026), the 3-digit sequence from n / 3650, so every ID number differs; card B + 8 digits.
 */
export async function makePeople(count, from = 0) {
  const { idNumberCheckChar } = await tsImport('../../packages/core/src/validators/id-number.ts', import.meta.url)
  const base = Date.UTC(1995, 0, 1)
  return Array.from({ length: count }, (_, i) => {
    const n = from + i
    const birth = new Date(base + (n % 3650) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
    const first17 = `410105${birth}${String(100 + Math.floor(n / 3650)).padStart(3, '0')}`
    return {
      name: '张测试',
      idNumber: first17 + idNumberCheckChar(first17),
      cardNumber: `B${String(n).padStart(8, '0')}`,
      cardIssued: true,
      financialAccountActive: true,
      pensionMonths: 12,
    }
  })
}

/** Four different small JPEGs (480 × 360, noisy like a photo of a page: about 40 KB), made once. */
export async function makePhotos() {
  const sharp = createRequire(join(root, 'packages', 'server', 'package.json'))('sharp')
  return Promise.all(
    [0, 1, 2, 3].map((i) =>
      sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 200 - i * 20, g: 180, b: 160 }, noise: { type: 'gaussian', mean: 128, sigma: 20 } } })
        .jpeg({ quality: 80 })
        .toBuffer(),
    ),
  )
}

/** The form the API tests use: an employed bachelor of 2024 settled in 金水区 (four photos). */
export function validForm() {
  return {
    facts: {
      education: 'bachelor',
      graduationDate: '2024-06-30',
      overseasReturnee: false,
      hukou: { inZhengzhou: true, district: '金水区', settledOn: '2024-08-15' },
      employment: { kind: 'employed', employer: '郑州宇通客车股份有限公司' },
    },
    details: {
      mobile: '13803711234',
      school: '郑州大学',
      major: '计算机科学与技术',
      graduationCertificateNo: '104591202405000123',
      degreeCertificateNo: '1045942024000123',
    },
  }
}

export class StepStats {
  constructor() {
    this.ms = Object.fromEntries(STEPS.map((s) => [s, []]))
    this.errors = Object.fromEntries(STEPS.map((s) => [s, 0]))
    /** Failed tries a client retried (fault benchmarks), by step and status. */
    this.retried = Object.fromEntries(STEPS.map((s) => [s, {}]))
    this.errorSamples = []
    this.errorKinds = {}
  }

  record(step, ms) {
    this.ms[step].push(ms)
  }

  error(step, what) {
    this.errors[step] += 1
    this.errorKinds[`${step}: ${what}`] = (this.errorKinds[`${step}: ${what}`] ?? 0) + 1
    if (this.errorSamples.length < 10) this.errorSamples.push(`${step}: ${what}`)
  }

  /** The failures by step and kind, most frequent first. */
  errorText() {
    return Object.entries(this.errorKinds)
      .sort((a, b) => b[1] - a[1])
      .map(([what, n]) => `${what} ×${n}`)
  }

  retry(step, what) {
    this.retried[step][what] = (this.retried[step][what] ?? 0) + 1
  }

  totalErrors() {
    return Object.values(this.errors).reduce((a, b) => a + b, 0)
  }

  summary(seconds) {
    return STEPS.map((step) => {
      const sorted = Float64Array.from(this.ms[step]).sort()
      const at = (q) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)])
      return { step, count: sorted.length, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN, errors: this.errors[step] }
    })
  }
}

export function printSummary(rows) {
  const f = (v) => (Number.isNaN(v) ? '-' : v.toFixed(0))
  console.log('step          requests   per s    p50 ms   p99 ms   max ms  errors')
  for (const r of rows) {
    console.log(
      `${r.step.padEnd(12)} ${String(r.count).padStart(9)} ${r.perSecond.toFixed(1).padStart(7)} ${f(r.p50).padStart(9)} ${f(r.p99).padStart(8)} ${f(r.max).padStart(8)} ${String(r.errors).padStart(7)}`,
    )
  }
}

export const loadText = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(', ')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** What a client may retry: the network failed, or the balancer or an instance said "not now". */
const RETRYABLE = new Set([502, 503, 504])

/**
 * One request of `step`. Without `retry`, any failure is an error (recorded, and thrown). With
 * `retry: {delayMs, untilMs}`, a network failure or a 502/503/504 is tried again after delayMs, as
 * the app's user does with its retry button (the same Idempotency-Key for a submit, the same
 * photo again for an upload), until untilMs (Date.now() value); each failed try is counted.
 */
async function request(ctx, step, method, path, { token, json, form, headers = {} } = {}) {
  for (;;) {
    const started = performance.now()
    if (ctx.inFlight) ctx.inFlight[step] = (ctx.inFlight[step] ?? 0) + 1
    let status = 0
    let body
    let failure
    try {
      const response = await fetch(`${ctx.base}/api/v1${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        // A form is made for each try: the app reads the file again for a retry.
        body: json !== undefined ? JSON.stringify(json) : form?.(),
        signal: AbortSignal.timeout(ctx.timeoutMs ?? 30_000),
      })
      status = response.status
      const text = await response.text()
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    } catch (error) {
      failure = error.cause?.code ?? error.name ?? 'network'
    }
    const ms = performance.now() - started
    if (ctx.inFlight) ctx.inFlight[step] -= 1
    if (failure === undefined && status >= 200 && status < 300) {
      ctx.stats.record(step, ms)
      return body
    }
    const what = failure ?? `${status} ${body?.error?.code ?? ''}`.trim()
    if (ctx.retry !== undefined && (failure !== undefined || RETRYABLE.has(status)) && Date.now() < ctx.retry.untilMs) {
      ctx.stats.retry(step, what)
      ctx.onRetry?.(step, what)
      await sleep(ctx.retry.delayMs)
      continue
    }
    ctx.stats.error(step, `${method} ${path} → ${what}`)
    throw new Error(`${step}: ${what}`)
  }
}

/** A person's pause before the next step: uniform between half and one and a half times `ms`. */
const think = (ms) => (ms > 0 ? sleep(ms * (0.5 + Math.random())) : undefined)

/**
 * The journey of applicant `code` (a fresh h5 identity) as `person`. `ctx`: {base, stats, photos,
 * thinkMs (mean pause before each step after the first, 0: none), polls, pollMs, retry?,
 * timeoutMs?}. Resolves with what the applicant was told: token, applicationNo, and the photo
 * accepted for each kind (photoId).
 */
export async function journey(ctx, code, person) {
  const record = { code, person, token: undefined, applicationNo: undefined, photos: {} }
  const { token } = await request(ctx, 'session', 'POST', '/sessions', { json: { platform: 'h5', code } })
  record.token = token
  await think(ctx.thinkMs)
  await request(ctx, 'card-binding', 'POST', '/card-binding', {
    token,
    json: { consent: true, name: person.name, idNumber: person.idNumber, cardNumber: person.cardNumber },
  })
  await think(ctx.thinkMs)
  const saved = await request(ctx, 'save', 'PUT', '/application', { token, json: validForm() })
  const kinds = saved.application.requiredDocuments.map((doc) => doc.kind)
  for (const [i, kind] of kinds.entries()) {
    const photo = ctx.photos[i % ctx.photos.length]
    const form = () => {
      const data = new FormData()
      data.append('kind', kind)
      data.append('file', new Blob([photo], { type: 'image/jpeg' }), `${kind}.jpg`)
      return data
    }
    await think(ctx.thinkMs)
    const answer = await request(ctx, 'photo', 'POST', '/application/photos', { token, form })
    record.photos[kind] = answer.photoId
  }
  // One Idempotency-Key per submit attempt, kept for its retries (src/hooks/use-submit.ts).
  await think(ctx.thinkMs)
  const submitted = await request(ctx, 'submit', 'POST', '/application/submit', { token, headers: { 'idempotency-key': `submit-${code}` } })
  record.applicationNo = submitted.applicationNo
  ctx.onSubmitted?.(record)
  for (let i = 0; i < (ctx.polls ?? 1); i++) {
    await think(ctx.pollMs ?? ctx.thinkMs)
    const view = await request(ctx, 'poll', 'GET', '/application', { token })
    if (view?.applicationNo !== record.applicationNo || view?.status !== 'submitted') {
      ctx.stats.error('poll', `GET /application shows ${view?.applicationNo} ${view?.status}, expected ${record.applicationNo} submitted`)
      throw new Error('poll: wrong application')
    }
  }
  return record
}
