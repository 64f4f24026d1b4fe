import type { DocumentRequirement } from '../types'
import { DOCUMENT_LABELS, documentsStillMissing, holdsDegreeCertificate, ONLINE_DOCUMENTS, requiredDocuments, WINDOW_DOCUMENTS } from './required-documents'
import { facts } from './test-support'

const selfEmployed = facts({ employment: { kind: 'self-employed', employer: undefined, creditCode: '91410100MA44XXXX0X' } })
const unemployed = facts({ employment: { kind: 'unemployed', employer: undefined } })
const labels = (docs: DocumentRequirement[]) => docs.map((d) => d.label)

describe('requiredDocuments online: photos [seed 四(一) 支付宝 4 / 微信 3]', () => {
  it('lists the seed’s photos in its order, the business licence last and only for the self-employed', () => {
    expect(requiredDocuments(selfEmployed, 'online')).toEqual([
      { kind: 'id-card', label: '身份证', photo: true },
      { kind: 'hukou', label: '户口本(户口册页)', photo: true },
      { kind: 'graduation-certificate', label: '毕业证', photo: true },
      { kind: 'degree-certificate', label: '学位证', photo: true },
      { kind: 'business-license', label: '营业执照', photo: true },
    ])
  })

  it.each([
    ['employed', facts()],
    ['unemployed', unemployed],
  ])('%s: no business licence', (_kind, applicant) => {
    expect(labels(requiredDocuments(applicant, 'online'))).toEqual(['身份证', '户口本(户口册页)', '毕业证', '学位证'])
  })
})

describe('requiredDocuments at a window: originals [seed 四(一) 服务窗口申报 1]', () => {
  it('lists the seed’s originals in its order, photo false', () => {
    expect(requiredDocuments(selfEmployed, 'window')).toEqual([
      { kind: 'id-card', label: '身份证', photo: false },
      { kind: 'hukou', label: '户口本', photo: false },
      { kind: 'social-security-card', label: '社会保障卡', photo: false },
      { kind: 'graduation-certificate', label: '毕业证', photo: false },
      { kind: 'degree-certificate', label: '学位证', photo: false },
      { kind: 'student-record-report', label: '教育部学籍在线验证报告', photo: false },
      { kind: 'business-license', label: '营业执照', photo: false },
    ])
  })

  it('an employed returnee brings everything but the business licence', () => {
    const returnee = facts({ overseasReturnee: true })
    expect(labels(requiredDocuments(returnee, 'window'))).toEqual([
      '身份证',
      '户口本',
      '社会保障卡',
      '毕业证',
      '学位证',
      '教育部学籍在线验证报告',
    ])
  })

  it('a preparatory technician is not asked for a degree certificate technical schools do not award', () => {
    const technician = facts({ education: 'preparatory-technician' })
    expect(requiredDocuments(technician, 'window').map((d) => d.kind)).toEqual([
      'id-card',
      'hukou',
      'social-security-card',
      'graduation-certificate',
      'student-record-report',
    ])
    expect(requiredDocuments(technician, 'online').map((d) => d.kind)).not.toContain('degree-certificate')
  })

  it('holdsDegreeCertificate: only preparatory technicians hold none; no level chosen yet asks for it', () => {
    expect(holdsDegreeCertificate('preparatory-technician')).toBe(false)
    for (const level of ['doctorate', 'master', 'bachelor'] as const) expect(holdsDegreeCertificate(level)).toBe(true)
    expect(holdsDegreeCertificate('')).toBe(true)
    expect(holdsDegreeCertificate(undefined)).toBe(true)
  })
})

describe('document labels', () => {
  it('names every kind as the window list does', () => {
    expect(DOCUMENT_LABELS).toEqual({
      'id-card': '身份证',
      hukou: '户口本',
      'social-security-card': '社会保障卡',
      'graduation-certificate': '毕业证',
      'degree-certificate': '学位证',
      'student-record-report': '教育部学籍在线验证报告',
      'business-license': '营业执照',
    })
  })

  it('cites the seed sections the lists come from', () => {
    expect(ONLINE_DOCUMENTS.source).toContain('四(一)手机支付宝城市服务申报第4项')
    expect(WINDOW_DOCUMENTS.source).toContain('四(一)服务窗口申报第1项')
  })
})

describe('the 学信网 online verification code stands in for the student-record report (design.md, Window intake)', () => {
  const returnee = facts({ overseasReturnee: true })

  it('marks the report replaced when a code of the right form is given, and nothing else', () => {
    const docs = requiredDocuments(returnee, 'window', { chsiVerificationCode: 'a1b2 c3d4 e5f6 g7h8' })
    expect(docs.find((d) => d.kind === 'student-record-report')).toEqual({
      kind: 'student-record-report',
      label: '教育部学籍在线验证报告',
      photo: false,
      replacedBy: 'chsi-verification-code',
    })
    expect(docs.filter((d) => d.replacedBy !== undefined)).toHaveLength(1)
  })

  it('a malformed or missing code replaces nothing', () => {
    for (const details of [{}, { chsiVerificationCode: '123456789012' }, { chsiVerificationCode: '' }]) {
      expect(requiredDocuments(returnee, 'window', details).some((d) => d.replacedBy !== undefined)).toBe(false)
    }
  })

  it('online lists never ask for the report, so a code changes nothing there', () => {
    expect(requiredDocuments(facts(), 'online', { chsiVerificationCode: 'A1B2C3D4E5F6G7H8' })).toEqual(requiredDocuments(facts(), 'online'))
  })

  it('documentsStillMissing: neither uploaded nor replaced', () => {
    const withCode = requiredDocuments(returnee, 'window', { chsiVerificationCode: 'A1B2C3D4E5F6G7H8' })
    expect(documentsStillMissing(withCode, ['id-card', 'hukou']).map((d) => d.kind)).toEqual([
      'social-security-card',
      'graduation-certificate',
      'degree-certificate',
    ])
    const withoutCode = requiredDocuments(returnee, 'window')
    expect(documentsStillMissing(withoutCode, withoutCode.map((d) => d.kind))).toEqual([])
    expect(documentsStillMissing(withoutCode, []).map((d) => d.kind)).toContain('student-record-report')
  })
})
