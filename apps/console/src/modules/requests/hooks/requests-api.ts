import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicantDto,
  MemberDto,
  RegisterRequest,
  RegisteredRequestDto,
  RequestDetailDto,
  RequestPageDto,
  TransitionRequest,
  UnitDto,
} from '@govdesk/contracts';
import { api } from '../../../api/client';

/** Query keys: every list under ['requests', 'list', …], every detail under ['requests', 'detail', id]. */
export const requestKeys = {
  all: ['requests'] as const,
  lists: ['requests', 'list'] as const,
  list: (query: string) => ['requests', 'list', query] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  duplicates: (name: string) => ['requests', 'duplicates', name] as const,
};

/** The queue, page by page (keyset pagination: nextCursor goes back as cursor). */
export function useRequestQueue(query: string) {
  return useInfiniteQuery({
    queryKey: requestKeys.list(query),
    queryFn: ({ pageParam }) =>
      api<RequestPageDto>(`/requests?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useRequestDetail(id: string | undefined) {
  return useQuery({
    queryKey: requestKeys.detail(id ?? ''),
    queryFn: () => api<RequestDetailDto>(`/requests/${id}`),
    enabled: !!id,
    retry: (count, error) => count < 1 && (error as { status?: number }).status !== 404,
  });
}

export function postTransition(id: string, body: TransitionRequest): Promise<RequestDetailDto> {
  return api<RequestDetailDto>(`/requests/${id}/transitions`, { method: 'POST', body });
}

/** Runs a transition; on success the detail is replaced and every list refetched. */
export function useTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionRequest) => postTransition(id, body),
    // A refetch still in flight must not land after, and over, the transition's answer.
    onMutate: () => queryClient.cancelQueries({ queryKey: requestKeys.detail(id) }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(requestKeys.detail(id), detail);
      await queryClient.invalidateQueries({ queryKey: requestKeys.lists });
    },
  });
}

export function useRegisterRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterRequest) => api<RegisteredRequestDto>('/requests', { method: 'POST', body }),
    onSuccess: async (created) => {
      const { queryCode: _shownOnce, ...detail } = created;
      queryClient.setQueryData(requestKeys.detail(created.id), detail);
      await queryClient.invalidateQueries({ queryKey: requestKeys.lists });
    },
  });
}

/** The applicant unmasked; the API records who looked. */
export function useRevealApplicant(id: string) {
  return useMutation({
    mutationFn: () => api<{ applicant: ApplicantDto }>(`/requests/${id}/reveal`, { method: 'POST' }),
  });
}

export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => api<UnitDto[]>('/units'), staleTime: 5 * 60_000 });
}

/** The unit's active handlers, for assigning a request. */
export function useUnitHandlers(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['unit-members', unitId],
    queryFn: () => api<MemberDto[]>(`/units/${unitId}/members`),
    enabled: !!unitId,
    staleTime: 60_000,
    select: (members) => members.filter((m) => m.roles.includes('handler')),
  });
}

/** `days` working days after `from`, by the API's holiday calendar (null while unknown). */
export function useAddWorkingDays(from: string | null, days: number | null) {
  return useQuery({
    queryKey: ['calendar', 'add-working-days', from, days],
    queryFn: () => api<{ date: string; provisional: boolean }>(`/calendar/add-working-days?from=${from}&days=${days}`),
    enabled: !!from && days !== null && days >= 0,
    staleTime: 10 * 60_000,
    retry: false,
  });
}
