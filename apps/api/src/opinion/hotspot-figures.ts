import { decayHeat, escalatedLevel, evaluateLevel, growthOf, type HotspotFigures, type LevelRules } from '@govdesk/domain';
import type { HotspotEntity } from './entities/hotspot.entity';

/** Recent-window counts of a hotspot: mentions, distinct authors and negative mentions. */
export interface RecentCounts {
  mentions: number;
  authors: number;
  negative: number;
}

type StoredOrNew = HotspotEntity | Omit<HotspotEntity, 'createdAt' | 'updatedAt'>;

/**
 * A hotspot's figures for the level rules, and its level judged by them (never lowered; left
 * alone when set by hand). `recent`: the recent window's counts.
 */
export function judge(h: StoredOrNew, recent: RecentCounts | undefined, rules: LevelRules): { figures: HotspotFigures; rule: string | null } {
  const figures = figuresOf(h, recent);
  const evaluated = evaluateLevel(figures, rules);
  if (!h.levelManual) {
    const level = escalatedLevel(h.level, evaluated?.level ?? null);
    if (level !== h.level) {
      h.level = level;
      h.levelReason = evaluated?.rule ?? h.levelReason;
    }
  }
  return { figures, rule: evaluated?.rule ?? null };
}

/** A hotspot's figures for the level rules; `recent`: the recent window's counts (none if absent). */
export function figuresOf(h: StoredOrNew, recent?: RecentCounts): HotspotFigures {
  const r = recent ?? { mentions: 0, authors: 0, negative: 0 };
  return {
    mentionCount: h.mentionCount,
    authorCount: h.authorCount,
    negativeShare: h.mentionCount ? h.negativeCount / h.mentionCount : 0,
    reach: Number(h.reach),
    growth: h.growth,
    recentMentions: r.mentions,
    recentAuthors: r.authors,
    recentNegative: r.negative,
    flags: h.flags,
    category: h.category,
    channels: Object.keys(h.channels),
  };
}

/** Adds a merged hotspot's figures to the survivor's (authors are counted in SQL; the centroid is the index's). */
export function addFigures(h: HotspotEntity, f: HotspotEntity): void {
  const add = (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
    const out = { ...a };
    for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
    return out;
  };
  h.mentionCount += f.mentionCount;
  h.duplicateCount += f.duplicateCount;
  h.negativeCount += f.negativeCount;
  h.reach = (BigInt(h.reach) + BigInt(f.reach)).toString();
  h.channels = add(h.channels, f.channels);
  h.categoryCounts = add(h.categoryCounts, f.categoryCounts);
  h.places = add(h.places, f.places);
  h.flags = [...new Set([...h.flags, ...f.flags])];
  h.category = Object.entries(h.categoryCounts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  if (new Date(f.firstSeenAt) < new Date(h.firstSeenAt)) h.firstSeenAt = f.firstSeenAt;
  if (new Date(f.lastSeenAt) > new Date(h.lastSeenAt)) h.lastSeenAt = f.lastSeenAt;
  // Heat and rates are decayed sums: brought to the same time, they add.
  const at = Math.max(new Date(h.heatAt).getTime(), new Date(f.heatAt).getTime());
  const a = decayHeat({ heat: h.heat, fastRate: h.fastRate, slowRate: h.slowRate, at: new Date(h.heatAt).getTime() }, at);
  const b = decayHeat({ heat: f.heat, fastRate: f.fastRate, slowRate: f.slowRate, at: new Date(f.heatAt).getTime() }, at);
  const heat = { heat: a.heat + b.heat, fastRate: a.fastRate + b.fastRate, slowRate: a.slowRate + b.slowRate, at };
  Object.assign(h, { heat: heat.heat, fastRate: heat.fastRate, slowRate: heat.slowRate, heatAt: new Date(at), growth: growthOf(heat) });
  h.unitId ??= f.unitId;
}
