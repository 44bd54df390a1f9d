import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertDto } from '@govdesk/contracts';
import { isWebUrl } from '../../hotspots/utils/format';
import { useAlertAction } from '../hooks/alerts-api';

interface RespondForm {
  text?: string;
  url?: string;
}

/** 记录回应: the published response's text or its link (one of them); recording it stops the response clocks. */
export function RespondModal({ alert, onClose }: { alert: AlertDto; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RespondForm>();
  const respond = useAlertAction();

  const submit = async ({ text, url }: RespondForm) => {
    try {
      await respond.mutateAsync({ id: alert.id, kind: 'respond', ...(text?.trim() ? { text: text.trim() } : {}), ...(url?.trim() ? { url: url.trim() } : {}) });
      void message.success(t('alerts.actions.responded'));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const filled = (name: keyof RespondForm) => !!(form.getFieldValue(name) as string | undefined)?.trim();
  const eitherOne = () => ({
    validator: () => (filled('text') || filled('url') ? Promise.resolve() : Promise.reject(new Error(t('alerts.respond.required')))),
  });

  return (
    <Modal
      open
      title={`${t('alerts.respond.title')} · ${alert.hotspotTitle}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: respond.isPending, 'data-testid': 'respond-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RespondForm> form={form} layout="vertical" initialValues={{ text: alert.responseText ?? '', url: alert.responseUrl ?? '' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="text" label={t('alerts.respond.text')} dependencies={['url']} rules={[eitherOne]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('alerts.respond.textPlaceholder')} data-testid="respond-text" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('alerts.respond.url')}
          rules={[{ validator: (_, v?: string) => (!v?.trim() || isWebUrl(v) ? Promise.resolve() : Promise.reject(new Error(t('alerts.respond.urlInvalid')))) }]}
        >
          <Input placeholder={t('alerts.respond.urlPlaceholder')} maxLength={2000} data-testid="respond-url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
