/** The arrangement of the offline service: when, where, who, and the serving person's phone. */
import { useMutation } from '@tanstack/react-query'
import type { StaffTalentRequest } from '@zhihui/core'
import { App as AntApp, DatePicker, Form, Input, Modal } from 'antd'
import dayjs from 'dayjs'
import { arrangeTalentRequest } from '../../api/talent'
import { isApiError } from '../../api/client'
import { arrangeFieldError, arrangementBody, WHEN_FORMAT, type ArrangeField, type ArrangeValues } from './arrange-rules'

interface Props {
  request: StaffTalentRequest | null
  onClose: () => void
  onDone: () => void
}

export function ArrangeDialog({ request, onClose, onDone }: Props) {
  const [form] = Form.useForm<ArrangeValues>()
  const { message } = AntApp.useApp()
  const mutation = useMutation({
    mutationFn: (values: ArrangeValues) => arrangeTalentRequest((request as StaffTalentRequest).requestId, arrangementBody(values)),
    onSuccess: () => {
      void message.success('已安排线下服务，已短信通知人才。')
      form.resetFields()
      onDone()
    },
    onError: (error) => {
      if (isApiError(error) && error.field && ['when', 'where', 'who', 'phone'].includes(error.field)) {
        form.setFields([{ name: error.field as ArrangeField, errors: [error.message] }])
      } else {
        void message.error(isApiError(error) ? error.message : '保存失败，请重试。')
      }
    },
  })
  const check = (field: ArrangeField) => ({
    validator: async () => {
      const error = arrangeFieldError(field, form.getFieldsValue(true) as ArrangeValues, dayjs())
      if (error !== undefined) throw new Error(error)
    },
  })

  return (
    <Modal
      open={request !== null}
      title={request ? `安排线下服务：${request.talent.name} · ${request.serviceLabel}` : '安排线下服务'}
      okText="保存安排"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields()
        onClose()
      }}
      forceRender
    >
      <Form<ArrangeValues> form={form} name="talent-arrange" layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item label="服务时间" name="when" required rules={[check('when')]}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={WHEN_FORMAT}
            placeholder="选择日期和时间"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item label="服务地点" name="where" required rules={[check('where')]}>
          <Input maxLength={100} placeholder="如：郑州市教育局二楼人才服务室" />
        </Form.Item>
        <Form.Item label="服务人员" name="who" required rules={[check('who')]}>
          <Input maxLength={100} placeholder="负责这次服务的人员姓名" />
        </Form.Item>
        <Form.Item label="联系电话" name="phone" rules={[check('phone')]} extra="可不填；不填时人才看到人才服务窗口的电话">
          <Input maxLength={20} inputMode="tel" placeholder="如：0371-67180000" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
