/** Steps more than one journey takes: binding a demo card, filling the information form. */
import type { Page } from 'playwright-core'
import { DEMO_PEOPLE, type DemoPerson } from '../../../packages/server/src/registry/demo-people'
import { choose, pick, pickDate, setSwitch, shown, tap, type } from './app'

export function demoPerson(name: string): DemoPerson {
  const person = DEMO_PEOPLE.find((p) => p.name === name)
  if (!person) throw new Error(`no demo person ${name}`)
  return person
}

/** From the bind-card page's consent to the bound summary. */
export async function agreeToConsent(page: Page): Promise<void> {
  await tap(page, '#consent-tick')
  await tap(page, '#consent-continue')
  await shown(page, '#input-name input').waitFor()
}

export async function bindCard(page: Page, person: Pick<DemoPerson, 'name' | 'idNumber' | 'cardNumber'>): Promise<void> {
  await agreeToConsent(page)
  await type(page, 'name', person.name)
  await type(page, 'idNumber', person.idNumber)
  await type(page, 'cardNumber', person.cardNumber)
  await tap(page, '#bind-submit')
  await shown(page, '#to-info').waitFor()
}

export interface InfoAnswers {
  /** The option's words, as the picker shows them. */
  education: string
  school: string
  major: string
  graduationDate: string
  graduationCertificateNo: string
  degreeCertificateNo: string
  overseasReturnee: boolean
  hukouDistrict: string
  hukouSettledOn: string
  employment: 'employed' | 'self-employed' | 'unemployed'
  employer: string
  mobile: string
}

/** The first part of the form: education. */
export async function fillEducation(page: Page, a: InfoAnswers): Promise<void> {
  await pick(page, 'education', a.education)
  await type(page, 'school', a.school)
  await type(page, 'major', a.major)
  await pickDate(page, 'graduationDate', a.graduationDate)
}

/** The rest of the form, after fillEducation. */
export async function fillTheRest(page: Page, a: InfoAnswers): Promise<void> {
  await type(page, 'graduationCertificateNo', a.graduationCertificateNo)
  await type(page, 'degreeCertificateNo', a.degreeCertificateNo)
  await setSwitch(page, 'overseasReturnee', a.overseasReturnee)
  await setSwitch(page, 'hukouInZhengzhou', true)
  await pick(page, 'hukouDistrict', a.hukouDistrict)
  await pickDate(page, 'hukouSettledOn', a.hukouSettledOn)
  await choose(page, 'employmentKind', a.employment)
  if (a.employment === 'employed') await type(page, 'employer', a.employer)
  await type(page, 'mobile', a.mobile)
}

/** Answers that meet every condition on `today` (graduated last year, settled after). */
export function eligibleAnswers(today: string): InfoAnswers {
  const lastYear = Number(today.slice(0, 4)) - 1
  return {
    education: '全日制本科',
    school: '郑州大学',
    major: '软件工程',
    graduationDate: `${lastYear}-06-30`,
    graduationCertificateNo: `104591${lastYear}05001234`,
    degreeCertificateNo: `104594${lastYear}001234`,
    overseasReturnee: false,
    hukouDistrict: '金水区',
    hukouSettledOn: `${lastYear}-08-15`,
    employment: 'employed',
    employer: '郑州云帆软件科技有限公司',
    mobile: '13803711234',
  }
}
