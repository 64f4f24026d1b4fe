import { complaintDue, confirmationDue, isPastDue, workingDaysAfter } from './due-dates'

/*
 * Every expected date below was counted by hand on the State Council's notices; the day filed is
 * not counted, the next working day is day 1.
 */
describe('complaintDue: 15 working days after the day filed', () => {
  it('is three weeks later on the same weekday when no holiday falls in between', () => {
    // Monday 2025-03-03: 4,5,6,7 | 10–14 | 17–21 | 24 → the 15th working day is Monday 2025-03-24.
    expect(complaintDue('2025-03-03')).toBe('2025-03-24')
  })

  it('skips the National Day break and counts its make-up days (国办发明电〔2024〕12号)', () => {
    // Friday 2025-09-26. Sun 28 (上班) 1, Mon 29 2, Tue 30 3, 1–8 Oct off, Thu 9 4, Fri 10 5,
    // Sat 11 (上班) 6, 13–17 7–11, 20–23 12–15 → Thursday 2025-10-23.
    expect(complaintDue('2025-09-26')).toBe('2025-10-23')
  })

  it('skips the Spring Festival break and counts both make-up Saturdays (国办发明电〔2025〕7号)', () => {
    // Thursday 2026-02-12. Fri 13 1, Sat 14 (上班) 2, 15–23 Feb off, 24–27 3–6, Sat 28 (上班) 7,
    // 2–6 Mar 8–12, 9–11 Mar 13–15 → Wednesday 2026-03-11.
    expect(complaintDue('2026-02-12')).toBe('2026-03-11')
  })

  it('starts counting after a holiday when filed during one', () => {
    // Friday 2025-10-03, a day off: 9 Oct 1, 10 Oct 2, Sat 11 (上班) 3, 13–17 4–8, 20–24 9–13, 27 14, 28 15.
    expect(complaintDue('2025-10-03')).toBe('2025-10-28')
  })

  it('says when a year it crosses has no holiday notice in the table', () => {
    const crossing = workingDaysAfter('2026-12-28', 15)
    expect(crossing.holidaysKnown).toBe(false)
    expect(crossing.yearsWithoutData).toEqual([2027])
    expect(workingDaysAfter('2025-03-03', 15)).toEqual({ due: '2025-03-24', holidaysKnown: true, yearsWithoutData: [] })
  })

  it('refuses a date that does not exist and a count out of range', () => {
    expect(() => complaintDue('2025-02-30')).toThrow(RangeError)
    expect(() => workingDaysAfter('2025-03-03', 0)).toThrow(RangeError)
    expect(() => workingDaysAfter('2025-03-03', 1.5)).toThrow(RangeError)
    expect(() => workingDaysAfter('2025-03-03', 367)).toThrow(RangeError)
  })
})

describe('confirmationDue: the next working day (configuration)', () => {
  it('is Monday for a request filed on a Friday or over the weekend', () => {
    expect(confirmationDue('2025-03-07')).toBe('2025-03-10')
    expect(confirmationDue('2025-03-08')).toBe('2025-03-10')
  })

  it('is the day after a holiday for a request filed the day before it', () => {
    expect(confirmationDue('2025-09-30')).toBe('2025-10-09')
  })
})

describe('isPastDue', () => {
  it('keeps the due day itself in time', () => {
    expect(isPastDue('2025-03-24', '2025-03-24')).toBe(false)
    expect(isPastDue('2025-03-24', '2025-03-25')).toBe(true)
    expect(isPastDue('2025-03-24', '2025-03-01')).toBe(false)
  })
})
