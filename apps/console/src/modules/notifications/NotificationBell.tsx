import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '@govdesk/contracts';
import { formatDateTime } from '../requests/utils/dates';
import { useMarkRead, useNotifications } from './notifications-api';

const KIND_COLORS = { urge: 'volcano', due_soon: 'orange', overdue: 'red' } as const;

/** The header's bell: unread count, and the list (newest first); opening one marks it read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications(true);
  const markRead = useMarkRead();
  const items = notifications.data ?? [];
  const unread = items.filter((n) => !n.readAt).length;

  const openOne = async (n: NotificationDto) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        await markRead.mutateAsync(n.id);
      } catch (e) {
        void message.error((e as Error).message);
      }
    }
    if (n.requestId) void navigate(`/requests/${n.requestId}`);
  };

  const list = (
    <div style={{ width: 380, maxHeight: 460, overflowY: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              onClick={() => void openOne(n)}
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}
              data-testid="notification-item"
              data-read={n.readAt ? 'true' : 'false'}
            >
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={6} wrap>
                  <Tag color={KIND_COLORS[n.kind]}>{t(`notifications.kinds.${n.kind}`)}</Tag>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                  {n.receiptNo ? ` · ${n.receiptNo}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={list} title={t('notifications.title')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" data-testid="notification-count" data-count={unread}>
        <Button size="small" shape="circle" icon={<BellOutlined />} aria-label={t('notifications.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
