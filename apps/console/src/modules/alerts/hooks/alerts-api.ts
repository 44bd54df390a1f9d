import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AlertDto, HotspotSummaryDto, HotspotUpdatedPayload, ResponseStatsRow } from '@govdesk/contracts';
import { api, apiPage } from '../../../api/client';
import { hotspotKeys } from '../../hotspots/hooks/hotspots-api';
import { compareAlerts, upsertAlert } from '../utils/alerts';

/** Query keys: the active alerts and the stats under ['alerts', …]; the board's hotspots under ['hotspots', 'board']. */
export const alertKeys = {
  all: ['alerts'] as const,
  active: ['alerts', 'active'] as const,
  stats: ['alerts', 'stats'] as const,
  boardHotspots: [...hotspotKeys.all, 'board'] as const,
};

/** Live events keep both lists current; this refetch only catches what no event tells (heat decay, level set by hand). */
const BOARD_REFRESH_MS = 60_000;
export const BOARD_HOTSPOTS = 20;

/** A hotspot row on the board: the figures `hotspot.updated` carries. */
export type BoardHotspot = HotspotUpdatedPayload;

/** Open, acknowledged and assigned alerts, most serious and newest first. */
export function useActiveAlerts() {
  return useQuery({
    queryKey: alertKeys.active,
    queryFn: async () => (await api<AlertDto[]>('/alerts?status=active&limit=200')).sort(compareAlerts),
    refetchInterval: BOARD_REFRESH_MS,
  });
}

const boardRow = (h: HotspotSummaryDto | HotspotUpdatedPayload): BoardHotspot => ({
  id: h.id,
  title: h.title,
  level: h.level,
  heat: h.heat,
  growth: h.growth,
  mentionCount: h.mentionCount,
  authorCount: h.authorCount,
  negativeShare: h.negativeShare,
  lastSeenAt: h.lastSeenAt,
  status: h.status,
});

/** The hottest open hotspots; `hotspot.updated` events reorder the cached list (see mergeHotspot). */
export function useBoardHotspots() {
  return useQuery({
    queryKey: alertKeys.boardHotspots,
    queryFn: async () => (await apiPage<HotspotSummaryDto>(`/hotspots?status=open&sort=heat&limit=${BOARD_HOTSPOTS}`)).items.map(boardRow),
    refetchInterval: BOARD_REFRESH_MS,
  });
}

/** One hotspot's new figures into the board's list: replaced or added, hottest first, closed or merged ones out. */
export function mergeHotspot(list: BoardHotspot[], update: HotspotUpdatedPayload): BoardHotspot[] {
  const rest = list.filter((h) => h.id !== update.id);
  const next = update.status === 'open' ? [...rest, boardRow(update)] : rest;
  return next.sort((a, b) => b.heat - a.heat).slice(0, BOARD_HOTSPOTS);
}

/** Response times per unit and month (supervisors and admins only). */
export function useResponseStats(enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.stats,
    queryFn: () => api<ResponseStatsRow[]>('/alerts/stats?months=12'),
    enabled,
    staleTime: 30_000,
  });
}

export type AlertAction =
  | { id: string; kind: 'ack' }
  | { id: string; kind: 'assign'; unitId: string }
  | { id: string; kind: 'respond'; text?: string; url?: string }
  | { id: string; kind: 'resolve' };

/** The API's answer replaces the alert in the active list. */
export function putAlert(queryClient: QueryClient, alert: AlertDto): void {
  queryClient.setQueryData<AlertDto[]>(alertKeys.active, (old) => old && upsertAlert(old, alert));
}

/** Acknowledge, assign, record the response, resolve: one mutation per card, the card updates from the answer. */
export function useAlertAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kind, ...body }: AlertAction) => api<AlertDto>(`/alerts/${id}/${kind}`, { method: 'POST', body: kind === 'ack' || kind === 'resolve' ? undefined : body }),
    onSuccess: (alert) => {
      putAlert(queryClient, alert);
      void queryClient.invalidateQueries({ queryKey: alertKeys.stats });
    },
  });
}
