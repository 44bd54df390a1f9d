import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { SOURCE_KINDS, type SourceDto, type SourceRequest, type SourceWithKeyDto } from '@govdesk/contracts';
import { MENTION_CHANNELS } from '@govdesk/domain';
import { fieldErrorsOf } from '../../../api/client';
import { useLocalLabels } from '../../hotspots/utils/format';
import { useSaveSource } from '../hooks/sources-api';

interface Props {
  /** null: a new source. */
  source: SourceDto | null;
  onClose(): void;
  /** After creating: the source with its key (shown once). */
  onCreated(created: SourceWithKeyDto): void;
}

/** Creates or edits a source: an API that pushes mentions with a key, or an RSS/Atom feed polled every few minutes. */
export function SourceModal({ source, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLocalLabels();
  const [form] = Form.useForm<SourceRequest>();
  const save = useSaveSource();
  const kind = Form.useWatch('kind', form);

  const submit = async (values: SourceRequest) => {
    const body: SourceRequest = {
      name: values.name.trim(),
      kind: values.kind,
      channel: values.channel,
      // Fields hidden for an API source keep their stored (or default) values.
      pollMinutes: values.pollMinutes ?? source?.pollMinutes ?? 10,
      enabled: values.enabled ?? true,
      ...(values.kind === 'rss' ? { feedUrl: values.feedUrl?.trim() } : {}),
    };
    try {
      const saved = await save.mutateAsync({ id: source?.id ?? null, body });
      void message.success(t('common.saved'));
      onClose();
      if (!source) onCreated(saved);
    } catch (e) {
      const fields = fieldErrorsOf(e).filter((f) => ['name', 'kind', 'channel', 'feedUrl', 'pollMinutes', 'enabled'].includes(f.field));
      form.setFields(fields.map((f) => ({ name: f.field as keyof SourceRequest, errors: [f.message] })));
      void message.error((e as Error).message);
    }
  };

  const initial: SourceRequest = source
    ? { name: source.name, kind: source.kind, channel: source.channel, feedUrl: source.feedUrl ?? undefined, pollMinutes: source.pollMinutes, enabled: source.enabled }
    : { name: '', kind: 'api', channel: 'message_board', pollMinutes: 10, enabled: true };

  return (
    <Modal
      open
      title={source ? t('opinionAdmin.sources.editTitle') : t('opinionAdmin.sources.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'source-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SourceRequest> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('opinionAdmin.sources.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="source-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('opinionAdmin.sources.kind')} extra={t(`opinionAdmin.sources.kindHints.${kind ?? 'api'}`)}>
          <Radio.Group options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`opinionAdmin.sources.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('opinionAdmin.sources.channel')} rules={[{ required: true }]}>
          <Select options={MENTION_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))} />
        </Form.Item>
        {kind === 'rss' && (
          <>
            <Form.Item
              name="feedUrl"
              label={t('opinionAdmin.sources.feedUrl')}
              rules={[
                { required: true, message: t('opinionAdmin.sources.feedUrlRequired') },
                { pattern: /^https?:\/\/\S+$/i, message: t('opinionAdmin.sources.feedUrlInvalid') },
              ]}
            >
              <Input placeholder="https://" maxLength={2000} data-testid="source-feed-url" />
            </Form.Item>
            <Form.Item name="pollMinutes" label={t('opinionAdmin.sources.pollMinutes')} rules={[{ required: true }]}>
              <InputNumber<number> min={1} max={1440} precision={0} suffix={t('opinionAdmin.sources.minutes')} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="enabled" label={t('opinionAdmin.sources.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
