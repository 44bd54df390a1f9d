import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalSubmissionDto, RequestDetailDto } from '@govdesk/contracts';
import { api } from '../../api/client';
import { requestKeys } from '../requests/hooks/requests-api';

export const submissionKeys = { pending: ['portal-submissions', 'pending'] as const };

/** Online applications waiting for staff to confirm receipt (Art. 31). */
export function usePendingSubmissions(enabled: boolean) {
  return useQuery({
    queryKey: submissionKeys.pending,
    queryFn: () => api<PortalSubmissionDto[]>('/portal-submissions?status=pending'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useConfirmSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<RequestDetailDto>(`/portal-submissions/${id}/confirm`, { method: 'POST' }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(requestKeys.detail(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: submissionKeys.pending });
      await queryClient.invalidateQueries({ queryKey: requestKeys.lists });
    },
  });
}

export function useRejectSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<PortalSubmissionDto>(`/portal-submissions/${id}/reject`, { method: 'POST', body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: submissionKeys.pending }),
  });
}
