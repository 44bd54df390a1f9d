import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@govdesk/contracts';
import { api } from '../../api/client';

export const notificationKeys = { list: ['notifications'] as const };

/** The caller's notifications, newest first. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => api<NotificationDto[]>('/notifications'),
    enabled,
    staleTime: 60_000,
    select: (items) => [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<NotificationDto>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: (read) => {
      queryClient.setQueryData<NotificationDto[]>(notificationKeys.list, (old) => old?.map((n) => (n.id === read.id ? read : n)));
    },
  });
}
