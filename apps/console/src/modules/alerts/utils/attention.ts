/**
 * Getting a monitor's attention: a short beep (Web Audio, no sound file) and a desktop
 * notification when the browser allows it. Neither may ever throw: a browser that blocks
 * audio until the user interacts, or has no Notification, just gets the banner.
 */
type AudioContextClass = typeof AudioContext;
let audio: AudioContext | null = null;
let lastBeep = 0;
const BEEP_GAP_MS = 1500;

function audioContext(): AudioContext | null {
  if (audio) return audio;
  const Ctx: AudioContextClass | undefined = window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  audio = Ctx ? new Ctx() : null;
  return audio;
}

/** Resumes audio inside a user gesture, so later beeps are heard (browsers start it suspended). */
export function primeAudio(): void {
  try {
    const ctx = audioContext();
    if (ctx?.state === 'suspended') ctx.resume().catch(() => undefined);
  } catch {
    // no audio: nothing to prime
  }
}

/** The first click or key press anywhere unlocks audio; returns the unsubscribe. */
export function primeAudioOnFirstGesture(): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const once = () => {
    primeAudio();
    for (const e of events) document.removeEventListener(e, once);
  };
  for (const e of events) document.addEventListener(e, once);
  return () => {
    for (const e of events) document.removeEventListener(e, once);
  };
}

/** Two short tones, at most once every 1.5 s (a replayed burst does not ring twenty times). */
export function beep(): void {
  const now = Date.now();
  if (now - lastBeep < BEEP_GAP_MS) return;
  lastBeep = now;
  try {
    const ctx = audioContext();
    if (!ctx) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
    for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const start = ctx.currentTime + offset;
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.16);
    }
  } catch {
    // audio blocked or missing: the banner is still there
  }
}

const ASKED_KEY = 'govdesk.desktopAlertsAsked';

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Whether this browser was asked already (we ask once; the browser's settings change it after). */
export const desktopAsked = (): boolean => localStorage.getItem(ASKED_KEY) === '1';

export async function askDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  localStorage.setItem(ASKED_KEY, '1');
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** A desktop notification (one per alert: the tag replaces an earlier one) if permission was granted. */
export function notifyDesktop(title: string, body: string, tag: string, onClick: () => void): void {
  try {
    if (desktopPermission() !== 'granted') return;
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // some platforms only notify through a service worker: the banner is enough
  }
}
