/**
 * Window intake (窗口受理, design.md "Window intake"): the shapes of `/staff/window-applications`
 * for the server that sends them and the console that reads them, and the window a district's
 * clerk works at. Seed 四(一) 服务窗口申报: the applicant brings the originals, the clerk files
 * them, "窗口工作人员提供业务办理回执，申请人签字确认后信息采集完毕".
 */
import type { ApplicationView } from '../api-types'
import { TALENT_WINDOWS } from '../directories/talent-windows'
import type { Channel, District, FieldError, TalentWindow } from '../types'

/**
 * The talent service window of a district (seed table 市人社局及各地人才服务窗口地址和服务电话):
 * the district's own window; 中原区's is its 政务服务中心, not the city bureau's hall that also sits
 * in 中原区.
 */
export function districtWindow(district: District): TalentWindow {
  const own = TALENT_WINDOWS.find((w) => w.district === district && !w.cityLevel)
  if (own === undefined) throw new RangeError(`no talent window for ${district}`)
  return own
}

/** `POST /staff/window-applications`. The form may be partial: it is completed with PUT. */
export interface WindowIntakeRequest {
  name: string
  idNumber: string
  cardNumber: string
  facts?: unknown
  details?: unknown
}

/**
 * Its answer (201). The number is given at creation, so every later step and the receipt carry
 * it; `errors` lists what the form still lacks.
 */
export interface WindowIntakeCreated {
  applicationNo: string
  status: 'draft'
  errors?: FieldError[]
}

/** Which of the three the registry did not find together (422 CARD_MISMATCH's `mismatch`). */
export type CardItem = 'name' | 'idNumber' | 'cardNumber'

/** 409 ACTIVE_APPLICATION's `existing`: the person's application that blocks a new one. */
export interface ExistingApplication {
  /** null: an online draft, not submitted yet. */
  applicationNo: string | null
  channel: Channel
  status: ApplicationView['status']
  statusLabel: string
  /** Where it was filed, in words: 线上（小程序） or the window. */
  where: string
  window?: TalentWindow
}

/** What 学信网 said of a code (ChsiVerifier), as reviewers and clerks see it. */
export interface ChsiCheck {
  code: string
  /** 学信网's public report-check page (CHSI_REPORT_CHECK_URL), where a reviewer enters the code. */
  verifyUrl: string
  /**
   * valid: 学信网 holds a report with this code; not-found: it holds none; unchecked: no automatic
   * check is configured (the reviewer follows the link); unavailable: the check failed this time.
   */
  result: 'valid' | 'not-found' | 'unchecked' | 'unavailable'
  /** What the report says, where the verifier tells it. */
  report?: { name: string; school?: string; education?: string }
  checkedAt?: string
}

/** `GET /staff/window-applications/:no`: the intake as the clerk continues it. */
export interface WindowApplicationView extends ApplicationView {
  applicationNo: string
  channel: 'window'
  window: TalentWindow
  /** 'staff:<username>' of the clerk who filed it, and the clerk's name. */
  filedBy: string
  filedByName: string | null
  applicant: { name: string; idNumberMasked: string; cardNumberMasked: string }
  chsi: ChsiCheck | null
  receipt: ReceiptSignature | null
}

/** `POST /staff/window-applications/:no/signed`: the applicant signed the printed receipt. */
export interface ReceiptSignature {
  applicationNo: string
  signedAt: string
  /** 'staff:<username>' of the clerk who recorded it. */
  recordedBy: string
}
