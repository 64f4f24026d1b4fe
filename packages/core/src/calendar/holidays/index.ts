/**
 * Every yearly holiday notice the calendar knows, oldest first. The living subsidy starts with
 * graduates of 2017 and applications from 2 January 2018 [seed, 一 and preamble], so the table
 * starts with the 2017 notice.
 *
 * Adding a year: copy the State Council's notice (published around November of the year before)
 * into a new file beside these, list it here, and the table tests check its shape.
 */
import type { HolidayYear } from '../holiday-year'
import { HOLIDAYS_2017 } from './2017'
import { HOLIDAYS_2018 } from './2018'
import { HOLIDAYS_2019 } from './2019'
import { HOLIDAYS_2020 } from './2020'
import { HOLIDAYS_2021 } from './2021'
import { HOLIDAYS_2022 } from './2022'
import { HOLIDAYS_2023 } from './2023'
import { HOLIDAYS_2024 } from './2024'
import { HOLIDAYS_2025 } from './2025'
import { HOLIDAYS_2026 } from './2026'

export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  HOLIDAYS_2017,
  HOLIDAYS_2018,
  HOLIDAYS_2019,
  HOLIDAYS_2020,
  HOLIDAYS_2021,
  HOLIDAYS_2022,
  HOLIDAYS_2023,
  HOLIDAYS_2024,
  HOLIDAYS_2025,
  HOLIDAYS_2026,
]
