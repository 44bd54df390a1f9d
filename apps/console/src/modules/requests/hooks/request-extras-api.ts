import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentDto, ReviewDto, ReviewRequest, SimilarRequestsDto, UrgeDto, UrgeRequest } from '@govdesk/contracts';
import { api } from '../../../api/client';
import { uploadForm } from '../../../api/files';
import { requestKeys } from './requests-api';

/** Query keys of what hangs off one request: ['requests', 'detail', id, <part>]. */
export const extraKeys = {
  attachments: (id: string) => [...requestKeys.detail(id), 'attachments'] as const,
  similar: (id: string) => [...requestKeys.detail(id), 'similar'] as const,
  urges: (id: string) => [...requestKeys.detail(id), 'urges'] as const,
  reviews: (id: string) => [...requestKeys.detail(id), 'reviews'] as const,
};

export function useAttachments(id: string) {
  return useQuery({ queryKey: extraKeys.attachments(id), queryFn: () => api<AttachmentDto[]>(`/requests/${id}/attachments`) });
}

export function uploadAttachment(id: string, file: File, direction: 'in' | 'out'): Promise<AttachmentDto> {
  const form = new FormData();
  form.append('direction', direction);
  form.append('file', file, file.name);
  return uploadForm<AttachmentDto>(`/requests/${id}/attachments`, form);
}

export function useSimilarRequests(id: string) {
  return useQuery({ queryKey: extraKeys.similar(id), queryFn: () => api<SimilarRequestsDto>(`/requests/${id}/similar`), staleTime: 60_000 });
}

export function useUrges(id: string) {
  return useQuery({ queryKey: extraKeys.urges(id), queryFn: () => api<UrgeDto[]>(`/requests/${id}/urges`) });
}

export function useUrge(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UrgeRequest) => api<UrgeDto>(`/requests/${id}/urges`, { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: extraKeys.urges(id) });
      await queryClient.invalidateQueries({ queryKey: requestKeys.detail(id), exact: true });
    },
  });
}

export function useReviews(id: string) {
  return useQuery({ queryKey: extraKeys.reviews(id), queryFn: () => api<ReviewDto[]>(`/requests/${id}/reviews`) });
}

export function useSaveReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, body }: { reviewId: string | null; body: ReviewRequest }) =>
      reviewId
        ? api<ReviewDto>(`/requests/${id}/reviews/${reviewId}`, { method: 'PUT', body })
        : api<ReviewDto>(`/requests/${id}/reviews`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: extraKeys.reviews(id) }),
  });
}
