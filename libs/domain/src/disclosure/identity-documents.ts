/**
 * Identity documents of applicants: the 18-digit resident identity number (GB 11643-1999,
 * ISO 7064 MOD 11-2 check character, real birth date) and the 18-character unified social
 * credit code of organisations (GB 32100-2015, MOD 31 check character).
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdCheck = { valid: true } | { valid: false; reason: string };

/** The check character that completes the first 17 digits of a resident identity number. */
export function residentIdCheckCharacter(first17: string): string {
  return ID_CHECK[ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0) % 11]!;
}

export function checkResidentIdNumber(value: string, today: Date = new Date()): IdCheck {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return { valid: false, reason: 'must be 17 digits followed by a digit or X' };
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || y < 1900) {
    return { valid: false, reason: `birth date ${v.slice(6, 14)} is not a real date` };
  }
  if (birth.getTime() > today.getTime()) return { valid: false, reason: `birth date ${v.slice(6, 14)} is in the future` };
  if (residentIdCheckCharacter(v) !== v[17]) return { valid: false, reason: 'check digit does not match' };
  return { valid: true };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character that completes the first 17 characters of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(first17[i]!), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function checkUnifiedSocialCreditCode(value: string): IdCheck {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) {
    return { valid: false, reason: 'must be 18 characters: digits and capital letters except I, O, S, V, Z' };
  }
  if (usccCheckCharacter(v) !== v[17]) return { valid: false, reason: 'check character does not match' };
  return { valid: true };
}
