/**
 * The talent service windows (人才服务窗口) where the living subsidy can be applied for in
 * person, and where the housing subsidy is applied for outside the five central districts.
 * Source: the seed's table 市人社局及各地人才服务窗口地址和服务电话, rows in its order, each field as
 * printed after 窗口地址: / 窗口数量: / 窗口电话: (one `row` per line of the table).
 *
 * The city bureau's own window (市人社局) sits in 中原区 and serves applicants from everywhere;
 * the other fifteen serve their own district, county or city. Applicants may pick whichever is
 * nearest [seed, 四(三)].
 */
import type { District, TalentWindow } from '../types'

/** A district's own window: the unit the seed names is the district it serves. */
function row(district: District, address: string, windows: number, phone: string): TalentWindow {
  return { unit: district, district, cityLevel: false, address, windows, phone }
}

export const TALENT_WINDOWS: readonly TalentWindow[] = [
  {
    unit: '市人社局',
    district: '中原区',
    cityLevel: true,
    address: '中原区陇海西路169号人才大厦2楼办事大厅',
    windows: 4,
    phone: '0371-67178906',
  },
  row('航空港区', '航空港实验区迎宾大道行政审批大厅1楼37/38/38A号窗口', 3, '0371-86198386'),
  row('郑东新区', '郑东新区熊儿河路众旺路交叉口郑东新区行政审批办事服务大厅1楼C01-03号窗口', 3, '0371-67179155'),
  row('高新区', '高新区国槐街8号火炬大厦B座2楼政务服务大厅28~32号窗口', 5, '0371-67127007'),
  row('经开区', '经开区经北二路第四大街人力资源市场大厅1楼南侧5~8号窗口', 4, '0371-67127800'),
  row('新密市', '新密市西大街西段203号政务服务中心1楼大厅', 4, '0371-69233122'),
  row('荥阳市', '荥阳市飞龙路与中原西路交叉口西北角荥阳市政务服务中心二楼西人才专窗1~4号', 4, '0371-60250339'),
  row('登封市', '登封市少林大道136号行政服务中心2楼东人才专窗', 5, '0371-62852099'),
  row('新郑市', '新郑市北区文化路与中兴路交叉口新郑市行政审批服务大厅2楼B2区', 6, '0371-63205518'),
  row('中牟县', '中牟县商都路房地产交易中心政务服务大厅1楼8~13号窗口', 6, '0371-62181889'),
  row('金水区', '金水区东风路与花园路政务服务中心1楼大厅', 7, '0371-55560790'),
  row('二七区', '二七区赣江路与行云路交叉口行政服务大厅3楼1-10号窗口', 10, '0371-63066358'),
  row('中原区', '中原区百花路友爱路交叉口政务服务中心(一楼2-5号窗口,二楼1-4号、10号窗口,三楼301室5个窗口)', 14, '0371-67936718'),
  row('管城回族区', '管城区塔湾路政务服务中心2楼1-5窗口', 5, '0371-66689883'),
  row('惠济区', '惠济区新城路与天河路口行政服务中心1楼B区(人才服务中心)1-7号窗口', 7, '0371-63639267'),
  row('上街区', '上街区新建街政务服务中心一楼8,9窗口,二楼11,12窗口', 4, '0371-56507005'),
]
