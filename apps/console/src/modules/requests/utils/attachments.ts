/** What the API accepts (apps/api/src/disclosure/attachments/file-types.ts): 10 MiB of these types. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'docx', 'xlsx', 'ofd'] as const;
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Why a file cannot be uploaded (a message key), or null. The API checks again by content. */
export function checkAttachment(name: string, size: number): 'tooLarge' | 'badType' | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return 'badType';
  if (size > MAX_ATTACHMENT_BYTES) return 'tooLarge';
  return null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
