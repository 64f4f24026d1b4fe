/**
 * Card binding (journey step 3): name, ID number and card number, checked by core, then against
 * the social-security registry. The person is stored once per ID number (encrypted, found by its
 * keyed hash), so WeChat and Alipay accounts of the same person share one application.
 */
import { randomUUID } from 'node:crypto'
import { maskCardNumber, maskIdNumber, parseCardNumber, parseIdNumber, parseName, type BindingSummary } from '@zhihui/core'
import { isUniqueViolation } from '../db/errors'
import type { PeopleTable } from '../db/schema'
import { AppError, conflict, invalid } from '../errors'
import { RegistryUnavailableError, type CardItem, type CardQuery, type RegistryEntry } from '../registry'
import { setAccountPerson } from '../repositories/accounts'
import {
  countBindingFailuresSince,
  findPersonByIdHash,
  getPerson,
  insertBindingFailure,
  insertPerson,
  updatePersonCard,
} from '../repositories/people'
import type { ApplicantAuth, ServiceDeps } from './deps'

export const MISMATCH_LIMIT = 5
const MISMATCH_WINDOW_MS = 3600_000

/** What a binding answers: core's BindingSummary, the shape the app reads. */
export type BindingView = BindingSummary

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Name, ID number and card number of a request, each checked by core (422 naming the field). */
export function parseCardQuery(body: Record<string, unknown>, today: string): CardQuery {
  const name = parseName(text(body.name))
  if (!name.ok) throw invalid('name', name.error.message, name.error.code)
  const id = parseIdNumber(text(body.idNumber), { today })
  if (!id.ok) throw invalid('idNumber', id.error.message, id.error.code)
  const card = parseCardNumber(text(body.cardNumber))
  if (!card.ok) throw invalid('cardNumber', card.error.message, card.error.code)
  return { name: name.value, idNumber: id.value.idNumber, cardNumber: card.value }
}

