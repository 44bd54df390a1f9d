import { isDistrictCode, type IndexedHotspot } from './hotspot-index';
import type { HotspotEntity } from '../entities/hotspot.entity';

/** Signed bigint (PostgreSQL) ↔ unsigned 64-bit SimHash. */
export const toSigned = (x: bigint): string => BigInt.asIntN(64, x).toString();
export const toUnsigned = (s: string): bigint => BigInt.asUintN(64, BigInt(s));

/** The clustering state of a stored hotspot, for the in-memory index. */
export function indexedFromRow(row: Pick<HotspotEntity, 'id' | 'firstSeenAt' | 'lastSeenAt' | 'simhashes' | 'terms' | 'places' | 'mentionCount' | 'keepApart'>): IndexedHotspot {
  const terms = new Map(Object.entries(row.terms ?? {}));
  return {
    id: row.id,
    firstSeenAt: new Date(row.firstSeenAt).getTime(),
    lastSeenAt: new Date(row.lastSeenAt).getTime(),
    simhashes: (row.simhashes ?? []).map(toUnsigned),
    terms,
    places: new Set([...Object.keys(row.places ?? {}), ...[...terms.keys()].filter(isDistrictCode)]),
    mentionCount: row.mentionCount,
    keepApart: row.keepApart,
  };
}
