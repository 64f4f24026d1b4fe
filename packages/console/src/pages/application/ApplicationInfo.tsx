/** The left column's read-only parts: the form as entered, the eligibility report, the history. */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons'
import { Card, Descriptions, Empty, Timeline, Typography } from 'antd'
import { CHSI_REPORT_CHECK_URL, FORM_FIELD_LABELS, formFieldFor, type EligibilityReport, type StaffApplicationDetail } from '@zhihui/core'
import { actorLabel, eventLabel, formatTime, formRows, formSections, statusLabel, type FieldRow } from './format'
import { ToneTag } from './tags'

export function FormCard({ detail }: { detail: StaffApplicationDetail }) {
  const sections = formSections(formRows(detail.facts, detail.details))
  return (
    <Card title={<h2 className='review-card-title'>填写信息</h2>} size='small'>
      {sections.length === 0 ? (
        <Empty description='申请人尚未填写有效的申请信息' image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        sections.map((section) => (
          <Descriptions
            key={section.id}
            className='review-form-section'
            title={<h3 className='review-subtitle'>{section.title}</h3>}
            size='small'
            column={2}
            items={section.rows.map((row) => ({ key: row.path, label: row.label, span: isLongToken(row.value) ? 2 : 1, children: <FieldValue row={row} /> }))}
          />
        ))
      )}
    </Card>
  )
}

/**
 * Certificate and verification numbers are long unbroken tokens: in half a row they wrapped a digit
 * onto the next line, which a reviewer comparing them with a photo misreads. They get the whole row.
 */
const isLongToken = (value: unknown): boolean => typeof value === 'string' && /^[A-Za-z0-9-]{14,}$/.test(value)

function FieldValue({ row }: { row: FieldRow }) {
  if (row.path !== 'details.chsiVerificationCode') return <>{row.value}</>
  return (
    <span>
      <Typography.Text code>{row.value}</Typography.Text>{' '}
      <Typography.Link href={CHSI_REPORT_CHECK_URL} target='_blank' rel='noopener noreferrer'>
        到学信网核验（新窗口）
      </Typography.Link>
    </span>
  )
}

const fieldLabel = (field: string | undefined): string | null => {
  if (!field) return null
  const key = formFieldFor(field)
  return key ? FORM_FIELD_LABELS[key] : null
}

export function EligibilityCard({ report }: { report: EligibilityReport | null }) {
  if (report === null) {
    return (
      <Card title={<h2 className='review-card-title'>资格审查</h2>} size='small'>
        <Typography.Text type='secondary'>信息不完整，尚无资格审查结果。</Typography.Text>
      </Card>
    )
  }
  return (
    <Card title={<h2 className='review-card-title'>资格审查</h2>} size='small' extra={<span className='review-muted'>适用 {report.policy} 年政策</span>}>
      {report.eligible ? (
        <div className='review-verdict review-verdict-ok'>
          <CheckCircleFilled aria-hidden='true' /> <strong>符合全部条件</strong>
          {report.subsidy ? <span>：每月 {report.subsidy.monthlyYuan} 元，共 {report.subsidy.months} 个月。</span> : null}
        </div>
      ) : (
        <>
          <div className='review-verdict review-verdict-bad'>
            <CloseCircleFilled aria-hidden='true' /> <strong>有 {report.unmet.length} 项条件未满足</strong>
          </div>
          <ul className='review-rule-list'>
            {report.unmet.map((rule) => (
              <li key={rule.code}>
                <div>
                  {fieldLabel(rule.field) ? <ToneTag tone='plain'>{fieldLabel(rule.field)}</ToneTag> : null}
                  <Typography.Text strong>{rule.message}</Typography.Text>
                </div>
                <div className='review-muted'>依据：{rule.source}</div>
                {rule.metFrom ? <div className='review-muted'>自 {rule.metFrom} 起满足</div> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.channel === 'window' ? (
        <div className='review-verdict review-verdict-warn'>
          <ExclamationCircleFilled aria-hidden='true' /> <strong>该申请人须到服务窗口办理</strong>
        </div>
      ) : null}
    </Card>
  )
}

export function HistoryCard({ detail }: { detail: StaffApplicationDetail }) {
  return (
    <Card title={<h2 className='review-card-title'>办理记录</h2>} size='small'>
      {detail.history.length === 0 ? (
        <Empty description='暂无办理记录' image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={detail.history.map((entry, i) => ({
            key: `${entry.at}-${i}`,
            color: entry.event === 'reject' || entry.event === 'object' ? 'red' : entry.event === 'approve' ? 'green' : 'blue',
            content: (
              <div>
                <div>
                  <Typography.Text strong>{eventLabel(entry)}</Typography.Text>
                  <span className='review-muted'>
                    {' '}
                    → {statusLabel(entry.status)}
                  </span>
                </div>
                <div className='review-muted'>
                  {actorLabel(entry)} · {formatTime(entry.at)}
                </div>
                {entry.note ? <div>备注：{entry.note}</div> : null}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  )
}
