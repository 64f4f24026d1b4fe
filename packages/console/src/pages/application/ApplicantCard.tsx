/**
 * The registry's answer for the bound card, with the ID and card numbers masked. "查看完整号码"
 * asks the server (audited `number-reveal`); the full number stays on screen until the page is
 * left (it lives in this component's state only, never in the query cache).
 */
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Typography } from 'antd'
import { useState } from 'react'
import type { RevealResponse, StaffApplicationDetail } from '@zhihui/core'
import { revealNumber } from '../../api/applications'
import { formatTime } from './format'
import { ToneTag } from './tags'

type NumberField = RevealResponse['field']

const FIELD_NAMES: Record<NumberField, string> = { idNumber: '身份证号码', cardNumber: '社会保障卡号' }

export function ApplicantCard({ detail, canReveal }: { detail: StaffApplicationDetail; canReveal: boolean }) {
  const applicant = detail.applicant
  const [revealed, setRevealed] = useState<Partial<Record<NumberField, string>>>({})
  const reveal = useMutation({
    mutationFn: (field: NumberField) => revealNumber(detail.applicationNo, field),
    onSuccess: (answer) => setRevealed((prev) => ({ ...prev, [answer.field]: answer.value })),
  })

  if (applicant === null) {
    return (
      <Card title={<h2 className='review-card-title'>申请人与社保卡核验</h2>} size='small'>
        <Typography.Text type='secondary'>该申请尚未绑定社会保障卡，没有核验结果。</Typography.Text>
      </Card>
    )
  }

  const numberItem = (field: NumberField, masked: string) => ({
    key: field,
    label: FIELD_NAMES[field],
    children: (
      <span className='review-number'>
        <Typography.Text code copyable={revealed[field] !== undefined ? { text: revealed[field] } : false}>
          {revealed[field] ?? masked}
        </Typography.Text>
        {revealed[field] === undefined && canReveal ? (
          <Button
            size='small'
            type='link'
            aria-label={`查看完整号码（${FIELD_NAMES[field]}）`}
            loading={reveal.isPending && reveal.variables === field}
            onClick={() => reveal.mutate(field)}
          >
            查看完整号码
          </Button>
        ) : null}
        {revealed[field] !== undefined ? <ToneTag tone='warn'>已显示完整号码（已记录）</ToneTag> : null}
      </span>
    ),
  })

  return (
    <Card title={<h2 className='review-card-title'>申请人与社保卡核验</h2>} size='small' extra={<span className='review-muted'>核验时间 {formatTime(applicant.verifiedAt)}</span>}>
      {reveal.isError ? (
        <Alert type='error' showIcon title={reveal.error.message} style={{ marginBottom: 12 }} closable={{ onClose: () => reveal.reset() }} />
      ) : null}
      <Descriptions
        size='small'
        column={2}
        items={[
          { key: 'name', label: '姓名', children: applicant.name },
          numberItem('idNumber', applicant.idNumberMasked),
          numberItem('cardNumber', applicant.cardNumberMasked),
          { key: 'issued', label: '社会保障卡', children: yesNo(applicant.cardIssued, '已发卡', '未发卡') },
          { key: 'account', label: '金融账户', children: yesNo(applicant.financialAccountActive, '已激活', '未激活') },
          { key: 'pension', label: '郑州养老保险缴费', children: `${applicant.pensionMonths} 个月` },
        ]}
      />
    </Card>
  )
}

function yesNo(ok: boolean, yes: string, no: string) {
  return <ToneTag tone={ok ? 'good' : 'bad'}>{ok ? yes : no}</ToneTag>
}
