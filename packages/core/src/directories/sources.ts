/**
 * Where the directories come from: the 2018 notice (the seed), cited by its own section numbers
 * and table titles. Addresses, phone numbers and window counts are copied character for
 * character as printed there, half-width punctuation included, so that they can be checked
 * against the notice by search.
 */
import { SEED_NOTICE } from '../eligibility/sources'

/** The seed, the same notice the eligibility rules cite. */
export const DIRECTORY_NOTICE = SEED_NOTICE

export const DIRECTORY_SOURCES = {
  talentWindows: `${DIRECTORY_NOTICE}附表：市人社局及各地人才服务窗口地址和服务电话`,
  socialInsuranceBranches: `${DIRECTORY_NOTICE}附表：市社会保险局各分局地址和联系电话`,
  complaintPhone: `${DIRECTORY_NOTICE}七、监督及投诉电话`,
  housingOffice: `${DIRECTORY_NOTICE}五、购房补贴申请事项办理`,
} as const
