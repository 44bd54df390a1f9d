import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { unitRequiredFor } from '@govdesk/domain';
import type { CreateUserRequest, UpdateUserRequest, UserDto } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { hashPassword } from '../auth/password.util';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { isUniqueViolation } from '../database/pg-errors';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from './user.entity';

/** What the API and the audit log show of a user: never the password hash. */
export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: [...u.roles],
    unitId: u.unitId,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserDto[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map(toUserDto);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new AppError('USER_NOT_FOUND');
    return toUserDto(user);
  }

  async create(body: CreateUserRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<UserDto> {
    const passwordHash = await hashPassword(body.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.checkUnit(manager, body.roles, body.unitId);
        const user = await manager.save(
          manager.create(UserEntity, {
            username: body.username.toLowerCase(),
            displayName: body.displayName,
            passwordHash,
            roles: [...new Set(body.roles)],
            unitId: body.unitId,
          }),
        );
        const dto = toUserDto(user);
        await this.audit.record(manager, { actor, action: 'user.create', entityType: 'user', entityId: user.id, ip: meta.ip, after: dto });
        return dto;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('USER_DUPLICATE');
      throw error;
    }
  }

  async update(id: string, body: UpdateUserRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<UserDto> {
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AppError('USER_NOT_FOUND');
      if (id === actor.id && (body.disabled === true || (body.roles && !body.roles.includes('admin')))) {
        throw new AppError('USER_CANNOT_DISABLE_SELF');
      }
      const before = toUserDto(user);
      if (body.displayName !== undefined) user.displayName = body.displayName;
      if (body.roles !== undefined) user.roles = [...new Set(body.roles)];
      if (body.unitId !== undefined) user.unitId = body.unitId;
      if (body.disabled !== undefined) user.disabled = body.disabled;
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.failedLogins = 0;
        user.lockedUntil = null;
      }
      await this.checkUnit(manager, user.roles, user.unitId);
      const after = toUserDto(await manager.save(user));
      // A lead is a user of the unit: moving to another unit ends the role.
      if (before.unitId !== user.unitId) await manager.query('UPDATE units SET lead_user_id = NULL WHERE lead_user_id = $1', [id]);
      await this.audit.record(manager, {
        actor,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        ip: meta.ip,
        before,
        after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
  }

  private async checkUnit(manager: EntityManager, roles: UserEntity['roles'], unitId: string | null): Promise<void> {
    if (unitId === null) {
      if (unitRequiredFor(roles)) throw new AppError('USER_UNIT_REQUIRED');
      return;
    }
    if (!(await manager.existsBy(UnitEntity, { id: unitId }))) throw new AppError('USER_UNIT_UNKNOWN');
  }
}
