/**
 * The offices of the 2018 notice: talent service windows, social-insurance branches, the
 * complaints line and the housing-subsidy office by district, transcribed from the seed.
 */
export { COMPLAINT_PHONE } from './complaint-phone'
export { DISTRICTS, isDistrict } from './districts'
export { DIRECTORY_SOURCES } from './sources'
export { TALENT_WINDOWS } from './talent-windows'
export { SOCIAL_INSURANCE_BRANCHES } from './social-insurance-branches'
export {
  HOUSING_BUREAU_DISTRICTS,
  HOUSING_BUREAU_NAME,
  HOUSING_OFFICE_RULE_SOURCE,
  housingSubsidyOffice,
} from './housing'
export { branchesIn, searchOffices, talentWindowsIn, type OfficeSearchResult } from './lookup'
