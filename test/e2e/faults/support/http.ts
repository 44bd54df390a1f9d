import { DEMO_PASSWORD } from '../../../../apps/api/test/support/test-app';

/** What a call answered, and how many attempts it took. */
export interface Answer<T> {
  status: number;
  body: T;
  attempts: number;
  /**
   * Attempts that failed without a clear answer (connection error, 5xx, timeout): the call may
   * have taken effect on one of them although the client never learnt it.
   */
  unclear: number;
}

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One HTTP call, no retry: the status and JSON body, or the error thrown by fetch. */
export async function call<T>(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 20_000,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed as T };
}

/**
 * A client that keeps trying: a connection error, a timeout or a 5xx is retried with backoff
 * (100 ms doubling to 1 s) until `giveUpMs`; any other answer is returned as it is. `check`
 * runs before each retry and may throw to stop early (e.g. when the API process died).
 * `base` may be a function, so that a retry can go to another API process.
 */
export async function callRetrying<T>(
  base: string | (() => string),
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  options: { giveUpMs?: number; timeoutMs?: number; check?: () => void; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const giveUpAt = Date.now() + (options.giveUpMs ?? 90_000);
  let delay = 100;
  let unclear = 0;
  let lastProblem = '';
  for (let attempts = 1; ; attempts++) {
    try {
      const res = await call<T>(typeof base === 'function' ? base() : base, token, method, path, body, options.timeoutMs, options.headers);
      if (res.status < 500) return { ...res, attempts, unclear };
      lastProblem = `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      lastProblem = cause?.code ?? cause?.message ?? (error as Error).message;
    }
    unclear++;
    options.check?.();
    if (Date.now() > giveUpAt) throw new Error(`${method} ${path}: still failing after ${attempts} attempts: ${lastProblem}`);
    await pause(delay);
    delay = Math.min(1000, delay * 2);
  }
}

export async function login(base: string, username: string): Promise<string> {
  const res = await callRetrying<{ accessToken: string }>(base, null, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** The China calendar date today (the API's `today`), as YYYY-MM-DD. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
