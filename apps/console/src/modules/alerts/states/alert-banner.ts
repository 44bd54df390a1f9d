import { useSyncExternalStore } from 'react';
import type { AlertEscalatedPayload, AlertEventPayload } from '@govdesk/contracts';

/** An alert that arrived live and is waiting in the global banner until acknowledged or dismissed. */
export type BannerAlert = (AlertEventPayload & { kind: 'raised' }) | (AlertEscalatedPayload & { kind: 'escalated' });

const MAX_WAITING = 50;
let waiting: BannerAlert[] = [];
const listeners = new Set<() => void>();

function set(next: BannerAlert[]): void {
  waiting = next;
  for (const listener of listeners) listener();
}

/** The banner's queue, kept outside React: the socket handlers fill it, the banner reads it. */
export const alertBanner = {
  /** The newest news of an alert replaces what was waiting for it. */
  push(alert: BannerAlert): void {
    set([alert, ...waiting.filter((a) => a.alertId !== alert.alertId)].slice(0, MAX_WAITING));
  },
  has(alertId: string): boolean {
    return waiting.some((a) => a.alertId === alertId);
  },
  drop(alertId: string): void {
    if (waiting.some((a) => a.alertId === alertId)) set(waiting.filter((a) => a.alertId !== alertId));
  },
  clear(): void {
    if (waiting.length) set([]);
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Waiting alerts, newest news first. */
export function useBannerAlerts(): BannerAlert[] {
  return useSyncExternalStore(subscribe, () => waiting);
}
