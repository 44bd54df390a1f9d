import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PortalStatusDto } from '@govdesk/contracts';
import { formatDateTime } from '../requests/utils/dates';
import { fetchPortalStatus, publicErrorMessage } from './public-api';

/** The applicant's status page: receipt number and query code in, status and due date out. */
export function PortalStatusPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<PortalStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const query = async (v: { receiptNo: string; queryCode: string }) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await fetchPortalStatus(v.receiptNo, v.queryCode));
    } catch (e) {
      setStatus(null);
      setError(publicErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const label = (s: PortalStatusDto) =>
    s.status === 'submitted' ? t('portal.submittedStatus') : s.status === 'rejected' ? t('portal.rejectedStatus') : t(`requests.status.${s.status}`);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('portal.statusTitle')}>
        <Typography.Paragraph type="secondary">{t('portal.statusHint')}</Typography.Paragraph>
        <Form layout="inline" initialValues={{ receiptNo: params.get('receiptNo') ?? '', queryCode: '' }} onFinish={(v: { receiptNo: string; queryCode: string }) => void query(v)}>
          <Form.Item name="receiptNo" label={t('portal.receiptNo')} rules={[{ required: true, whitespace: true, message: t('portal.required', { field: t('portal.receiptNo') }) }]}>
            <Input style={{ width: 220 }} data-testid="status-receipt-no" />
          </Form.Item>
          <Form.Item name="queryCode" label={t('portal.queryCode')} rules={[{ required: true, whitespace: true, message: t('portal.required', { field: t('portal.queryCode') }) }]}>
            <Input style={{ width: 160 }} data-testid="status-query-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="status-submit">
            {t('portal.query')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="status-error" />}
      {status && (
        <Card data-testid="portal-status">
          <Descriptions
            bordered
            column={1}
            items={[
              { key: 'receipt', label: t('portal.receiptNo'), children: status.receiptNo },
              { key: 'unit', label: t('portal.unitName'), children: status.unitName },
              {
                key: 'status',
                label: t('portal.statusLabel'),
                children: (
                  <Tag color={status.status === 'submitted' ? 'gold' : status.status === 'rejected' ? 'red' : 'blue'} data-testid="portal-status-label" data-status={status.status}>
                    {label(status)}
                  </Tag>
                ),
              },
              { key: 'submitted', label: t('portal.submittedAt'), children: formatDateTime(status.submittedAt) },
              ...(status.receivedOn ? [{ key: 'received', label: t('portal.receivedOn'), children: status.receivedOn }] : []),
              ...(status.dueDate
                ? [
                    {
                      key: 'due',
                      label: t('portal.dueDate'),
                      children: (
                        <span data-testid="portal-due-date" data-due-date={status.dueDate}>
                          <Typography.Text strong>{status.dueDate}</Typography.Text> {status.provisional && <Typography.Text type="secondary">{t('portal.provisional')}</Typography.Text>}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {status.status === 'submitted' && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('portal.submittedExplain')} />}
        </Card>
      )}
    </Space>
  );
}
