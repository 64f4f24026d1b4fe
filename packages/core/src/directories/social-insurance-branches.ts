/**
 * The fifteen branch halls of the municipal social-insurance bureau, where an insured employer
 * registers new staff before they can pay the pension the subsidy requires [seed, 三].
 * Source: the seed's table 市社会保险局各分局地址和联系电话, rows in its order. 中原分局 has two
 * addresses and 新密分局 two phone numbers, as printed.
 */
import type { SocialInsuranceBranch } from '../types'

export const SOCIAL_INSURANCE_BRANCHES: readonly SocialInsuranceBranch[] = [
  {
    name: '中原分局',
    district: '中原区',
    addresses: [
      '伊河路96号(秦岭路与伊河路向西50米路南一楼社保大厅)',
      '中原路与华山路交叉口西200米路南(中原区罗庄小区)和昌大厦二楼',
    ],
    phones: ['0371-67610310'],
  },
  {
    name: '二七分局',
    district: '二七区',
    addresses: ['行云路与赣江路交叉口东北角(二七区行政服务审批大厅一楼)'],
    phones: ['0371-68856870'],
  },
  {
    name: '管城分局',
    district: '管城回族区',
    addresses: ['航海东路246号(航海路与城东路交叉口东北角)'],
    phones: ['0371-66362711'],
  },
  {
    name: '金水分局',
    district: '金水区',
    addresses: ['农业路与政七街交叉口东200米路南'],
    phones: ['0371-63835406'],
  },
  {
    name: '惠济分局',
    district: '惠济区',
    addresses: ['天河路与新城路交叉口往东200米路北'],
    phones: ['0371-63639925'],
  },
  {
    name: '高新区分局',
    district: '高新区',
    addresses: ['金梭路13号(金梭路与合欢街交叉口向北100米路东)'],
    phones: ['0371-67759620'],
  },
  {
    name: '经开区分局',
    district: '经开区',
    addresses: ['第四大街与经北二路交叉口(郑州人力资源市场一楼)'],
    phones: ['0371-66782583'],
  },
  {
    name: '郑东新区分局',
    district: '郑东新区',
    addresses: ['正光路与众旺路交叉口西北角'],
    phones: ['0371-85960760'],
  },
  {
    name: '航空港区分局',
    district: '航空港区',
    addresses: ['航海路与郑韩南路交叉口(行政服务大厅)'],
    phones: ['0371-86198373'],
  },
  {
    name: '登封分局',
    district: '登封市',
    addresses: ['登封市嵩阳办事处中岳大街661号'],
    phones: ['0371-62818823'],
  },
  {
    name: '新密分局',
    district: '新密市',
    addresses: ['新密市行政路65号'],
    phones: ['0371-60880783', '0371-60880784'],
  },
  {
    name: '新郑分局',
    district: '新郑市',
    addresses: ['新郑市文化北路与中兴路交叉口新郑市行政服务审批中心'],
    phones: ['0371-69972161'],
  },
  {
    name: '荥阳分局',
    district: '荥阳市',
    addresses: ['荥阳市国泰路与福民路交叉口荥阳市社会保险局'],
    phones: ['0371-60257068'],
  },
  {
    name: '中牟分局',
    district: '中牟县',
    addresses: ['中牟县官渡大街西段中牟县社会保险局'],
    phones: ['0371-62181681'],
  },
  {
    name: '上街分局',
    district: '上街区',
    addresses: ['上街区新建街东段政务服务中心一楼'],
    phones: ['0371-85131366'],
  },
]
