import { ERROR_MESSAGES, isApiErrorBody, type ApiErrorBody } from '@govdesk/contracts';
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

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
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
  return data as T;
}
