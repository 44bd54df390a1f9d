import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HotspotDetailDto, HotspotSummaryDto, MentionDto, RequestPageDto } from '@govdesk/contracts';
import type { HotspotLevel } from '@govdesk/domain';
import { api, apiPage } from '../../../api/client';

/** Query keys: lists under ['hotspots', 'list', …], one hotspot under ['hotspots', 'detail', id]. */
export const hotspotKeys = {
  all: ['hotspots'] as const,
  lists: ['hotspots', 'list'] as const,
  list: (query: string) => ['hotspots', 'list', query] as const,
  details: ['hotspots', 'detail'] as const,
  detail: (id: string) => ['hotspots', 'detail', id] as const,
  mentions: (id: string, start: number) => ['hotspots', 'detail', id, 'mentions', start] as const,
};

export const LIST_REFRESH_MS = 15_000;

/** One page of the list and the number matching (X-Total-Count), refreshed every 15 s. */
export function useHotspotList(query: string) {
  return useQuery({
    queryKey: hotspotKeys.list(query),
    queryFn: () => apiPage<HotspotSummaryDto>(`/hotspots?${query}`),
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });
}

/** Open hotspots matching a text, to pick for a merge. */
export function useOpenHotspotSearch(q: string, enabled: boolean) {
  const query = new URLSearchParams({ status: 'open', sort: 'heat', limit: '20' });
  if (q.trim()) query.set('q', q.trim());
  return useQuery({
    queryKey: hotspotKeys.list(`merge:${query.toString()}`),
    queryFn: () => apiPage<HotspotSummaryDto>(`/hotspots?${query.toString()}`),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useHotspotDetail(id: string | undefined) {
  return useQuery({
    queryKey: hotspotKeys.detail(id ?? ''),
    queryFn: () => api<HotspotDetailDto>(`/hotspots/${id}`),
    enabled: !!id,
    retry: (count, error) => count < 1 && ![403, 404].includes((error as { status?: number }).status ?? 0),
  });
}

export const MENTION_PAGE = 200;

/** Mentions past the newest ones the detail carries, page by page, once asked for. */
export function useMoreMentions(id: string, start: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: hotspotKeys.mentions(id, start),
    queryFn: ({ pageParam }) => api<MentionDto[]>(`/hotspots/${id}/mentions?limit=${MENTION_PAGE}&offset=${pageParam}`),
    initialPageParam: start,
    getNextPageParam: (last, _all, offset) => (last.length < MENTION_PAGE ? undefined : offset + MENTION_PAGE),
    enabled,
  });
}

/** A change to one hotspot: the answer (a detail) replaces the cached one and every list is refetched. */
function useHotspotChange<V>(id: string, call: (value: V) => Promise<HotspotDetailDto>, refreshAllDetails = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onMutate: () => queryClient.cancelQueries({ queryKey: hotspotKeys.detail(id), exact: true }),
    onSuccess: async (detail) => {
      if (refreshAllDetails) await queryClient.invalidateQueries({ queryKey: hotspotKeys.details });
      queryClient.setQueryData(hotspotKeys.detail(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: hotspotKeys.lists });
    },
  });
}

export const useSetLevel = (id: string) =>
  useHotspotChange(id, (body: { level: HotspotLevel | null; reason: string }) => api<HotspotDetailDto>(`/hotspots/${id}/level`, { method: 'PUT', body }));

export const useAssignUnit = (id: string) =>
  useHotspotChange(id, (unitId: string | null) => api<HotspotDetailDto>(`/hotspots/${id}/unit`, { method: 'PUT', body: { unitId } }));

export const useSetStatus = (id: string) =>
  useHotspotChange(id, (status: 'open' | 'closed') => api<HotspotDetailDto>(`/hotspots/${id}/status`, { method: 'PUT', body: { status } }));

/** The merged hotspots change too (status merged), so every cached detail is refetched. */
export const useMerge = (id: string) =>
  useHotspotChange(id, (hotspotIds: string[]) => api<HotspotDetailDto>(`/hotspots/${id}/merge`, { method: 'POST', body: { hotspotIds } }), true);

/** Undoes a merge: the other hotspot is open again, so every cached detail is refetched. */
export const useUnmerge = (id: string) =>
  useHotspotChange(id, (hotspotId: string) => api<HotspotDetailDto>(`/hotspots/${id}/unmerge`, { method: 'POST', body: { hotspotId } }), true);

/** Answers the NEW hotspot; this one lost mentions, so its detail is refetched as well. */
export const useSplit = (id: string) =>
  useHotspotChange(id, (mentionIds: string[]) => api<HotspotDetailDto>(`/hotspots/${id}/split`, { method: 'POST', body: { mentionIds } }), true);

export const useLinkRequest = (id: string) =>
  useHotspotChange(id, (requestId: string) => api<HotspotDetailDto>(`/hotspots/${id}/requests`, { method: 'POST', body: { requestId } }));

export const useUnlinkRequest = (id: string) =>
  useHotspotChange(id, (requestId: string) => api<HotspotDetailDto>(`/hotspots/${id}/requests/${requestId}`, { method: 'DELETE' }));

/** Disclosure requests by receipt number (or any text the request list searches), newest first. */
export function useRequestSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['requests', 'list', 'hotspot-link', text],
    queryFn: () => api<RequestPageDto>(`/requests?${new URLSearchParams({ q: text, sort: 'received', order: 'desc', limit: '10' }).toString()}`),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
