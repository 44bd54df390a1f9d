import { useQuery } from '@tanstack/react-query';
import type { SimilarRequestsDto } from '@govdesk/contracts';
import { api } from '../../../api/client';
import { useDebouncedValue } from './useDebouncedValue';

/** Requests of the unit with a similar description, checked while the description is typed. */
export function useSimilarCheck(unitId: string | undefined, description: string | undefined, applicantIdNumber: string | undefined) {
  const text = useDebouncedValue((description ?? '').trim(), 600);
  const idNumber = (applicantIdNumber ?? '').trim();
  const enabled = !!unitId && text.length >= 5;
  const query = useQuery({
    queryKey: ['requests', 'similar-check', unitId, text, idNumber],
    queryFn: () =>
      api<SimilarRequestsDto>('/requests/similar', {
        method: 'POST',
        body: { unitId, description: text, ...(idNumber ? { applicantIdNumber: idNumber } : {}) },
      }),
    enabled,
    staleTime: 30_000,
    retry: false,
  });
  return enabled ? (query.data ?? null) : null;
}
