import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PortalSubmissionDto } from '@govdesk/contracts';
import { formatDateTime } from '../requests/utils/dates';
import { useConfirmSubmission, usePendingSubmissions, useRejectSubmission } from './portal-submissions-api';

/** Online applications: confirming one registers it as a request received today (Art. 31). */
export function PortalSubmissionsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const pending = usePendingSubmissions(true);
  const confirm = useConfirmSubmission();
  const [rejecting, setRejecting] = useState<PortalSubmissionDto | null>(null);

  const doConfirm = async (s: PortalSubmissionDto) => {
    try {
      const detail = await confirm.mutateAsync(s.id);
      void message.success(t('portal.staff.confirmed', { receiptNo: detail.receiptNo }));
      void navigate(`/requests/${detail.id}`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('portal.staff.hint')}</Typography.Paragraph>
      <Table<PortalSubmissionDto>
        size="middle"
        rowKey="id"
        loading={pending.isLoading}
        dataSource={pending.data ?? []}
        pagination={false}
        data-testid="portal-submissions"
        onRow={(s) => ({ 'data-submission-receipt': s.receiptNo }) as HTMLAttributes<HTMLTableRowElement>}
        locale={{ emptyText: t('portal.staff.empty') }}
        columns={[
          { key: 'receipt', title: t('portal.staff.receiptNo'), dataIndex: 'receiptNo', width: 170 },
          { key: 'submitted', title: t('portal.staff.submittedAt'), width: 160, render: (_, s) => formatDateTime(s.submittedAt) },
          { key: 'unit', title: t('requests.queue.unit'), dataIndex: 'unitName', width: 140 },
          {
            key: 'applicant',
            title: t('requests.queue.applicant'),
            width: 180,
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                <span>{s.applicant.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`requests.applicantTypes.${s.applicant.type}`)} · {s.applicant.idNumber}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'description', title: t('requests.detail.description'), render: (_, s) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: s.description }} style={{ margin: 0 }}>{s.description}</Typography.Paragraph> },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_, s) => (
              <Space>
                <Popconfirm title={t('portal.staff.confirmTitle')} description={t('portal.staff.confirmHint')} onConfirm={() => doConfirm(s)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button type="primary" size="small" icon={<CheckOutlined />} loading={confirm.isPending && confirm.variables === s.id} data-testid="submission-confirm">
                    {t('portal.staff.confirm')}
                  </Button>
                </Popconfirm>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(s)} data-testid="submission-reject">
                  {t('portal.staff.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {rejecting && <RejectModal submission={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

function RejectModal({ submission, onClose }: { submission: PortalSubmissionDto; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useRejectSubmission();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await reject.mutateAsync({ id: submission.id, reason: reason.trim() });
      void message.success(t('portal.staff.rejected', { receiptNo: submission.receiptNo }));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal open title={t('portal.staff.rejectTitle', { receiptNo: submission.receiptNo })} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ danger: true, loading: reject.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('portal.staff.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('portal.staff.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
