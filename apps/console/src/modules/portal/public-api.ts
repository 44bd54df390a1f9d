import { useMutation, useQuery } from '@tanstack/react-query';
import type { PortalReceiptDto, PortalStatusDto, PortalSubmissionRequest } from '@govdesk/contracts';
import { api, ApiError } from '../../api/client';
import i18n from '../../i18n/i18n';

export function usePublicUnits() {
  return useQuery({ queryKey: ['public', 'units'], queryFn: () => api<{ id: string; name: string }[]>('/public/units'), staleTime: 10 * 60_000 });
}

export function useSubmitApplication() {
  return useMutation({ mutationFn: (body: PortalSubmissionRequest) => api<PortalReceiptDto>('/public/requests', { method: 'POST', body }) });
}

export function fetchPortalStatus(receiptNo: string, queryCode: string): Promise<PortalStatusDto> {
  const params = new URLSearchParams({ receiptNo: receiptNo.trim(), queryCode: queryCode.trim() });
  return api<PortalStatusDto>(`/public/requests/status?${params.toString()}`);
}

/** The message an applicant reads: a friendly one when rate-limited (429). */
export function publicErrorMessage(e: unknown): string {
  if (e instanceof ApiError && e.status === 429) return i18n.t('portal.rateLimited');
  return (e as Error).message;
}
