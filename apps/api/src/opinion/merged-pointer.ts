import type { HotspotEntity } from './entities/hotspot.entity';

/**
 * What stays of a hotspot merged into another (by a monitor or by clustering): a pointer with
 * its title, level and time span for the record; its figures went to the survivor, so it shows
 * none of its own (no mentions, heat, reach, channels or places that are now counted there).
 */
export function mergedPointer<T extends Omit<HotspotEntity, 'createdAt' | 'updatedAt'>>(h: T, into: string): T {
  return {
    ...h,
    status: 'merged',
    mergedInto: into,
    mentionCount: 0,
    duplicateCount: 0,
    authorCount: 0,
    negativeCount: 0,
    reach: '0',
    heat: 0,
    fastRate: 0,
    slowRate: 0,
    growth: 0,
    channels: {},
    categoryCounts: {},
    places: {},
    flags: [],
    terms: {},
    simhashes: [],
  };
}
