import type { SelectQueryBuilder } from 'typeorm';
import { scopeIncludesUnit, unitScopeOf, type Actor } from '@govdesk/domain';

/**
 * Unit scope in the API, in one place: a record of another unit is treated exactly like a record
 * that does not exist (404), and list queries only ever see the actor's units.
 */
export function inScope<T extends { unitId: string }>(row: T | null | undefined, actor: Actor): row is T {
  return row != null && scopeIncludesUnit(unitScopeOf(actor), row.unitId);
}

/** Restricts a query to the actor's units; `column` is the aliased unit column, e.g. `r.unitId`. */
export function scopeQuery<T extends object>(qb: SelectQueryBuilder<T>, column: string, actor: Actor): SelectQueryBuilder<T> {
  const scope = unitScopeOf(actor);
  if (scope.kind === 'units') qb.andWhere(scope.unitIds.length ? `${column} IN (:...scopeUnits)` : 'false', { scopeUnits: scope.unitIds });
  return qb;
}