export function createBindingService(deps: ServiceDeps) {
  const { db, cipher, clock, registry } = deps

  const view = (person: PeopleTable): BindingView => ({
    name: person.name,
    idNumberMasked: person.id_masked,
    cardNumberMasked: person.card_masked,
    cardIssued: person.card_issued === 1,
    financialAccountActive: person.financial_account_active === 1,
    pensionMonths: person.pension_months,
  })

  /** Whether the three belong to one registry entry (its state, or null); 503 when the registry cannot answer. */
  async function askRegistry(query: CardQuery): Promise<RegistryEntry | null> {
    try {
      return await registry.verify(query)
    } catch (error) {
      if (error instanceof RegistryUnavailableError) {
        throw new AppError(503, 'REGISTRY_UNAVAILABLE', '社保卡信息核验服务暂时无法访问，请稍后再试，已填写的信息不会丢失。')
      }
      throw error
    }
  }

  async function verify(auth: ApplicantAuth, query: CardQuery): Promise<RegistryEntry> {
    const now = clock.now()
    const since = new Date(now.getTime() - MISMATCH_WINDOW_MS).toISOString()
    const failures = await countBindingFailuresSince(db, auth.accountId, since)
    if (failures >= MISMATCH_LIMIT) {
      throw new AppError(429, 'BINDING_LOCKED', `核验不一致已达${MISMATCH_LIMIT}次，为保护您的信息安全，请1小时后再试。`)
    }
    const entry = await askRegistry(query)
    if (entry !== null) return entry
    await insertBindingFailure(db, randomUUID(), auth.accountId, now.toISOString())
    const left = MISMATCH_LIMIT - failures - 1
    throw new AppError(
      422,
      'CARD_MISMATCH',
      `姓名、身份证号与社会保障卡卡号不一致，请对照身份证和社保卡逐项核对后重试${left > 0 ? `（还可尝试${left}次）` : '（已达次数上限，请1小时后再试）'}。`,
    )
  }

  async function storePerson(idHash: string, idNumber: string, entry: RegistryEntry, at: string): Promise<PeopleTable> {
    const card = {
      name: entry.name,
      card_cipher: cipher.encrypt(entry.cardNumber),
      card_masked: maskCardNumber(entry.cardNumber),
      card_issued: entry.cardIssued ? 1 : 0,
      financial_account_active: entry.financialAccountActive ? 1 : 0,
      pension_months: entry.pensionMonths,
      verified_at: at,
    }
    const existing = await findPersonByIdHash(db, idHash)
    if (existing !== undefined) {
      await updatePersonCard(db, existing.id, card)
      return { ...existing, ...card }
    }
    const person: PeopleTable = {
      id: randomUUID(),
      id_hash: idHash,
      id_cipher: cipher.encrypt(idNumber),
      id_masked: maskIdNumber(idNumber),
      ...card,
    }
    try {
      await insertPerson(db, person)
      return person
    } catch (error) {
      // The same person binding from WeChat and Alipay at the same moment: keep the first row.
      if (!isUniqueViolation(error)) throw error
      const raced = await findPersonByIdHash(db, idHash)
      if (raced === undefined) throw error
      await updatePersonCard(db, raced.id, card)
      return { ...raced, ...card }
    }
  }

  return {
    async bind(auth: ApplicantAuth, body: Record<string, unknown>): Promise<{ binding: BindingView }> {
      if (body.consent !== true) {
        throw invalid('consent', '请先阅读并勾选同意《个人信息收集使用说明》，再绑定社会保障卡。', 'CONSENT_REQUIRED')
      }
      const query = parseCardQuery(body, clock.today())
      const idHash = cipher.hash(query.idNumber)
      // auth.personId is the account's person as the session was checked for this request.
      if (auth.personId !== null) {
        const bound = await getPerson(db, auth.personId)
        if (bound !== undefined && bound.id_hash !== idHash) {
          throw conflict('ACCOUNT_BOUND', '此账号已绑定另一位申请人的社会保障卡，不能再绑定其他人的卡。')
        }
      }
      const entry = await verify(auth, query)
      const person = await storePerson(idHash, query.idNumber, entry, clock.now().toISOString())
      await setAccountPerson(db, auth.accountId, person.id)
      return { binding: view(person) }
    },

    /**
     * The registry check of a card binding, for a window clerk (window intake): the entry, or
     * which items did not match (as far as the registry can tell). Mismatches are not counted
     * against a lockout here: the clerk checks the applicant's documents at the counter, and the
     * refusal is audited instead.
     */
    async checkCard(query: CardQuery): Promise<{ entry: RegistryEntry } | { mismatch: CardItem[] }> {
      const entry = await askRegistry(query)
      if (entry !== null) return { entry }
      return { mismatch: (await registry.mismatchOf?.(query).catch(() => [])) ?? [] }
    },

    /** Stores (or refreshes) the person the registry confirmed, as a binding does. */
    recordPerson: (idNumber: string, entry: RegistryEntry): Promise<PeopleTable> =>
      storePerson(cipher.hash(idNumber), idNumber, entry, clock.now().toISOString()),

    async current(personId: string | null): Promise<BindingView | undefined> {
      if (personId === null) return undefined
      const person = await getPerson(db, personId)
      return person === undefined ? undefined : view(person)
    },

    /** The ID number and card state the eligibility rules need, from the binding, never from the form. */
    async factsOf(personId: string) {
      const person = await getPerson(db, personId)
      if (person === undefined) throw new Error(`person ${personId} vanished`)
      return {
        person,
        idNumber: cipher.decrypt(person.id_cipher),
        socialSecurity: {
          cardIssued: person.card_issued === 1,
          financialAccountActive: person.financial_account_active === 1,
          pensionMonths: person.pension_months,
        },
      }
    },
  }
}

export type BindingService = ReturnType<typeof createBindingService>
