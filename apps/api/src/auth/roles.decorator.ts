import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@govdesk/domain';

export const ROLES_KEY = 'govdesk:roles';
export const PUBLIC_KEY = 'govdesk:public';

/**
 * Every endpoint declares who may call it: `@Roles(...)` or `@Public()`.
 * The global AuthGuard refuses a route that declares neither (deny by default).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const AnyRole = () => SetMetadata(ROLES_KEY, [...ROLES]);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const API_KEY_KEY = 'govdesk:api-key';
/** Besides a user's token with one of the roles, an enabled source's `X-Api-Key` may call this route. */
export const ApiKeyAllowed = () => SetMetadata(API_KEY_KEY, true);
