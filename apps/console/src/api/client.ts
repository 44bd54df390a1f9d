import { ERROR_MESSAGES, isApiErrorBody, type ApiErrorBody, type FieldError } from '@govdesk/contracts';
import i18n from '../i18n/i18n';

const TOKEN_KEY = 'govdesk.token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** An error answer of the API, with its message in the console's language. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(i18n.language === 'en' ? body.message : body.messageZh);
  }
  get status(): number {
    return this.body.statusCode;
  }
}

let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Tries of a change whose answer did not arrive (the same Idempotency-Key each time), and the waits between them. */
const CHANGE_RETRY_DELAYS_MS = [500, 1500, 3000];
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A random key (crypto.randomUUID needs a secure context; an intranet address over http is not one). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call of the API. A change carries an `Idempotency-Key`, so when its answer is lost (the
 * network dropped, a proxy answered 502–504 while an API process restarted) it is sent again with
 * the same key and the API answers it without carrying it out twice; a 409 `IDEMPOTENCY_KEY_IN_USE`
 * means the first try is still running, so it waits for it.
 */
async function send(path: string, init: { method?: string; body?: unknown }): Promise<{ data: unknown; res: Response }> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const change = CHANGES.has(method);
  if (change) headers['Idempotency-Key'] = newIdempotencyKey();
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  let res: Response | null = null;
  let text = '';
  for (let attempt = 0; ; attempt++) {
    const retry = change && attempt < CHANGE_RETRY_DELAYS_MS.length ? CHANGE_RETRY_DELAYS_MS[attempt]! : null;
    try {
      res = await fetch(`/api${path}`, { method, headers, body });
      text = await res.text();
    } catch (error) {
      if (retry === null) throw error;
      await wait(retry);
      continue;
    }
    const again = res.status === 502 || res.status === 503 || res.status === 504 || (res.status === 409 && text.includes('IDEMPOTENCY_KEY_IN_USE'));
    if (!again || retry === null) break;
    await wait(retry);
  }
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined; // not JSON (a proxy's error page): reported below as an internal error
  }
  if (!res.ok) {
    const body: ApiErrorBody = isApiErrorBody(data)
      ? data
      : { statusCode: res.status, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.en, messageZh: ERROR_MESSAGES.INTERNAL.zh };
    if (res.status === 401 && path !== '/auth/login') onUnauthorized();
    throw new ApiError(body);
  }
  return { data, res };
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return (await send(path, init)).data as T;
}

/** A GET of a list page with its `X-Total-Count` header (the number matching, all pages). */
export async function apiPage<T>(path: string): Promise<{ items: T[]; total: number }> {
  const { data, res } = await send(path, {});
  const items = (data ?? []) as T[];
  const header = Number(res.headers.get('X-Total-Count'));
  return { items, total: Number.isFinite(header) && res.headers.has('X-Total-Count') ? header : items.length };
}

/** The field errors of a 400 answer (`details`, or `fields` as some endpoints name them). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const body = error.body as ApiErrorBody & { fields?: unknown };
  const list = body.details ?? body.fields;
  if (Array.isArray(list)) return list.filter((f): f is FieldError => typeof f === 'object' && f !== null && 'field' in f && 'message' in f);
  // A map { field: message } is accepted as well.
  if (list && typeof list === 'object') return Object.entries(list as Record<string, unknown>).map(([field, message]) => ({ field, message: String(message) }));
  return [];
}
