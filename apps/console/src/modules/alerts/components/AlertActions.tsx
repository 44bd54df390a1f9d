import { CheckOutlined, FileDoneOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertDto } from '@govdesk/contracts';
import { useAlertAction, type AlertAction } from '../hooks/alerts-api';
import { AssignButton } from './AssignButton';
import { RespondModal } from './RespondModal';

/** 确认 (one click), 指派 (pick a unit), 记录回应 (a small form), 办结 (confirmed): the card updates from the API's answer. */
export function AlertActions({ alert }: { alert: AlertDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useAlertAction();
  const [responding, setResponding] = useState(false);
  const busy = (kind: AlertAction['kind']) => action.isPending && action.variables.kind === kind;

  const run = (a: AlertAction, done: string) =>
    action.mutate(a, {
      onSuccess: () => void message.success(done),
      onError: (e) => void message.error(e.message),
    });

  return (
    <Flex gap={8} wrap>
      {alert.status === 'open' && (
        <Button type="primary" danger size="small" icon={<CheckOutlined />} loading={busy('ack')} onClick={() => run({ id: alert.id, kind: 'ack' }, t('alerts.actions.acked'))} data-testid="alert-ack">
          {t('alerts.actions.ack')}
        </Button>
      )}
      <AssignButton alert={alert} loading={busy('assign')} onAssign={(unitId, unit) => run({ id: alert.id, kind: 'assign', unitId }, t('alerts.actions.assigned', { unit }))} />
      <Button size="small" icon={<SoundOutlined />} onClick={() => setResponding(true)} data-testid="alert-respond">
        {t('alerts.actions.respond')}
      </Button>
      <Popconfirm title={t('alerts.actions.resolveConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => run({ id: alert.id, kind: 'resolve' }, t('alerts.actions.resolved'))}>
        <Button size="small" icon={<FileDoneOutlined />} loading={busy('resolve')} data-testid="alert-resolve">
          {t('alerts.actions.resolve')}
        </Button>
      </Popconfirm>
      {responding && <RespondModal alert={alert} onClose={() => setResponding(false)} />}
    </Flex>
  );
}
