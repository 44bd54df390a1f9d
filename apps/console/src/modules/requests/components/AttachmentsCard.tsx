import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentDto } from '@govdesk/contracts';
import { hasAnyRole } from '@govdesk/domain';
import { downloadFile } from '../../../api/files';
import { useAuth } from '../../../auth/auth-context';
import { extraKeys, uploadAttachment, useAttachments } from '../hooks/request-extras-api';
import { ATTACHMENT_ACCEPT, checkAttachment, formatBytes } from '../utils/attachments';
import { formatDateTime } from '../utils/dates';

/** Scans received and documents sent: list, download and upload (handlers and supervisors). */
export function AttachmentsCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const attachments = useAttachments(requestId);
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [uploading, setUploading] = useState(false);
  const canUpload = !!user && hasAnyRole(user, ['handler', 'supervisor']);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const problem = checkAttachment(file.name, file.size);
    if (problem) {
      void message.error(t(`requests.attachments.${problem}`, { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    setUploading(true);
    uploadAttachment(requestId, file as File, direction)
      .then(async (created) => {
        onSuccess?.(created);
        void message.success(t('requests.attachments.uploaded', { name: created.fileName }));
        await queryClient.invalidateQueries({ queryKey: extraKeys.attachments(requestId) });
      })
      .catch((e: Error) => {
        onError?.(e);
        void message.error(e.message);
      })
      .finally(() => setUploading(false));
  };

  const download = (a: AttachmentDto) => {
    downloadFile(`/requests/${requestId}/attachments/${a.id}`, a.fileName).catch((e: Error) => void message.error(e.message));
  };

  return (
    <Card
      size="small"
      title={t('requests.attachments.title')}
      data-testid="attachments-card"
      extra={
        canUpload && (
          <Space>
            <Segmented<'in' | 'out'>
              size="small"
              value={direction}
              onChange={setDirection}
              options={[
                { value: 'in', label: t('requests.attachments.directions.in') },
                { value: 'out', label: t('requests.attachments.directions.out') },
              ]}
              data-testid="attachment-direction"
            />
            <Upload accept={ATTACHMENT_ACCEPT} showUploadList={false} beforeUpload={beforeUpload} customRequest={customRequest} data-testid="attachment-upload">
              <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload-button">
                {t('requests.attachments.upload')}
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      <Table<AttachmentDto>
        size="small"
        rowKey="id"
        loading={attachments.isLoading}
        dataSource={attachments.data ?? []}
        pagination={false}
        locale={{ emptyText: t('requests.attachments.empty') }}
        columns={[
          {
            key: 'direction',
            title: t('requests.attachments.direction'),
            width: 90,
            render: (_, a) => <Tag color={a.direction === 'in' ? 'blue' : 'green'}>{t(`requests.attachments.directions.${a.direction}`)}</Tag>,
          },
          {
            key: 'name',
            title: t('requests.attachments.fileName'),
            render: (_, a) => (
              <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => download(a)} data-testid="attachment-download" style={{ paddingInline: 0 }}>
                {a.fileName}
              </Button>
            ),
          },
          { key: 'size', title: t('requests.attachments.size'), width: 90, render: (_, a) => formatBytes(a.size) },
          {
            key: 'by',
            title: t('requests.attachments.uploadedBy'),
            render: (_, a) => (
              <Typography.Text type="secondary">
                {a.uploadedBy} · {formatDateTime(a.uploadedAt)}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('requests.attachments.limits')}
      </Typography.Paragraph>
    </Card>
  );
}
