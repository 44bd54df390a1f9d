import type { FieldError } from '@govdesk/contracts';
import type { ZodType } from 'zod';

/** Checks a setting with the same contracts schema the API uses; issues in the API's `{field, message}` form. */
export function issuesOf(schema: ZodType, value: unknown): FieldError[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ field: issue.path.length ? issue.path.map(String).join('.') : '(body)', message: issue.message }));
}

/** The first error at this path or under it (e.g. `entries.3.word`, or `rules.2` for anything in that rule). */
export function errorAt(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.field === path || e.field.startsWith(`${path}.`))?.message;
}

/** `rules.2.when.minMentions` → `rules #3 › when › minMentions`: rows counted from 1 as on screen. */
export function readablePath(field: string): string {
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part))
    .join(' › ')
    .replace(/ › #/g, ' #');
}
