import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LoginRequest, LoginResponse } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { UserEntity } from '../users/user.entity';
import { dummyPasswordHash, verifyPassword } from './password.util';
import { TokenService } from './token.service';

/** Wrong passwords in a row after which an account is locked for LOCK_MINUTES (429). */
export const MAX_FAILED_LOGINS = 10;
export const LOCK_MINUTES = 15;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async login(body: LoginRequest, meta: RequestMeta): Promise<LoginResponse> {
    const username = body.username.toLowerCase();
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user) {
      await verifyPassword(body.password, await dummyPasswordHash());
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError('AUTH_THROTTLED');

    const ok = await verifyPassword(body.password, user.passwordHash);
    if (!ok) {
      await this.recordFailure(user.id, meta);
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');

    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
      await this.audit.record(manager, {
        actor: { id: user.id, username: user.username },
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        ip: meta.ip,
      });
    });
    return {
      accessToken: await this.tokens.sign({ sub: user.id, username: user.username }),
      expiresIn: this.tokens.ttlSeconds,
      user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unitId: user.unitId },
    };
  }

  /** Counts the failure atomically (parallel attempts cannot undercount) and locks at the limit. */
  private async recordFailure(userId: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: { failed_logins: number; locked_until: Date | null }[] = await manager.query(
        `UPDATE users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 RETURNING failed_logins, locked_until`,
        [userId, MAX_FAILED_LOGINS, LOCK_MINUTES],
      );
      const row = rows[0];
      await this.audit.record(manager, {
        actor: { id: null, username: 'anonymous' },
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: userId,
        ip: meta.ip,
        after: row ? { failedLogins: row.failed_logins, lockedUntil: row.locked_until } : null,
      });
    });
  }
}
