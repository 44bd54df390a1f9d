import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SourceWithKeyDto } from '@govdesk/contracts';

/** The source's API key, the one time it is shown: copy it now, it cannot be seen again. */
export function ApiKeyModal({ created, onClose }: { created: SourceWithKeyDto & { apiKey: string }; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('opinionAdmin.sources.keyTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-done">
          {t('opinionAdmin.sources.keySaved')}
        </Button>
      }
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('opinionAdmin.sources.keyWarning')} />
        <Typography.Text type="secondary">{t('opinionAdmin.sources.keyFor', { name: created.source.name })}</Typography.Text>
        <Typography.Paragraph
          copyable={{ text: created.apiKey, tooltips: [t('common.copy'), t('common.copied')] }}
          code
          style={{ fontSize: 16, wordBreak: 'break-all', marginBottom: 0 }}
          data-testid="api-key"
        >
          {created.apiKey}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('opinionAdmin.sources.keyUsage')} <Typography.Text code>POST /api/opinion/mentions</Typography.Text> <Typography.Text code>X-Api-Key</Typography.Text>
        </Typography.Text>
      </Space>
    </Modal>
  );
}
