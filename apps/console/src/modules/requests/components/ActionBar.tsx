import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestAction } from '@govdesk/domain';

/** The actions that move a request on; the first of these available is the primary button. */
const FORWARD: readonly RequestAction[] = [
  'receive_correction',
  'end_consultation',
  'approve_extension',
  'approve_reply',
  'send_reply',
  'archive',
  'accept',
  'draft_reply',
  'start_review',
];
const DANGER: readonly RequestAction[] = ['withdraw', 'abandon'];

export function ActionBar({ actions, onAction }: { actions: RequestAction[]; onAction(action: RequestAction): void }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <Typography.Text type="secondary">{t('requests.detail.noActions')}</Typography.Text>;
  const primary = FORWARD.find((a) => actions.includes(a));
  return (
    <Space wrap data-testid="request-actions">
      {actions.map((a) => (
        <Button
          key={a}
          type={a === primary ? 'primary' : 'default'}
          danger={DANGER.includes(a)}
          onClick={() => onAction(a)}
          data-testid={`action-${a}`}
        >
          {t(`requests.actions.${a}`)}
        </Button>
      ))}
    </Space>
  );
}
