import { z } from 'zod';
import { ROLES } from '@govdesk/domain';

export const roleSchema = z.enum(ROLES);

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: z.infer<typeof roleSchema>[];
  unitId: string | null;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: SessionUser;
}
