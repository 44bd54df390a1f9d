import { createUserSchema, updateUserSchema } from './users';
import { createUnitSchema } from './units';
import { loginRequestSchema } from './auth';

describe('contracts', () => {
  it('accepts a valid new handler and defaults unitId to null when absent', () => {
    const ok = createUserSchema.parse({
      username: 'li.na',
      displayName: '李娜',
      password: 'correct-horse',
      roles: ['handler'],
    });
    expect(ok.unitId).toBeNull();
  });

  it('rejects unknown roles, short passwords and bad usernames with the field named', () => {
    const res = createUserSchema.safeParse({ username: 'X', displayName: '', password: 'short', roles: ['root'] });
    expect(res.success).toBe(false);
    const fields = res.error?.issues.map((i) => i.path.join('.')).sort();
    expect(fields).toEqual(['displayName', 'password', 'roles.0', 'username']);
  });

  it('refuses an empty update', () => {
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ disabled: true }).success).toBe(true);
  });

  it('checks unit codes and login bodies', () => {
    expect(createUnitSchema.safeParse({ code: 'edu', name: '县教体局', kind: 'department' }).success).toBe(true);
    expect(createUnitSchema.safeParse({ code: 'Edu Bureau', name: '县教体局', kind: 'department' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ username: 'admin' }).success).toBe(false);
  });
});
