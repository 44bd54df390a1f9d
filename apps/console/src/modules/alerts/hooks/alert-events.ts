import type { QueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import type { AlertDto, AlertStateChangedPayload, ClientToServerEvents, ServerToClientEvents } from '@govdesk/contracts';
import i18n from '../../../i18n/i18n';
import { alertBanner, type BannerAlert } from '../states/alert-banner';
import { beep, notifyDesktop, primeAudioOnFirstGesture } from '../utils/attention';
import { isLaterEventId, patchAlert } from '../utils/alerts';
import { bannerHeading, bannerReason } from '../utils/banner-text';
import { alertKeys, mergeHotspot, type BoardHotspot } from './alerts-api';

export interface AlertEventsOptions {
  queryClient: QueryClient;
  /** Whether this user watches alerts (monitor, supervisor, admin): banner, sound and desktop notification. */
  watch: boolean;
  /** Every alert event's id, so the connection can ask for what it missed when it reconnects. */
  onEventId(eventId: string): void;
  openBoard(): void;
}

/** A burst of events refetches (and rings) once, this long after its first event. */
const REFRESH_DELAY_MS = 300;
/** A replay after a long disconnection shows the newest few on the desktop; the banner counts the rest. */
const MAX_DESKTOP_NOTIFICATIONS = 3;
/** Event ids remembered to drop repeats (a replay holds at most 1,000). */
const MAX_REMEMBERED_EVENTS = 2000;

/**
 * Alert and hotspot events on the session's socket: they patch the cached board at once, refetch
 * it once a burst settles (for what events do not carry: unit names, clocks), and fill the banner.
 * Replayed events after a reconnection come through the same handlers, in order. Returns the unbinding.
 */
export function bindAlertEvents(socket: Socket<ServerToClientEvents, ClientToServerEvents>, options: AlertEventsOptions): () => void {
  const { queryClient, watch } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
      void queryClient.invalidateQueries({ queryKey: alertKeys.boardHotspots });
    }, REFRESH_DELAY_MS);
  };
  /** The id of the latest state change seen per alert: an older `raised` delivered late does not bring its banner back. */
  const settled = new Map<string, string>();

  // Sound and desktop notifications wait until a burst settles, and only for alerts still
  // waiting then: a replay that raises and acknowledges an alert does not ring.
  let pending: BannerAlert[] = [];
  let attentionTimer: ReturnType<typeof setTimeout> | undefined;
  const callAttention = () => {
    attentionTimer = undefined;
    const still = pending.filter((a) => alertBanner.has(a.alertId));
    pending = [];
    if (!still.length) return;
    beep();
    const en = i18n.language === 'en';
    for (const alert of still.slice(0, MAX_DESKTOP_NOTIFICATIONS)) {
      notifyDesktop(bannerHeading(alert, i18n.t, en), [alert.title, bannerReason(alert, i18n.t, en)].filter(Boolean).join('\n'), alert.alertId, options.openBoard);
    }
  };

  const announce = (alert: BannerAlert) => {
    options.onEventId(alert.eventId);
    refresh();
    if (!watch || !isLaterEventId(alert.eventId, settled.get(alert.alertId))) return;
    alertBanner.push(alert);
    pending = [alert, ...pending.filter((a) => a.alertId !== alert.alertId)];
    attentionTimer ??= setTimeout(callAttention, REFRESH_DELAY_MS);
  };
  const changed = (p: AlertStateChangedPayload) => {
    options.onEventId(p.eventId);
    if (isLaterEventId(p.eventId, settled.get(p.alertId))) settled.set(p.alertId, p.eventId);
    queryClient.setQueryData<AlertDto[]>(alertKeys.active, (old) => old && patchAlert(old, p));
    alertBanner.drop(p.alertId);
    refresh();
  };

  // Around a reconnection an event can come both live and replayed: each is handled once.
  const seen = new Set<string>();
  const once = <P extends { eventId: string }>(handle: (p: P) => void) => (p: P) => {
    if (seen.has(p.eventId)) return;
    seen.add(p.eventId);
    if (seen.size > MAX_REMEMBERED_EVENTS) seen.delete(seen.values().next().value!);
    handle(p);
  };
  socket.on('alert.raised', once((p) => announce({ ...p, kind: 'raised' })));
  socket.on('alert.escalated', once((p) => announce({ ...p, kind: 'escalated' })));
  socket.on('alert.acknowledged', once(changed));
  socket.on('alert.assigned', once(changed));
  socket.on('alert.resolved', once(changed));
  socket.on('hotspot.updated', (p) => {
    queryClient.setQueryData<BoardHotspot[]>(alertKeys.boardHotspots, (old) => old && mergeHotspot(old, p));
  });
  // After a reconnection, what no replay covers (hotspot figures) is read again.
  let connectedBefore = false;
  const onConnect = () => {
    if (connectedBefore) refresh();
    connectedBefore = true;
  };
  socket.on('connect', onConnect);
  const unprime = watch ? primeAudioOnFirstGesture() : () => undefined;

  return () => {
    clearTimeout(timer);
    clearTimeout(attentionTimer);
    unprime();
    alertBanner.clear();
  };
}
