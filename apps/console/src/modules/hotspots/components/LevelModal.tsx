import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { HOTSPOT_LEVELS, type HotspotLevel } from '@govdesk/domain';
import { useSetLevel } from '../hooks/hotspots-api';
import { useLocalLabels } from '../utils/format';

/** 0 in the form stands for "back to the rules" (level null). */
interface LevelForm {
  level: HotspotLevel | 0;
  reason: string;
}

/** A monitor sets the level by hand (with a reason), or hands it back to the level rules. */
export function LevelModal({ hotspot, onClose }: { hotspot: HotspotDetailDto; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLocalLabels();
  const [form] = Form.useForm<LevelForm>();
  const setLevel = useSetLevel(hotspot.id);

  const submit = async (values: LevelForm) => {
    try {
      await setLevel.mutateAsync({ level: values.level === 0 ? null : values.level, reason: values.reason.trim() });
      void message.success(t('hotspots.level.done'));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title={t('hotspots.level.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: setLevel.isPending, 'data-testid': 'level-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<LevelForm>
        form={form}
        layout="vertical"
        initialValues={{ level: hotspot.level ?? 0, reason: '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="level" label={t('hotspots.level.level')} extra={hotspot.levelReason ? t('hotspots.level.current', { reason: hotspot.levelReason }) : undefined}>
          <Radio.Group data-testid="level-choice">
            {HOTSPOT_LEVELS.map((l) => (
              <Radio.Button key={l} value={l}>
                {labels.level(l)}
              </Radio.Button>
            ))}
            <Radio.Button value={0}>{t('hotspots.level.rules')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hotspots.level.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('hotspots.level.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('hotspots.level.reasonPlaceholder')} data-testid="level-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
