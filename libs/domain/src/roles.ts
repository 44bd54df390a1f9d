/**
 * Roles and unit scope (DOMAIN.md "Roles").
 *
 * A user may hold several roles. Handlers belong to a unit and see only that unit's records;
 * supervisors, monitors and admins work across the county. Every query that lists or loads
 * unit-owned records asks `unitScopeOf` which units the actor may see.
 */
export const ROLES = ['admin', 'supervisor', 'handler', 'monitor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly unitId: string | null;
}

export type UnitScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'units'; readonly unitIds: readonly string[] };

const COUNTY_WIDE_ROLES: readonly Role[] = ['admin', 'supervisor', 'monitor'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(actor: Pick<Actor, 'roles'>, allowed: readonly Role[]): boolean {
  return actor.roles.some((role) => allowed.includes(role));
}

/** The units whose records this actor may see. A handler without a unit sees none. */
export function unitScopeOf(actor: Actor): UnitScope {
  if (hasAnyRole(actor, COUNTY_WIDE_ROLES)) return { kind: 'all' };
  return { kind: 'units', unitIds: actor.unitId ? [actor.unitId] : [] };
}

export function scopeIncludesUnit(scope: UnitScope, unitId: string | null): boolean {
  if (scope.kind === 'all') return true;
  return unitId !== null && scope.unitIds.includes(unitId);
}

/** Handlers must belong to a unit: a handler without one could see nothing and do nothing. */
export function unitRequiredFor(roles: readonly Role[]): boolean {
  return roles.includes('handler');
}
