import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationDto, ServerToClientEvents } from '@govdesk/contracts';
import { hasAnyRole } from '@govdesk/domain';
import { getToken } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { bindAlertEvents } from '../alerts/hooks/alert-events';
import { ALERT_BOARD_ROLES, isLaterEventId } from '../alerts/utils/alerts';
import { notificationKeys } from './notifications-api';

/** The last alert event seen, per user, for this tab: a reload asks for what it missed too. */
const lastEventKey = (userId: string) => `govdesk.lastAlertEventId:${userId}`;

/**
 * The live channel while someone is logged in: one socket per session (keyed by the user), the
 * token read afresh at every (re)connection, closed on logout. New notifications pop up as a
 * toast and join the bell's list; read receipts refresh the urging histories. Alert and hotspot
 * events go to the alert board and banner (bindAlertEvents); the last alert event's id is kept
 * (in the tab's sessionStorage) and sent as `auth.lastEventId` at every (re)connection, so the
 * server replays what was missed.
 */
export function useRealtime(userId: string | null) {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const watchesAlerts = !!user && hasAnyRole(user, ALERT_BOARD_ROLES);

  useEffect(() => {
    if (!userId || !getToken()) return;
    let lastEventId = sessionStorage.getItem(lastEventKey(userId));
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      // Called at every (re)connection: the current token and the last alert event seen.
      auth: (cb) => cb(lastEventId ? { token: getToken(), lastEventId } : { token: getToken() }),
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
    const remember = (id: string) => {
      if (!isLaterEventId(id, lastEventId)) return;
      lastEventId = id;
      sessionStorage.setItem(lastEventKey(userId), id);
    };
    // After each (re)connection the server says where its log stands: a tab that has seen no
    // alert event yet still asks for what it misses while disconnected.
    socket.on('events.cursor', (p) => remember(p.eventId));
    const unbindAlerts = bindAlertEvents(socket, {
      queryClient,
      watch: watchesAlerts,
      onEventId: remember,
      openBoard: () => void navigate('/alerts'),
    });
    return () => {
      unbindAlerts();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [userId, watchesAlerts, queryClient, notification, navigate]);
}
