import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { hasAnyRole, type Role } from '@govdesk/domain';
import { AppError } from '../common/errors/app.error';
import { UserEntity } from '../users/user.entity';
import type { AuthenticatedRequest, CurrentUserInfo } from './current-user.decorator';
import { createHash } from 'node:crypto';
import { OpinionSourceEntity } from '../opinion/entities/opinion-source.entity';
import { API_KEY_KEY, PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { TokenService } from './token.service';

/**
 * The global guard: public routes pass; every other route needs a valid token of an enabled
 * user holding one of the route's roles. A route that declares no roles is refused.
 * The user is loaded on every request, so disabling a user or changing roles takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && !request.headers.authorization && this.reflector.getAllAndOverride<boolean>(API_KEY_KEY, targets)) {
      request.source = await this.authenticateKey(apiKey);
      return true;
    }
    const user = await this.authenticate(request.headers.authorization);
    request.user = user;

    if (!roles) {
      this.logger.error(`Route ${request.method} ${request.path} declares no roles; refused`);
      throw new AppError('AUTH_FORBIDDEN');
    }
    if (!hasAnyRole(user, roles)) throw new AppError('AUTH_FORBIDDEN');
    return true;
  }

  /** An enabled source's API key (only its SHA-256 is stored). */
  async authenticateKey(key: string): Promise<{ id: string; name: string }> {
    const source = await this.dataSource
      .getRepository(OpinionSourceEntity)
      .findOneBy({ keyHash: createHash('sha256').update(key.trim()).digest(), enabled: true, deletedAt: IsNull() });
    if (!source) throw new AppError('API_KEY_INVALID');
    return { id: source.id, name: source.name };
  }

  async authenticate(header: string | undefined): Promise<CurrentUserInfo> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match?.[1]) throw new AppError('AUTH_REQUIRED');
    const payload = await this.tokens.verify(match[1]);
    if (!payload) throw new AppError('AUTH_TOKEN_INVALID');
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: payload.sub });
    if (!user || user.disabled) throw new AppError('AUTH_TOKEN_INVALID');
    return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unitId: user.unitId };
  }
}
