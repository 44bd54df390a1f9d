import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    const units = await this.dataSource.getRepository(UnitEntity).find({ order: { kind: 'ASC', name: 'ASC' } });
    return units.map(toUnitDto);
  }

  async get(id: string): Promise<UnitDto> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ id });
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
        const before = toUnitDto(unit);
        Object.assign(unit, body);
        const after = toUnitDto(await manager.save(unit));
        await this.audit.record(manager, { actor, action: 'unit.update', entityType: 'unit', entityId: id, ip: meta.ip, before, after });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('UNIT_DUPLICATE');
      throw error;
    }
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
