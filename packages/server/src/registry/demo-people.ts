/**
 * The bundled development registry: made-up people with valid GB 11643 ID numbers (correct
 * check characters, Zhengzhou address codes 4101xx) and 9-character card numbers. The registry
 * holds no education, so each person is named after the story they demonstrate; the README's
 * table lists them. All but one are born 1997 or later, so they stay under 35 through 2030.
 * REGISTRY_FILE replaces this list.
 */
import type { RegistryEntry } from './registry'

export interface DemoPerson extends RegistryEntry {
  /** What this person is for, shown in the README and printed at start. */
  story: string
}

const eligibleCard = { cardIssued: true, financialAccountActive: true, pensionMonths: 12 } as const

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: '张博文', idNumber: '410105199703121015', cardNumber: 'A41010001', ...eligibleCard, story: '博士，全部条件满足（每月1500元）' },
  { name: '李思涵', idNumber: '410102199809072021', cardNumber: 'A41010002', ...eligibleCard, story: '硕士，全部条件满足（每月1000元）' },
  { name: '王子豪', idNumber: '410103200004153037', cardNumber: 'A41010003', ...eligibleCard, story: '本科，全部条件满足（每月500元）' },
  {
    name: '赵静怡',
    idNumber: '410104200106224023',
    cardNumber: 'A41010004',
    ...eligibleCard,
    story: '技工院校预备技师，条件满足，但须到窗口办理',
  },
  {
    name: '刘浩然',
    idNumber: '410122199901185139',
    cardNumber: 'A41010005',
    cardIssued: true,
    financialAccountActive: true,
    pensionMonths: 2,
    story: '养老保险只缴了2个月：自测显示何时满足',
  },
  {
    name: '陈雨欣',
    idNumber: '410181199909306222',
    cardNumber: 'A41010006',
    cardIssued: true,
    financialAccountActive: false,
    pensionMonths: 12,
    story: '社保卡金融账户未激活',
  },
  { name: '周明轩', idNumber: '410105199807118312', cardNumber: 'A41010007', ...eligibleCard, story: '海外归国留学人员，须到窗口办理' },
  { name: '孙慧敏', idNumber: '410105198409203146', cardNumber: 'A41010008', ...eligibleCard, story: '博士，40岁以上（博士不限年龄）' },
  { name: '吴俊杰', idNumber: '410108200001010454', cardNumber: 'A41010009', ...eligibleCard, story: '本科，自主创业（需上传营业执照）' },
  { name: '郑雅琳', idNumber: '410103199805050569', cardNumber: 'A41010010', ...eligibleCard, story: '硕士，毕业未就业（发放6个月）' },
  {
    name: '冯宇航',
    idNumber: '410105200108080613',
    cardNumber: 'A41010011',
    ...eligibleCard,
    // Months of the demo's first year of payments: one in the arrears of a first run, one after.
    lapses: { '2026-09': { pensionPaid: false }, '2027-02': { pensionPaid: false } },
    story: '本科，条件满足；按月发放时2026年9月、2027年2月未在郑缴纳养老保险（这两个月停发、不补发）',
  },
  {
    name: '黄诗雨',
    idNumber: '410102199912039721',
    cardNumber: 'A41010012',
    ...eligibleCard,
    lapses: { '2026-12': { financialAccountActive: false }, '2027-01': { financialAccountActive: false } },
    story: '本科，条件满足；按月发放时社保卡金融账户2026年12月、2027年1月被冻结（这两个月停发、不补发）',
  },
  {
    name: '何晓东',
    idNumber: '410105200003152414',
    cardNumber: 'A41010013',
    ...eligibleCard,
    // One lapse only, after the arrears of a start of paying in late 2026: of the runs of 2027-01,
    // 2027-02 and 2027-03 exactly one month is suspended (tests/e2e/payments.e2e.test.ts).
    lapses: { '2027-02': { pensionPaid: false } },
    story: '本科，条件满足；按月发放时2027年2月未在郑缴纳养老保险（该月停发、不补发）',
  },
]
