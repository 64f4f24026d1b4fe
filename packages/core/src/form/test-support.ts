/**
 * Test data for the form tests: one valid body core accepts, so each test changes only what it is
 * about. Test support only: nothing in core imports it (the root jest.config.js leaves it out of
 * coverage like the tests themselves).
 */

/** A master's graduate of 郑州大学, settled in 金水区 and working in Zhengzhou. */
export function validInput() {
  return {
    facts: {
      education: 'master',
      graduationDate: '2023-06-30',
      overseasReturnee: false,
      hukou: { inZhengzhou: true, district: '金水区', settledOn: '2023-08-15' },
      employment: { kind: 'employed', employer: '郑州宇通客车股份有限公司' },
    },
    details: {
      mobile: '13803711234',
      school: '郑州大学',
      major: '计算机科学与技术',
      graduationCertificateNo: '104591202302000123',
      degreeCertificateNo: '1045932023000123',
    },
  }
}
