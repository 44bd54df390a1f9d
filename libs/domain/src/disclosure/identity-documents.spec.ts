import { checkResidentIdNumber, checkUnifiedSocialCreditCode } from './identity-documents';

describe('resident identity numbers (GB 11643-1999)', () => {
  const today = new Date('2026-11-26T00:00:00Z');

  it('accepts valid numbers, with X as check character', () => {
    expect(checkResidentIdNumber('11010519491231002X', today)).toEqual({ valid: true });
    expect(checkResidentIdNumber('37012419900101123X', today)).toEqual({ valid: true });
  });

  it('refuses a wrong check digit, a false date, a future birth and a bad shape', () => {
    expect(checkResidentIdNumber('110105194912310021', today)).toMatchObject({ valid: false, reason: 'check digit does not match' });
    expect(checkResidentIdNumber('370124199002301234', today)).toMatchObject({ valid: false, reason: expect.stringContaining('not a real date') });
    expect(checkResidentIdNumber('370124203001011234', today)).toMatchObject({ valid: false, reason: expect.stringContaining('future') });
    expect(checkResidentIdNumber('37012419900101', today)).toMatchObject({ valid: false });
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts valid codes', () => {
    expect(checkUnifiedSocialCreditCode('91350100M000100Y43')).toEqual({ valid: true });
    expect(checkUnifiedSocialCreditCode('91110000600037341L')).toEqual({ valid: true });
  });

  it('refuses a wrong check character and forbidden letters', () => {
    expect(checkUnifiedSocialCreditCode('91350100M000100Y44')).toMatchObject({ valid: false, reason: 'check character does not match' });
    expect(checkUnifiedSocialCreditCode('91350100M000100I43')).toMatchObject({ valid: false });
  });
});
