import {
  APPLICANT_TYPES,
  isIsoDate,
  OPEN_DEADLINE_STATES,
  OPEN_STATUSES,
  REQUEST_CHANNELS,
  TIMELINESS_OUTCOMES,
  type ApplicantType,
  type OpenDeadlineState,
  type RequestChannel,
  type RequestStatus,
  type TimelinessOutcome,
} from '@govdesk/domain';

/**
 * What a drill-down from the supervision dashboard narrows the queue to (GET /api/requests
 * parameters of the same names); shown as removable chips. With any of these set the queue
 * lists every status, not only open ones: a dashboard number counts replied requests too.
 */
export interface DrillFilters {
  receivedFrom?: string;
  receivedTo?: string;
  /** A handler's id, or `none` for unassigned requests. */
  handlerId?: string;
  /** Only for the chip's label. */
  handlerName?: string;
  channel?: RequestChannel;
  applicantType?: ApplicantType;
  timeliness?: TimelinessOutcome;
  deadlineState?: OpenDeadlineState;
  extended?: true;
  corrected?: true;
  consulted?: true;
}

/** What the queue is filtered by; every field maps to a query parameter of GET /api/requests. */
export interface QueueFilters {
  /** Empty: every open status (every status with a drill-down). */
  status: RequestStatus[];
  overdue: boolean;
  /** Due within this many working days (`dueWithin`), or no limit. */
  dueWithin: number | null;
  q: string;
  /** Only the requests assigned to the current user (`handlerId`). */
  mine: boolean;
  /** County-wide users may narrow the queue to one unit. */
  unitId: string | null;
  drill: DrillFilters;
}

export const DEFAULT_FILTERS: QueueFilters = { status: [], overdue: false, dueWithin: null, q: '', mine: false, unitId: null, drill: {} };

export const QUEUE_PAGE_SIZE = 50;

/** The query parameters a link may set (the supervision dashboard's drill-down). */
export const LINK_PARAMS = [
  'unitId',
  'overdue',
  'receivedFrom',
  'receivedTo',
  'handlerId',
  'handlerName',
  'channel',
  'applicantType',
  'timeliness',
  'deadlineState',
  'extended',
  'corrected',
  'consulted',
] as const;

export function hasDrill(filters: QueueFilters): boolean {
  return Object.keys(filters.drill).length > 0;
}

/** The query string of GET /api/requests for these filters, most urgent first. */
export function queueQueryString(filters: QueueFilters, userId: string): string {
  const params = new URLSearchParams();
  if (filters.status.length) params.set('status', filters.status.join(','));
  else if (!hasDrill(filters)) params.set('status', OPEN_STATUSES.join(','));
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.dueWithin !== null) params.set('dueWithin', String(filters.dueWithin));
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.mine && !filters.drill.handlerId) params.set('handlerId', userId);
  if (filters.unitId) params.set('unitId', filters.unitId);
  const { handlerName: _labelOnly, ...drill } = filters.drill;
  for (const [key, value] of Object.entries(drill)) params.set(key, String(value));
  params.set('sort', 'due');
  params.set('order', 'asc');
  params.set('limit', String(QUEUE_PAGE_SIZE));
  return params.toString();
}

export function isDefaultFilters(filters: QueueFilters): boolean {
  return JSON.stringify(normalise(filters)) === JSON.stringify(normalise(DEFAULT_FILTERS));
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined => (values as readonly unknown[]).includes(v) ? (v as T) : undefined;
const uuidOrNone = (v: unknown) => (typeof v === 'string' && (v === 'none' || /^[0-9a-f-]{36}$/i.test(v)) ? v : undefined);
const date = (v: unknown) => (typeof v === 'string' && isIsoDate(v) ? v : undefined);

/** Keeps the known drill-down fields with valid values (from a link, or an older saved filter). */
export function normaliseDrill(value: Record<string, unknown> | undefined): DrillFilters {
  const v = value ?? {};
  const drill: DrillFilters = {
    receivedFrom: date(v['receivedFrom']),
    receivedTo: date(v['receivedTo']),
    handlerId: uuidOrNone(v['handlerId']),
    handlerName: typeof v['handlerName'] === 'string' ? v['handlerName'].slice(0, 60) : undefined,
    channel: oneOf(REQUEST_CHANNELS, v['channel']),
    applicantType: oneOf(APPLICANT_TYPES, v['applicantType']),
    timeliness: oneOf(TIMELINESS_OUTCOMES, v['timeliness']),
    deadlineState: oneOf(OPEN_DEADLINE_STATES, v['deadlineState']),
    extended: v['extended'] === true || v['extended'] === 'true' ? true : undefined,
    corrected: v['corrected'] === true || v['corrected'] === 'true' ? true : undefined,
    consulted: v['consulted'] === true || v['consulted'] === 'true' ? true : undefined,
  };
  if (!drill.handlerId) delete drill.handlerName;
  return Object.fromEntries(Object.entries(drill).filter(([, x]) => x !== undefined)) as DrillFilters;
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
    drill: normaliseDrill(value.drill as Record<string, unknown> | undefined),
  };
}

/** The filters a link sets (e.g. the supervision page's drill-down), or null when it sets none. */
export function filtersFromSearch(search: URLSearchParams): QueueFilters | null {
  if (!LINK_PARAMS.some((p) => search.has(p))) return null;
  return normalise({
    ...DEFAULT_FILTERS,
    unitId: search.get('unitId'),
    overdue: search.get('overdue') === 'true',
    drill: normaliseDrill(Object.fromEntries(search.entries())),
  });
}
