import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SourceDto, SourceRequest, SourceWithKeyDto } from '@govdesk/contracts';
import { api } from '../../../api/client';

export const sourceKeys = { all: ['opinion', 'sources'] as const };

/** What polling an RSS source now found. */
export interface PollResult {
  fetched: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export function useSources() {
  return useQuery({ queryKey: sourceKeys.all, queryFn: () => api<SourceDto[]>('/opinion/sources') });
}

function useSourceMutation<V, R>(call: (value: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceKeys.all }) });
}

/** Creating answers the source with its API key (shown once); editing answers the source. */
export const useSaveSource = () =>
  useSourceMutation(({ id, body }: { id: string | null; body: SourceRequest }) =>
    id
      ? api<SourceDto>(`/opinion/sources/${id}`, { method: 'PUT', body }).then((source): SourceWithKeyDto => ({ source, apiKey: null }))
      : api<SourceWithKeyDto>('/opinion/sources', { method: 'POST', body }),
  );

export const useRotateKey = () => useSourceMutation((id: string) => api<SourceWithKeyDto>(`/opinion/sources/${id}/key`, { method: 'POST' }));

export const useDeleteSource = () => useSourceMutation((id: string) => api<void>(`/opinion/sources/${id}`, { method: 'DELETE' }));

export const usePollSource = () => useSourceMutation((id: string) => api<PollResult>(`/opinion/sources/${id}/poll`, { method: 'POST' }));
