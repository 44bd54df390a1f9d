/**
 * The files a request may carry, recognised by their first bytes (not by the name a browser
 * sends): PDF, JPEG, PNG, TIFF, and the ZIP-based office formats (.docx, .xlsx, .ofd).
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: string; extensions: string[]; magic: number[] }[] = [
  { type: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/tiff', extensions: ['tif', 'tiff'], magic: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], magic: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], magic: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/ofd', extensions: ['ofd'], magic: [0x50, 0x4b, 0x03, 0x04] },
];

export const ALLOWED_EXTENSIONS = SIGNATURES.flatMap((s) => s.extensions);

/** The content type of an allowed file, or null when its name and bytes do not agree. */
export function detectFileType(fileName: string, bytes: Buffer): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const match = SIGNATURES.find((s) => s.extensions.includes(ext));
  if (!match) return null;
  return match.magic.every((b, i) => bytes[i] === b) ? match.type : null;
}
