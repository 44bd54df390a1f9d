import { HOTSPOT_STATUSES, type HotspotStatus } from '@govdesk/contracts';
import { HOTSPOT_LEVELS, type HotspotLevel } from '@govdesk/domain';

export const HOTSPOT_SORTS = ['heat', 'size', 'recent'] as const;
export type HotspotSort = (typeof HOTSPOT_SORTS)[number];

/** The list's filters; they live in the address (?sort=&status=&level=&q=&page=&size=) so a visit to a hotspot and back keeps them. */
export interface HotspotFilters {
  sort: HotspotSort;
  /** 'all': any status. */
  status: HotspotStatus | 'all';
  level: HotspotLevel | null;
  q: string;
  page: number;
  size: number;
}

export const PAGE_SIZES = [20, 50, 100];
export const DEFAULT_HOTSPOT_FILTERS: HotspotFilters = { sort: 'heat', status: 'open', level: null, q: '', page: 1, size: 50 };

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

export function filtersFromSearch(search: URLSearchParams): HotspotFilters {
  const level = Number(search.get('level'));
  const page = Number(search.get('page'));
  const size = Number(search.get('size'));
  return {
    sort: oneOf(HOTSPOT_SORTS, search.get('sort'), DEFAULT_HOTSPOT_FILTERS.sort),
    status: oneOf([...HOTSPOT_STATUSES, 'all'] as const, search.get('status'), DEFAULT_HOTSPOT_FILTERS.status),
    level: (HOTSPOT_LEVELS as readonly number[]).includes(level) ? (level as HotspotLevel) : null,
    q: search.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_HOTSPOT_FILTERS.size,
  };
}

/** Only what differs from the defaults goes into the address. */
export function searchFromFilters(f: HotspotFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.sort !== DEFAULT_HOTSPOT_FILTERS.sort) p.set('sort', f.sort);
  if (f.status !== DEFAULT_HOTSPOT_FILTERS.status) p.set('status', f.status);
  if (f.level !== null) p.set('level', String(f.level));
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.page > 1) p.set('page', String(f.page));
  if (f.size !== DEFAULT_HOTSPOT_FILTERS.size) p.set('size', String(f.size));
  return p;
}

/** The query string of GET /api/hotspots for these filters. */
export function hotspotQueryString(f: HotspotFilters): string {
  const p = new URLSearchParams({ sort: f.sort, limit: String(f.size), offset: String((f.page - 1) * f.size) });
  if (f.status !== 'all') p.set('status', f.status);
  if (f.level !== null) p.set('level', String(f.level));
  if (f.q.trim()) p.set('q', f.q.trim());
  return p.toString();
}
