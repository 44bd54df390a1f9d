import type { Reach } from '@govdesk/contracts';

/** Author names that say nobody in particular: not counted as distinct authors. */
const ANONYMOUS = new Set(['', '匿名', '匿名用户', 'anonymous', '-']);

/** The authors of mentions that count as distinct people (trimmed, anonymous ones left out). */
export const namedAuthors = (authors: readonly (string | null | undefined)[]): string[] =>
  authors.map((a) => a?.trim() ?? '').filter((a) => !ANONYMOUS.has(a.toLowerCase()));

/** A mention's reach: views plus every reaction. */
export const reachTotal = (r: Partial<Reach> | undefined): number =>
  (r?.views ?? 0) + (r?.likes ?? 0) + (r?.dislikes ?? 0) + (r?.reposts ?? 0) + (r?.comments ?? 0);

/**
 * A mention's headline, for a hotspot's title: its title, else the beginning of its text
 * without Weibo topics (#平阴#), emoticons ([泪]) and links, which name nothing.
 */
export function headlineOf(title: string | null | undefined, content: string): string {
  if (title?.trim()) return title.trim().slice(0, 500);
  const text = content
    .replace(/#[^#\n]{1,40}#/g, ' ')
    .replace(/\[[^\]\n]{1,8}\]/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (text || content.replace(/\s+/g, ' ').trim()).slice(0, 60);
}
