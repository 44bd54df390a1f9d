import type { HotspotEntity } from './entities/hotspot.entity';

/** The figures of a hotspot with no mentions counted: a new one, or what a merge left behind. */
export function noFigures() {
  return {
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
  } satisfies Partial<HotspotEntity>;
}

/**
 * What stays of a hotspot merged into another (by a monitor or by clustering): a pointer with
 * its title, level and time span for the record; its figures went to the survivor, so it shows
 * none of its own (no mentions, heat, reach, channels or places that are now counted there).
 */
export function mergedPointer<T extends Omit<HotspotEntity, 'createdAt' | 'updatedAt'>>(h: T, into: string): T {
  return { ...h, status: 'merged', mergedInto: into, ...noFigures() };
}
