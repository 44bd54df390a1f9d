import { checkResidentIdNumber, checkUnifiedSocialCreditCode, type IdType } from '@govdesk/domain';

export type LiveIdCheck =
  | { state: 'empty' }
  | { state: 'typing'; count: number }
  | { state: 'valid' }
  /** `messageKey` is an i18n key under requests.register.idInvalid. */
  | { state: 'invalid'; messageKey: string }
  /** Passports and other IDs have no checksum: anything non-empty goes. */
  | { state: 'unchecked' };

const ID_LENGTH = 18;

/** Checks an ID number as it is typed: incomplete numbers are "typing", complete ones valid or not. */
export function liveIdCheck(idType: IdType | undefined, raw: string | undefined): LiveIdCheck {
  const value = (raw ?? '').trim().toUpperCase();
  if (!value) return { state: 'empty' };
  if (idType === 'resident_id') {
    if (value.length < ID_LENGTH && /^\d*$/.test(value)) return { state: 'typing', count: value.length };
    const check = checkResidentIdNumber(value);
    if (check.valid) return { state: 'valid' };
    return { state: 'invalid', messageKey: residentIdProblem(check.reason) };
  }
  if (idType === 'unified_social_credit_code') {
    if (value.length < ID_LENGTH && /^[0-9A-Z]*$/.test(value)) return { state: 'typing', count: value.length };
    const check = checkUnifiedSocialCreditCode(value);
    if (check.valid) return { state: 'valid' };
    return { state: 'invalid', messageKey: check.reason.startsWith('check') ? 'usccCheck' : 'usccFormat' };
  }
  return { state: 'unchecked' };
}

function residentIdProblem(reason: string): string {
  if (reason.startsWith('check')) return 'checkDigit';
  if (reason.includes('in the future')) return 'future';
  if (reason.startsWith('birth date')) return 'birthDate';
  return 'format';
}
