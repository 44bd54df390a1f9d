import { useLayoutEffect, useRef } from 'react';

const MOVE_MS = 450;

/**
 * Animates a live list's reordering (FLIP): each child with `data-flip-key` that moved slides from
 * its old place, a new one fades in, and one whose `data-flip-version` changed flashes. Pass the
 * rows' keys and versions joined as `signature`, so it runs only when they change.
 */
export function useFlip<T extends HTMLElement>(signature: string) {
  const ref = useRef<T>(null);
  const seen = useRef(new Map<string, { top: number; version: string | undefined }>());

  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const first = seen.current.size === 0;
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const next = new Map<string, { top: number; version: string | undefined }>();
    for (const child of Array.from(container.children) as HTMLElement[]) {
      const key = child.dataset['flipKey'];
      if (!key) continue;
      const now = { top: child.offsetTop, version: child.dataset['flipVersion'] };
      next.set(key, now);
      if (first || still || typeof child.animate !== 'function') continue;
      const before = seen.current.get(key);
      if (!before) {
        child.animate([{ opacity: 0 }, { opacity: 1 }], { duration: MOVE_MS });
        continue;
      }
      if (before.top !== now.top) {
        child.animate([{ transform: `translateY(${before.top - now.top}px)` }, { transform: 'none' }], { duration: MOVE_MS, easing: 'ease-out' });
      }
      if (before.version !== now.version) {
        child.animate([{ backgroundColor: '#fff1b8' }, { backgroundColor: 'transparent' }], { duration: 1500, easing: 'ease-out' });
      }
    }
    seen.current = next;
  }, [signature]);

  return ref;
}
