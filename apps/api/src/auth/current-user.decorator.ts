import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@govdesk/domain';

/** The logged-in user, as the AuthGuard loaded it for this request. */
export interface CurrentUserInfo extends Actor {
  username: string;
  displayName: string;
}

/** A source that called with its API key instead of a user's token. */
export interface ApiKeySource {
  id: string;
  name: string;
}

export type AuthenticatedRequest = Request & { user?: CurrentUserInfo; source?: ApiKeySource };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUserInfo => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
