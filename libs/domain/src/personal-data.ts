/**
 * Masking of personal information (Personal Information Protection Law): shown masked by
 * default; a full view is an explicit, audited act of the API, never of this module.
 */

/** 370124199001011234 → 3701**********1234; short values keep only their last character. */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(Math.max(v.length - 1, 0)) + v.slice(-1);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/** 13812345678 → 138****5678; other numbers keep their first three and last two digits. */
export function maskPhone(value: string): string {
  const v = value.trim();
  if (/^1\d{10}$/.test(v)) return `${v.slice(0, 3)}****${v.slice(7)}`;
  if (v.length <= 5) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 5) + v.slice(-2);
}

/** 张三 → 张*, 欧阳小明 → 欧***; Latin names keep their first letter. */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Keep the county/town part of an address: the first 6 characters, then a mask. */
export function maskAddress(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 6) return chars.join('');
  return chars.slice(0, 6).join('') + '****';
}
