/**
 * Step 1 of window intake: the applicant's name, ID number (checked as typed with core's
 * parseIdNumber) and social-security card number. The server checks the three against the
 * registry: a mismatch names the item(s) on the form; a person who already has an active
 * application (online or at any window) is shown which and where, and nothing is created.
 */
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd'
import { parseCardNumber, parseIdNumber, parseName, type CardItem, type ExistingApplication } from '@zhihui/core'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { createIntake, intakeProblem, type IntakeProblem } from '../../api/window-intake'
import { CHANNEL_LABELS } from '../../labels'
import { useStaff } from '../../session'
import { today } from './intake'

interface Identity {
  name: string
  idNumber: string
  cardNumber: string
}

export const CARD_ITEM_LABELS: Record<CardItem, string> = { name: '姓名', idNumber: '身份证号', cardNumber: '社会保障卡卡号' }

/** A core parser as an antd rule: empty is left to `required`. */
const parsedBy = (parse: (text: string) => { ok: boolean; error?: { message: string } }) => ({
  validator: async (_: unknown, value: string | undefined) => {
    if (value === undefined || value.trim() === '') return
    const result = parse(value)
    if (!result.ok) throw new Error(result.error?.message ?? '格式不正确')
  },
})

export function StartIntake() {
  const [form] = Form.useForm<Identity>()
  const navigate = useNavigate()
  const staff = useStaff()
  const [problem, setProblem] = useState<IntakeProblem | null>(null)

  const create = useMutation({
    mutationFn: (identity: Identity) => createIntake({ name: identity.name.trim(), idNumber: identity.idNumber.trim(), cardNumber: identity.cardNumber.trim() }),
    onSuccess: (created) => navigate(`/window-intake/${encodeURIComponent(created.applicationNo)}`),
    onError: (error) => {
      const found = intakeProblem(error)
      setProblem(found)
      if (found.mismatch !== undefined && found.mismatch.length > 0) {
        form.setFields(found.mismatch.map((item) => ({ name: item, errors: [`${CARD_ITEM_LABELS[item]}与社保登记信息不符，请对照原件核对`] })))
      }
      for (const e of found.mismatch === undefined ? (found.errors ?? []) : []) {
        if (e.field === 'name' || e.field === 'idNumber' || e.field === 'cardNumber') form.setFields([{ name: e.field, errors: [e.message] }])
      }
    },
  })

  return (
    <Card title='受理新申请：核验申请人身份' className='intake-card'>
      <Form<Identity>
        form={form}
        name='intake'
        layout='vertical'
        style={{ maxWidth: 520 }}
        onValuesChange={() => problem !== null && setProblem(null)}
        onFinish={(identity) => {
          setProblem(null)
          create.mutate(identity)
        }}
      >
        <Form.Item name='name' label='姓名' rules={[{ required: true, whitespace: true, message: '请填写申请人姓名' }, parsedBy(parseName)]} validateTrigger={['onChange', 'onBlur']}>
          <Input autoComplete='off' maxLength={30} />
        </Form.Item>
        <Form.Item
          name='idNumber'
          label='身份证号'
          rules={[{ required: true, whitespace: true, message: '请填写18位身份证号码' }, parsedBy((text) => parseIdNumber(text, { today: today() }))]}
          extra='按身份证原件录入，录入时即核对位数、出生日期和校验位'
        >
          <Input autoComplete='off' maxLength={20} />
        </Form.Item>
        <Form.Item name='cardNumber' label='社会保障卡卡号' rules={[{ required: true, whitespace: true, message: '请填写社会保障卡卡号' }, parsedBy(parseCardNumber)]}>
          <Input autoComplete='off' maxLength={20} />
        </Form.Item>
        {problem !== null ? <ProblemAlert problem={problem} district={staff.district} /> : null}
        <Button type='primary' htmlType='submit' loading={create.isPending}>
          核验并开始受理
        </Button>
      </Form>
    </Card>
  )
}

function ProblemAlert({ problem, district }: { problem: IntakeProblem; district: string | undefined }) {
  if (problem.existing !== undefined) return <ExistingAlert existing={problem.existing} message={problem.message} district={district} />
  const mismatch = problem.mismatch
  return (
    <Alert
      type='error'
      showIcon
      role='alert'
      style={{ marginBottom: 16 }}
      title={mismatch !== undefined ? (mismatch.length > 0 ? `核验不一致：${mismatch.map((m) => CARD_ITEM_LABELS[m]).join('、')}` : '核验不一致') : '未能受理'}
      description={problem.message}
    />
  )
}

/** 409 ACTIVE_APPLICATION: the application already there, and where. Nothing was created. */
export function ExistingAlert({ existing, message, district }: { existing: ExistingApplication; message: string; district: string | undefined }) {
  const ours = existing.channel === 'window' && existing.applicationNo !== null && existing.window?.district === district
  return (
    <Alert
      type='warning'
      showIcon
      role='alert'
      style={{ marginBottom: 16 }}
      title='该申请人已有申请，本次未受理'
      description={
        <>
          <p style={{ margin: '0 0 8px' }}>{message}</p>
          <Descriptions size='small' column={1} bordered>
            <Descriptions.Item label='申请编号'>{existing.applicationNo ?? '线上草稿（尚未提交，无编号）'}</Descriptions.Item>
            <Descriptions.Item label='办理渠道'>{CHANNEL_LABELS[existing.channel] ?? existing.channel}</Descriptions.Item>
            <Descriptions.Item label='状态'>{existing.statusLabel}</Descriptions.Item>
            <Descriptions.Item label='办理地点'>{existing.where}</Descriptions.Item>
          </Descriptions>
          {ours ? (
            <p style={{ margin: '8px 0 0' }}>
              <Link to={`/window-intake/${encodeURIComponent(existing.applicationNo ?? '')}`}>继续办理这份申请</Link>
            </p>
          ) : null}
        </>
      }
    />
  )
}
