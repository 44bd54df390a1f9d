import { z } from 'zod';
import { roleSchema } from './auth';

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const PASSWORD_MIN_LENGTH = 8;

const username = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, 'username: 3–32 lower-case letters, digits, ".", "-" or "_", starting with a letter');
const password = z.string().min(PASSWORD_MIN_LENGTH, `password: at least ${PASSWORD_MIN_LENGTH} characters`).max(256);
const roles = z.array(roleSchema).min(1, 'roles: at least one role').max(4);

export const createUserSchema = z.object({
  username,
  displayName: z.string().trim().min(1).max(60),
  password,
  roles,
  unitId: z.uuid().nullable().default(null),
});
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(60),
    password,
    roles,
    unitId: z.uuid().nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  roles: z.infer<typeof roleSchema>[];
  unitId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a handler sees of a colleague (for assigning work within a unit). */
export interface MemberDto {
  id: string;
  username: string;
  displayName: string;
  roles: z.infer<typeof roleSchema>[];
}
