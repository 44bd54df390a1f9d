import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { SourceDto, SourceRequest, SourceWithKeyDto } from '@govdesk/contracts';
import { AuditService, type AuditActor } from '../../audit/audit.service';
import { AppError } from '../../common/errors/app.error';
import { OpinionSourceEntity } from '../entities/opinion-source.entity';

/** A new API key: `gdk_` and 32 random bytes in base64url; only its SHA-256 is kept. */
function newKey(): { key: string; hash: Buffer; prefix: string } {
  const key = `gdk_${randomBytes(32).toString('base64url')}`;
  return { key, hash: createHash('sha256').update(key).digest(), prefix: key.slice(0, 10) };
}

/** Sources of mentions and their API keys, managed by admins (audited; keys never logged). */
@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SourceDto[]> {
    const rows = await this.dataSource.getRepository(OpinionSourceEntity).find({ where: { deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    const counts: { source_id: string; n: number }[] = await this.dataSource.query(
      `SELECT source_id, count(*)::int AS n FROM mentions WHERE source_id = ANY($1::uuid[]) GROUP BY source_id`,
      [rows.map((r) => r.id)],
    );
    const byId = new Map(counts.map((c) => [c.source_id, c.n]));
    return rows.map((r) => this.toDto(r, byId.get(r.id) ?? 0));
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<OpinionSourceEntity> {
    const row = await manager.findOneBy(OpinionSourceEntity, { id, deletedAt: IsNull() });
    if (!row) throw new AppError('SOURCE_NOT_FOUND');
    return row;
  }

  async create(body: SourceRequest, actor: AuditActor, ip: string | null): Promise<SourceWithKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = body.kind === 'api' ? newKey() : null;
      const row = await manager.save(
        manager.create(OpinionSourceEntity, {
          name: body.name,
          kind: body.kind,
          channel: body.channel,
          feedUrl: body.feedUrl ?? null,
          pollMinutes: body.pollMinutes,
          enabled: body.enabled,
          keyHash: key?.hash ?? null,
          keyPrefix: key?.prefix ?? null,
        }),
      );
      await this.audit.record(manager, { actor, action: 'source.create', entityType: 'opinion_source', entityId: row.id, ip, after: { ...body, keyPrefix: key?.prefix ?? null } });
      return { source: this.toDto(row, 0), apiKey: key?.key ?? null };
    });
  }

  async update(id: string, body: SourceRequest, actor: AuditActor, ip: string | null): Promise<SourceDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.get(id, manager);
      const before = { name: row.name, kind: row.kind, channel: row.channel, feedUrl: row.feedUrl, pollMinutes: row.pollMinutes, enabled: row.enabled };
      Object.assign(row, { name: body.name, channel: body.channel, feedUrl: body.feedUrl ?? null, pollMinutes: body.pollMinutes, enabled: body.enabled });
      if (body.kind !== row.kind) {
        row.kind = body.kind;
        if (body.kind === 'rss') Object.assign(row, { keyHash: null, keyPrefix: null });
      }
      await manager.save(row);
      await this.audit.record(manager, { actor, action: 'source.update', entityType: 'opinion_source', entityId: id, ip, before, after: body });
      return this.toDto(row, 0);
    });
  }

  async rotateKey(id: string, actor: AuditActor, ip: string | null): Promise<SourceWithKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.get(id, manager);
      const key = newKey();
      const before = { keyPrefix: row.keyPrefix };
      Object.assign(row, { keyHash: key.hash, keyPrefix: key.prefix, kind: 'api' });
      await manager.save(row);
      await this.audit.record(manager, { actor, action: 'source.rotate_key', entityType: 'opinion_source', entityId: id, ip, before, after: { keyPrefix: key.prefix } });
      return { source: this.toDto(row, 0), apiKey: key.key };
    });
  }

  async remove(id: string, actor: AuditActor, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.get(id, manager);
      Object.assign(row, { deletedAt: new Date(), enabled: false, keyHash: null });
      await manager.save(row);
      await this.audit.record(manager, { actor, action: 'source.delete', entityType: 'opinion_source', entityId: id, ip, before: { name: row.name } });
    });
  }

  async recordPoll(id: string, error: string | null): Promise<void> {
    await this.dataSource.getRepository(OpinionSourceEntity).update({ id }, { lastPolledAt: new Date(), lastError: error?.slice(0, 500) ?? null });
  }

  toDto(r: OpinionSourceEntity, mentionCount: number): SourceDto {
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      channel: r.channel,
      feedUrl: r.feedUrl,
      pollMinutes: r.pollMinutes,
      enabled: r.enabled,
      keyPrefix: r.keyPrefix,
      lastPolledAt: r.lastPolledAt?.toISOString() ?? null,
      lastError: r.lastError,
      mentionCount,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
