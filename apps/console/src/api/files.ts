import { ERROR_MESSAGES, isApiErrorBody, type ApiErrorBody } from '@govdesk/contracts';
import { ApiError, getToken } from './client';

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  const body: ApiErrorBody = isApiErrorBody(data)
    ? data
    : res.status === 413
      ? { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE.en, messageZh: ERROR_MESSAGES.PAYLOAD_TOO_LARGE.zh }
      : { statusCode: res.status, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.en, messageZh: ERROR_MESSAGES.INTERNAL.zh };
  return new ApiError(body);
}

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The file name a Content-Disposition header proposes (filename* first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs `/api${path}` with the bearer token and saves the answer as a file; returns its name. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(`/api${path}`, { headers: authHeaders() });
  if (!res.ok) throw await errorOf(res);
  const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}

/** POSTs a multipart form to `/api${path}` with the bearer token. */
export async function uploadForm<T>(path: string, form: FormData): Promise<T> {
  const res = await fetch(`/api${path}`, { method: 'POST', headers: { Accept: 'application/json', ...authHeaders() }, body: form });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}
