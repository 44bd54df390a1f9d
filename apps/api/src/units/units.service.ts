import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { scopeIncludesUnit, unitScopeOf } from '@govdesk/domain';
import type { CreateUnitRequest, MemberDto, UnitDto, UpdateUnitRequest } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { isUniqueViolation } from '../database/pg-errors';
import { UserEntity } from '../users/user.entity';
import { UnitEntity } from './unit.entity';

export function toUnitDto(u: UnitEntity): UnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    letterhead: u.letterhead,
    active: u.active,
    leadUserId: u.leadUserId,
    leadName: u.lead?.displayName ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UnitDto[]> {
    const units = await this.dataSource.getRepository(UnitEntity).find({ relations: { lead: true }, order: { kind: 'ASC', name: 'ASC' } });
    return units.map(toUnitDto);
  }

  async get(id: string): Promise<UnitDto> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOne({ where: { id }, relations: { lead: true } });
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    return toUnitDto(unit);
  }

  async create(body: CreateUnitRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<UnitDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const unit = await manager.save(manager.create(UnitEntity, { ...body, letterhead: body.letterhead ?? '' }));
        const dto = toUnitDto(unit);
        await this.audit.record(manager, { actor, action: 'unit.create', entityType: 'unit', entityId: unit.id, ip: meta.ip, after: dto });
        return dto;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('UNIT_DUPLICATE');
      throw error;
    }
  }

  async update(id: string, body: UpdateUnitRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<UnitDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const unit = await manager.findOne(UnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!unit) throw new AppError('UNIT_NOT_FOUND');
        unit.lead = unit.leadUserId ? await manager.findOneBy(UserEntity, { id: unit.leadUserId }) : null;
        const before = toUnitDto(unit);
        const { leadUserId, ...fields } = body;
        Object.assign(unit, fields);
        if (leadUserId !== undefined && leadUserId !== unit.leadUserId) {
          unit.lead = leadUserId === null ? null : await this.checkLead(manager, id, leadUserId);
          unit.leadUserId = leadUserId;
        }
        const after = toUnitDto(await manager.save(unit));
        await this.audit.record(manager, { actor, action: 'unit.update', entityType: 'unit', entityId: id, ip: meta.ip, before, after });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('UNIT_DUPLICATE');
      throw error;
    }
  }

  /** A lead must be an enabled user of the unit. */
  private async checkLead(manager: EntityManager, unitId: string, userId: string): Promise<UserEntity> {
    const user = await manager.findOneBy(UserEntity, { id: userId, unitId, disabled: false });
    if (!user) {
      throw new AppError('VALIDATION_FAILED', 'leadUserId: not an enabled user of this unit', [{ field: 'leadUserId', message: 'not an enabled user of this unit' }], '单位负责人须为本单位的在用账户。');
    }
    return user;
  }

  /**
   * The enabled users of a unit, for assigning work. Scoped in the query: a handler asking
   * for another unit gets 404, exactly as for a unit that does not exist.
   */
  async members(unitId: string, actor: CurrentUserInfo): Promise<MemberDto[]> {
    if (!scopeIncludesUnit(unitScopeOf(actor), unitId)) throw new AppError('UNIT_NOT_FOUND');
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ id: unitId });
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    const users = await this.dataSource
      .getRepository(UserEntity)
      .find({ where: { unitId, disabled: false }, order: { displayName: 'ASC' } });
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles }));
  }
}
