import { generatePassword, hashPassword, verifyPassword } from './password.util';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('正确的密码 correct horse');
    expect(hash.startsWith('scrypt$32768$8$3$')).toBe(true);
    await expect(verifyPassword('正确的密码 correct horse', hash)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 correct hors', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('refuses hashes of an unknown scheme', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });

  it('generates passwords from the readable alphabet', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
  });
});
