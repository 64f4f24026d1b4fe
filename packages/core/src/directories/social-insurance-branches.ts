/**
 * The fifteen branch halls of the municipal social-insurance bureau, where an insured employer
 * registers new staff before they can pay the pension the subsidy requires [seed, 三].
 * Source: the seed's table 市社会保险局各分局地址和联系电话, rows in its order. 中原分局 has two
 * addresses and 新密分局 two phone numbers, as printed.
 */
import type { District, SocialInsuranceBranch } from '../types'

/** One row of the table: the branch, the district it serves, its addresses and phones as printed. */
function branch(name: string, district: District, addresses: string[], phones: string[]): SocialInsuranceBranch {
  return { name, district, addresses, phones }
}

export const SOCIAL_INSURANCE_BRANCHES: readonly SocialInsuranceBranch[] = [
  branch('中原分局', '中原区', ['伊河路96号(秦岭路与伊河路向西50米路南一楼社保大厅)', '中原路与华山路交叉口西200米路南(中原区罗庄小区)和昌大厦二楼'], ['0371-67610310']),
  branch('二七分局', '二七区', ['行云路与赣江路交叉口东北角(二七区行政服务审批大厅一楼)'], ['0371-68856870']),
  branch('管城分局', '管城回族区', ['航海东路246号(航海路与城东路交叉口东北角)'], ['0371-66362711']),
  branch('金水分局', '金水区', ['农业路与政七街交叉口东200米路南'], ['0371-63835406']),
  branch('惠济分局', '惠济区', ['天河路与新城路交叉口往东200米路北'], ['0371-63639925']),
  branch('高新区分局', '高新区', ['金梭路13号(金梭路与合欢街交叉口向北100米路东)'], ['0371-67759620']),
  branch('经开区分局', '经开区', ['第四大街与经北二路交叉口(郑州人力资源市场一楼)'], ['0371-66782583']),
  branch('郑东新区分局', '郑东新区', ['正光路与众旺路交叉口西北角'], ['0371-85960760']),
  branch('航空港区分局', '航空港区', ['航海路与郑韩南路交叉口(行政服务大厅)'], ['0371-86198373']),
  branch('登封分局', '登封市', ['登封市嵩阳办事处中岳大街661号'], ['0371-62818823']),
  branch('新密分局', '新密市', ['新密市行政路65号'], ['0371-60880783', '0371-60880784']),
  branch('新郑分局', '新郑市', ['新郑市文化北路与中兴路交叉口新郑市行政服务审批中心'], ['0371-69972161']),
  branch('荥阳分局', '荥阳市', ['荥阳市国泰路与福民路交叉口荥阳市社会保险局'], ['0371-60257068']),
  branch('中牟分局', '中牟县', ['中牟县官渡大街西段中牟县社会保险局'], ['0371-62181681']),
  branch('上街分局', '上街区', ['上街区新建街东段政务服务中心一楼'], ['0371-85131366']),
]
