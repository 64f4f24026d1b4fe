/**
 * Where the directories come from: the 2018 notice (the seed), cited by its own section numbers
 * and table titles. Addresses, phone numbers and window counts are copied character for
 * character as printed there, half-width punctuation included, so that they can be checked
 * against the notice by search.
 */
export const DIRECTORY_NOTICE = '《“智汇郑州”人才工程青年人才补贴办理有关事项》'

export const DIRECTORY_SOURCES = {
  talentWindows: `${DIRECTORY_NOTICE}附表：市人社局及各地人才服务窗口地址和服务电话`,
  socialInsuranceBranches: `${DIRECTORY_NOTICE}附表：市社会保险局各分局地址和联系电话`,
  complaintPhone: `${DIRECTORY_NOTICE}七、监督及投诉电话`,
  housingOffice: `${DIRECTORY_NOTICE}五、购房补贴申请事项办理`,
} as const
