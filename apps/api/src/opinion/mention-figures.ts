import type { Reach } from '@govdesk/contracts';

/** Author names that say nobody in particular: not counted as distinct authors. */
const ANONYMOUS = new Set(['', '匿名', '匿名用户', 'anonymous', '-']);

/** The authors of mentions that count as distinct people (trimmed, anonymous ones left out). */
export const namedAuthors = (authors: readonly (string | null | undefined)[]): string[] =>
  authors.map((a) => a?.trim() ?? '').filter((a) => !ANONYMOUS.has(a.toLowerCase()));

/** A mention's reach: views plus every reaction. */
export const reachTotal = (r: Partial<Reach> | undefined): number =>
  (r?.views ?? 0) + (r?.likes ?? 0) + (r?.dislikes ?? 0) + (r?.reposts ?? 0) + (r?.comments ?? 0);
