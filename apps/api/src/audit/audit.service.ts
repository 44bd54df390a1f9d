import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntryDto } from '@govdesk/contracts';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditActor {
  id: string | null;
  username: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, username: 'system' };

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string | null;
  ip?: string | null;
  before?: object | null;
  after?: object | null;
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  limit: number;
  beforeId?: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes an entry with the caller's transaction, so the entry and the change commit together. */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.recordMany(manager, [entry]);
  }

  /** Writes several entries with one statement, in the caller's transaction. */
  async recordMany(manager: EntityManager, entries: AuditRecord[]): Promise<void> {
    if (!entries.length) return;
    await manager.insert(
      AuditEntryEntity,
      entries.map((entry) => ({
        actorId: entry.actor.id,
        actorName: entry.actor.username,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        ip: entry.ip ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
      })),
    );
  }

  async list(query: AuditQuery): Promise<AuditEntryDto[]> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').limit(query.limit);
    if (query.entityType) qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: query.beforeId });
    const rows = await qb.getMany();
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      ip: r.ip,
      before: r.before,
      after: r.after,
    }));
  }
}
