import { hasAnyRole, isRole, scopeIncludesUnit, unitRequiredFor, unitScopeOf } from './roles';

describe('unit scope', () => {
  it('gives county-wide roles every unit', () => {
    for (const role of ['admin', 'supervisor', 'monitor'] as const) {
      expect(unitScopeOf({ id: 'u', roles: [role], unitId: null })).toEqual({ kind: 'all' });
    }
  });

  it('limits a handler to their own unit', () => {
    const scope = unitScopeOf({ id: 'u', roles: ['handler'], unitId: 'edu' });
    expect(scope).toEqual({ kind: 'units', unitIds: ['edu'] });
    expect(scopeIncludesUnit(scope, 'edu')).toBe(true);
    expect(scopeIncludesUnit(scope, 'water')).toBe(false);
    expect(scopeIncludesUnit(scope, null)).toBe(false);
  });

  it('gives a handler without a unit nothing', () => {
    const scope = unitScopeOf({ id: 'u', roles: ['handler'], unitId: null });
    expect(scopeIncludesUnit(scope, 'edu')).toBe(false);
  });

  it('widens a handler who is also a supervisor', () => {
    expect(unitScopeOf({ id: 'u', roles: ['handler', 'supervisor'], unitId: 'edu' })).toEqual({ kind: 'all' });
  });
});

describe('roles', () => {
  it('recognises only the four roles', () => {
    expect(isRole('handler')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('checks role membership', () => {
    expect(hasAnyRole({ roles: ['monitor'] }, ['admin', 'monitor'])).toBe(true);
    expect(hasAnyRole({ roles: ['handler'] }, ['admin'])).toBe(false);
  });

  it('requires a unit for handlers only', () => {
    expect(unitRequiredFor(['handler'])).toBe(true);
    expect(unitRequiredFor(['monitor', 'supervisor'])).toBe(false);
  });
});
