import { OPEN_STATUSES, type RequestStatus } from '@govdesk/domain';

/** What the queue is filtered by; every field maps to a query parameter of GET /api/requests. */
export interface QueueFilters {
  /** Empty: every open status. */
  status: RequestStatus[];
  overdue: boolean;
  /** Due within this many working days (`dueWithin`), or no limit. */
  dueWithin: number | null;
  q: string;
  /** Only the requests assigned to the current user (`handlerId`). */
  mine: boolean;
  /** County-wide users may narrow the queue to one unit. */
  unitId: string | null;
}

export const DEFAULT_FILTERS: QueueFilters = { status: [], overdue: false, dueWithin: null, q: '', mine: false, unitId: null };

export const QUEUE_PAGE_SIZE = 50;

/** The query string of GET /api/requests for these filters, most urgent first. */
export function queueQueryString(filters: QueueFilters, userId: string): string {
  const params = new URLSearchParams();
  params.set('status', (filters.status.length ? filters.status : OPEN_STATUSES).join(','));
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.dueWithin !== null) params.set('dueWithin', String(filters.dueWithin));
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.mine) params.set('handlerId', userId);
  if (filters.unitId) params.set('unitId', filters.unitId);
  params.set('sort', 'due');
  params.set('order', 'asc');
  params.set('limit', String(QUEUE_PAGE_SIZE));
  return params.toString();
}

export function isDefaultFilters(filters: QueueFilters): boolean {
  return JSON.stringify(normalise(filters)) === JSON.stringify(normalise(DEFAULT_FILTERS));
}

/** Fills in fields missing from an older saved filter and drops unknown ones. */
export function normalise(value: Partial<QueueFilters>): QueueFilters {
  return {
    status: Array.isArray(value.status) ? value.status : [],
    overdue: value.overdue === true,
    dueWithin: typeof value.dueWithin === 'number' ? value.dueWithin : null,
    q: typeof value.q === 'string' ? value.q : '',
    mine: value.mine === true,
    unitId: typeof value.unitId === 'string' ? value.unitId : null,
  };
}
