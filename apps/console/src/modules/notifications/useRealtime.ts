import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationDto, ServerToClientEvents } from '@govdesk/contracts';
import { getToken } from '../../api/client';
import { notificationKeys } from './notifications-api';

/**
 * The live channel while someone is logged in: one socket per session (keyed by the user), the
 * token read afresh at every (re)connection, closed on logout. New notifications pop up as a
 * toast and join the bell's list; read receipts refresh the urging histories.
 */
export function useRealtime(userId: string | null) {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();

  useEffect(() => {
    if (!userId || !getToken()) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      auth: (cb) => cb({ token: getToken() }),
      transports: ['websocket', 'polling'],
    });
    socket.on('notification.created', (n: NotificationDto) => {
      queryClient.setQueryData<NotificationDto[]>(notificationKeys.list, (old) => (old ? [n, ...old.filter((o) => o.id !== n.id)] : old));
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
      if (n.requestId) void queryClient.invalidateQueries({ queryKey: ['requests', 'detail', n.requestId] });
      notification.open({
        key: n.id,
        type: n.kind === 'overdue' ? 'error' : 'warning',
        title: n.title,
        description: n.body,
        placement: 'topRight',
        duration: 8,
        className: 'govdesk-notification-toast',
        style: n.requestId ? { cursor: 'pointer' } : undefined,
        onClick: () => {
          if (n.requestId) void navigate(`/requests/${n.requestId}`);
        },
      });
    });
    socket.on('notification.read', () => {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'requests' && q.queryKey[3] === 'urges' });
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [userId, queryClient, notification, navigate]);
}
