import { z } from 'zod';

export const UNIT_KINDS = ['office', 'department', 'town', 'street'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const unitCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'code: 2–40 lower-case letters, digits, "-" or "_", starting with a letter');

export const createUnitSchema = z.object({
  code: unitCode,
  name: z.string().trim().min(2, 'name: at least 2 characters').max(60),
  kind: z.enum(UNIT_KINDS),
  letterhead: z.string().trim().max(120).optional(),
});
export type CreateUnitRequest = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = createUnitSchema
  .partial()
  .extend({
    active: z.boolean().optional(),
    /** The unit's lead: an enabled user of this unit, or null for none. */
    leadUserId: z.uuid().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateUnitRequest = z.infer<typeof updateUnitSchema>;

export interface UnitDto {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  letterhead: string;
  active: boolean;
  /** The unit's lead (负责人): notified with the handlers when a deadline is near or passed. */
  leadUserId: string | null;
  leadName: string | null;
  createdAt: string;
  updatedAt: string;
}
