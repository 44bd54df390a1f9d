import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UrgeRequest } from '@govdesk/contracts';
import { useUrge } from '../hooks/request-extras-api';

/** The supervisor presses the handler (or the whole unit) about a request; it arrives live. */
export function UrgeModal({ requestId, hasHandler, onClose }: { requestId: string; hasHandler: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UrgeRequest>();
  const urge = useUrge(requestId);

  const submit = async (values: UrgeRequest) => {
    try {
      const sent = await urge.mutateAsync(values);
      void message.success(t('requests.urge.sent', { count: sent.recipients.length }));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title={t('requests.urge.title')}
      okText={t('requests.urge.submit')}
      okButtonProps={{ loading: urge.isPending, 'data-testid': 'urge-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ target: hasHandler ? 'handler' : 'unit', message: '' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="target" label={t('requests.urge.target')}>
          <Radio.Group
            options={[
              { value: 'handler', label: t('requests.urge.targets.handler'), disabled: !hasHandler },
              { value: 'unit', label: t('requests.urge.targets.unit') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="message"
          label={t('requests.urge.message')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('requests.urge.messageRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('requests.urge.placeholder')} data-testid="urge-message" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
