import { CheckCircleTwoTone, CloseCircleTwoTone, LoadingOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDto } from '@govdesk/contracts';
import type { RequestStatus } from '@govdesk/domain';
import { postTransition, requestKeys, useUnitHandlers } from '../hooks/requests-api';

/** Statuses from which "accept" (受理, with a handler) may run. */
export const ASSIGNABLE = ['registered', 'reviewing'] as const;

type RowResult = { state: 'pending' | 'running' } | { state: 'ok'; status: RequestStatus } | { state: 'error'; message: string };

interface Props {
  requests: RequestDto[];
  open: boolean;
  onClose(done: boolean): void;
}

/** Accepts each selected request with one handler, one call per request, showing each result. */
export function BulkAssignModal({ requests, open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const unitIds = [...new Set(requests.map((r) => r.unitId))];
  const unitId = unitIds.length === 1 ? unitIds[0] : null;
  const handlers = useUnitHandlers(unitId);
  const [handlerId, setHandlerId] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, RowResult>>({});
  const [running, setRunning] = useState(false);
  const finished = Object.keys(results).length > 0 && !running;
  const okCount = Object.values(results).filter((r) => r.state === 'ok').length;
  const failedCount = Object.values(results).filter((r) => r.state === 'error').length;

  const run = async () => {
    if (!handlerId) return;
    setRunning(true);
    setResults(Object.fromEntries(requests.map((r) => [r.id, { state: 'pending' }])));
    for (const r of requests) {
      setResults((prev) => ({ ...prev, [r.id]: { state: 'running' } }));
      try {
        await queryClient.cancelQueries({ queryKey: requestKeys.detail(r.id) });
        const detail = await postTransition(r.id, { action: 'accept', version: r.version, handlerId });
        queryClient.setQueryData(requestKeys.detail(r.id), detail);
        setResults((prev) => ({ ...prev, [r.id]: { state: 'ok', status: detail.status } }));
      } catch (e) {
        setResults((prev) => ({ ...prev, [r.id]: { state: 'error', message: (e as Error).message } }));
      }
    }
    setRunning(false);
    await queryClient.invalidateQueries({ queryKey: requestKeys.lists });
  };

  const close = () => {
    if (running) return;
    const done = finished;
    setResults({});
    setHandlerId(null);
    onClose(done);
  };

  const icon = (r: RowResult | undefined) => {
    switch (r?.state) {
      case 'running':
        return <LoadingOutlined />;
      case 'ok':
        return <CheckCircleTwoTone twoToneColor="#52c41a" />;
      case 'error':
        return <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
      default:
        return <MinusCircleOutlined style={{ color: '#bfbfbf' }} />;
    }
  };

  return (
    <Modal
      open={open}
      title={t('requests.bulk.title')}
      okText={finished ? t('common.close') : t('requests.bulk.run')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined, disabled: running }}
      okButtonProps={{ disabled: !finished && (!handlerId || !unitId), loading: running }}
      onOk={() => (finished ? close() : void run())}
      onCancel={close}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('requests.bulk.hint')}</Typography.Paragraph>
      {!unitId && requests.length > 0 && <Alert type="error" showIcon title={t('requests.bulk.sameUnit')} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('requests.bulk.handler')} required>
          <Select<string>
            autoFocus
            value={handlerId ?? undefined}
            onChange={setHandlerId}
            disabled={!unitId || running || finished}
            loading={handlers.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(handlers.data ?? []).map((m) => ({ value: m.id, label: m.displayName }))}
            data-testid="bulk-assign-handler"
          />
        </Form.Item>
      </Form>
      <Table<RequestDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={requests}
        data-testid="bulk-assign-results"
        columns={[
          { title: t('requests.queue.receiptNo'), dataIndex: 'receiptNo' },
          { title: t('requests.queue.applicant'), key: 'applicant', render: (_, r) => r.applicant.name },
          {
            title: t('requests.queue.status'),
            key: 'status',
            render: (_, r) => {
              const result = results[r.id];
              return t(`requests.status.${result?.state === 'ok' ? result.status : r.status}`);
            },
          },
          {
            title: t('requests.bulk.result'),
            key: 'result',
            render: (_, r) => {
              const result = results[r.id];
              return (
                <span data-testid="bulk-assign-result" data-state={result?.state ?? 'idle'}>
                  {icon(result)}{' '}
                  {result?.state === 'ok' && t('requests.bulk.ok')}
                  {result?.state === 'error' && <Typography.Text type="danger">{result.message}</Typography.Text>}
                  {result?.state === 'running' && t('requests.bulk.running')}
                  {result?.state === 'pending' && t('requests.bulk.pending')}
                </span>
              );
            },
          },
        ]}
      />
      {finished && (
        <Alert
          style={{ marginTop: 16 }}
          type={failedCount ? 'warning' : 'success'}
          showIcon
          title={t('requests.bulk.done', { ok: okCount, failed: failedCount })}
        />
      )}
    </Modal>
  );
}
