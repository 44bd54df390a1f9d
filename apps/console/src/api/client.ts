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

async function send(path: string, init: { method?: string; body?: unknown }): Promise<{ data: unknown; res: Response }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
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
