import { complaintRate, formatRate, isRatingLevel, needsFollowUp, RATING_LEVELS, ratingLabel, satisfactionRate, type RatingLevel } from './ratings'

describe('the 好差评 levels', () => {
  it('are the five national levels, 5 非常满意 down to 1 非常不满意', () => {
    expect(RATING_LEVELS.map((l) => [l.level, l.label])).toEqual([
      [5, '非常满意'],
      [4, '满意'],
      [3, '基本满意'],
      [2, '不满意'],
      [1, '非常不满意'],
    ])
    expect(ratingLabel(3)).toBe('基本满意')
    expect(ratingLabel(9 as RatingLevel)).toBe('9')
  })

  it('accept only whole numbers 1 to 5', () => {
    expect([1, 2, 3, 4, 5].every(isRatingLevel)).toBe(true)
    expect([0, 6, 2.5, '3', null, undefined].some(isRatingLevel)).toBe(false)
  })

  it('ask for a follow-up on a complaint or a poor rating', () => {
    expect(needsFollowUp(5, true)).toBe(true)
    expect(needsFollowUp(2, false)).toBe(true)
    expect(needsFollowUp(1, false)).toBe(true)
    expect(needsFollowUp(3, false)).toBe(false)
  })
})

describe('satisfactionRate: 非常满意 + 满意 + 基本满意 over all ratings', () => {
  it('counts the first three levels (hand-computed)', () => {
    // 5,5,5,4,3 satisfied; 2,1 not: 5 of 7.
    expect(satisfactionRate([5, 4, 3, 2, 1, 5, 5])).toBeCloseTo(5 / 7, 12)
    expect(satisfactionRate([3, 3, 2, 2])).toBe(0.5)
    expect(satisfactionRate([1, 2])).toBe(0)
    expect(satisfactionRate([5])).toBe(1)
  })

  it('is null, not 0 or NaN, when nothing was rated', () => {
    expect(satisfactionRate([])).toBeNull()
  })
})

describe('complaintRate: complaints over services delivered', () => {
  it('divides (hand-computed)', () => {
    expect(complaintRate({ complaints: 2, delivered: 7 })).toBeCloseTo(2 / 7, 12)
    expect(complaintRate({ complaints: 1, delivered: 4 })).toBe(0.25)
    expect(complaintRate({ complaints: 0, delivered: 3 })).toBe(0)
  })

  it('is null when nothing was delivered', () => {
    expect(complaintRate({ complaints: 0, delivered: 0 })).toBeNull()
  })

  it('refuses counts that cannot be', () => {
    expect(() => complaintRate({ complaints: 1, delivered: 0 })).toThrow(RangeError)
    expect(() => complaintRate({ complaints: -1, delivered: 3 })).toThrow(RangeError)
    expect(() => complaintRate({ complaints: 0.5, delivered: 3 })).toThrow(RangeError)
  })
})

describe('formatRate', () => {
  it('shows one decimal and a dash for no data', () => {
    expect(formatRate(5 / 7)).toBe('71.4%')
    expect(formatRate(0.5)).toBe('50%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(0)).toBe('0%')
    expect(formatRate(null)).toBe('—')
  })
})
