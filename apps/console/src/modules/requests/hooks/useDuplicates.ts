import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { RequestDto, RequestPageDto } from '@govdesk/contracts';
import { maskIdNumber, OPEN_STATUSES } from '@govdesk/domain';
import { api } from '../../../api/client';
import { requestKeys } from './requests-api';
import { useDebouncedValue } from './useDebouncedValue';

export interface LikelyDuplicate {
  request: RequestDto;
  /** The masked ID numbers agree too: almost certainly the same applicant. */
  sameId: boolean;
}

function duplicatesQuery(name: string) {
  const params = new URLSearchParams({ q: name, status: OPEN_STATUSES.join(','), sort: 'received', order: 'desc', limit: '20' });
  return { queryKey: requestKeys.duplicates(name), queryFn: () => api<RequestPageDto>(`/requests?${params.toString()}`) };
}

/** Open requests of an applicant with exactly this name (and whether the ID agrees as far as masking shows). */
export function likelyDuplicates(items: RequestDto[], name: string, idNumber?: string): LikelyDuplicate[] {
  const masked = idNumber?.trim() ? maskIdNumber(idNumber.trim().toUpperCase()) : null;
  return items
    .filter((r) => r.applicant.name.trim() === name)
    .map((request) => ({ request, sameId: masked !== null && request.applicant.idNumber.toUpperCase() === masked }))
    .sort((a, b) => Number(b.sameId) - Number(a.sameId));
}

/** Checks the queue for the applicant's open requests while the name is typed. */
export function useDuplicates(name: string | undefined, idNumber: string | undefined) {
  const debounced = useDebouncedValue((name ?? '').trim(), 400);
  const query = useQuery({ ...duplicatesQuery(debounced), enabled: debounced.length >= 2, staleTime: 30_000, retry: false });
  return debounced.length >= 2 && query.data ? likelyDuplicates(query.data.items, debounced, idNumber) : [];
}

/** The same check right before submitting, so a fast typist is not missed. */
export async function fetchDuplicates(queryClient: QueryClient, name: string, idNumber?: string): Promise<LikelyDuplicate[]> {
  const trimmed = name.trim();
  if (trimmed.length < 1) return [];
  try {
    const page = await queryClient.fetchQuery({ ...duplicatesQuery(trimmed), staleTime: 5_000 });
    return likelyDuplicates(page.items, trimmed, idNumber);
  } catch {
    // The duplicate check is advice; a failing search must not block registration.
    return [];
  }
}
