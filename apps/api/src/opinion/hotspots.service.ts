import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { HotspotDetailDto, HotspotListQuery, HotspotSummaryDto, HotspotTimelinePoint, MentionDto } from '@govdesk/contracts';
import { addToHeat, emptyHeat, evaluateLevel, growthOf, mentionWeight, type HotspotLevel, type MentionChannel } from '@govdesk/domain';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { AppError } from '../common/errors/app.error';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { UnitEntity } from '../units/unit.entity';
import { indexedFromRow } from './clustering/cluster-state';
import { isDistrictCode, mentionVector, type HotspotIndex } from './clustering/hotspot-index';
import { HotspotEntity } from './entities/hotspot.entity';
import { MentionEntity } from './entities/mention.entity';
import { figuresOf } from './hotspot-figures';
import { IngestService } from './ingest.service';
import { mergedPointer } from './merged-pointer';
import { headlineOf, namedAuthors, reachTotal } from './mention-figures';
import { OpinionSettingsService } from './settings/opinion-settings.service';

const NEGATIVE = (score: number): boolean => score < 0;

export function toMentionDto(m: MentionEntity): MentionDto {
  const score = Math.round(m.sentimentScore * 10000) / 10000;
  return {
    id: String(m.id),
    channel: m.channel,
    externalId: m.externalId,
    title: m.title,
    content: m.content,
    author: m.author,
    url: m.url,
    publishedAt: new Date(m.publishedAt).toISOString(),
    reach: { likes: 0, dislikes: 0, reposts: 0, comments: 0, views: 0, ...m.reach },
    place: m.place,
    sentiment: { label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', score },
    category: m.category,
    keywords: m.keywords,
    places: m.places,
    flags: m.flags,
    hotspotId: m.hotspotId,
    duplicateCount: m.duplicateCount,
  };
}

export function toHotspotSummary(h: HotspotEntity, unitName: string | null = null): HotspotSummaryDto {
  const keywords = Object.entries(h.terms ?? {})
    .filter(([w]) => !isDistrictCode(w))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([word, weight]) => ({ word, weight: Math.round(weight * 1000) / 1000 }));
  return {
    id: h.id,
    title: h.title,
    level: h.level,
    levelReason: h.levelReason,
    levelManual: h.levelManual,
    heat: Math.round(h.heat * 100) / 100,
    growth: h.growth,
    mentionCount: h.mentionCount,
    duplicateCount: h.duplicateCount,
    authorCount: h.authorCount,
    negativeShare: h.mentionCount ? Math.round((h.negativeCount / h.mentionCount) * 1000) / 1000 : 0,
    reach: Number(h.reach),
    category: h.category,
    keywords,
    places: Object.entries(h.places ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([name]) => name),
    flags: h.flags,
    channels: h.channels,
    firstSeenAt: new Date(h.firstSeenAt).toISOString(),
    lastSeenAt: new Date(h.lastSeenAt).toISOString(),
    status: h.status,
    unitId: h.unitId,
    unitName,
  };
}

/** Hotspots for monitors and supervisors: lists, the page, and a monitor's corrections (all audited). */
@Injectable()
export class HotspotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
    private readonly settings: OpinionSettingsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: HotspotListQuery): Promise<{ items: HotspotSummaryDto[]; total: number }> {
    const qb = this.dataSource.getRepository(HotspotEntity).createQueryBuilder('h').leftJoin(UnitEntity, 'u', 'u.id = h.unitId').addSelect('u.name', 'unit_name');
    if (query.status) qb.andWhere('h.status = :status', { status: query.status });
    else qb.andWhere(`h.status <> 'merged'`);
    if (query.level) qb.andWhere('h.level <= :level', { level: query.level });
    if (query.minMentions) qb.andWhere('h.mentionCount >= :min', { min: query.minMentions });
    if (query.q) qb.andWhere(`(h.title ILIKE :q OR h.terms ? :word)`, { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`, word: query.q });
    const total = await qb.getCount();
    if (query.sort === 'size') qb.orderBy('h.mentionCount', 'DESC').addOrderBy('h.lastSeenAt', 'DESC');
    else if (query.sort === 'recent') qb.orderBy('h.lastSeenAt', 'DESC');
    // Heat decays with a 24-hour half-life; ordering by log-heat plus time keeps old and live data comparable.
    else qb.orderBy(`ln(greatest(h.heat, 1e-6)) + extract(epoch from h.heat_at) / 86400.0 * ln(2)`, 'DESC');
    qb.addOrderBy('h.id').offset(query.offset).limit(query.limit);
    const { entities, raw } = await qb.getRawAndEntities<{ unit_name: string | null }>();
    return { items: entities.map((h, i) => toHotspotSummary(h, raw[i]?.unit_name ?? null)), total };
  }

  async detail(id: string, manager: EntityManager = this.dataSource.manager): Promise<HotspotDetailDto> {
    const h = await manager.findOneBy(HotspotEntity, { id });
    if (!h) throw new AppError('HOTSPOT_NOT_FOUND');
    const unit = h.unitId ? await manager.findOneBy(UnitEntity, { id: h.unitId }) : null;
    const span = new Date(h.lastSeenAt).getTime() - new Date(h.firstSeenAt).getTime();
    const bucket: 'hour' | 'day' = span <= 3 * 86_400_000 ? 'hour' : 'day';
    const timeline: { at: Date; count: number; negative: number; neutral: number; positive: number; mean: number }[] = await manager.query(
      `SELECT date_trunc($2, published_at AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS at, count(*)::int AS count,
              count(*) FILTER (WHERE sentiment_score < 0)::int AS negative, count(*) FILTER (WHERE sentiment_score = 0)::int AS neutral,
              count(*) FILTER (WHERE sentiment_score > 0)::int AS positive, avg(sentiment_score)::float AS mean
         FROM mentions WHERE hotspot_id = $1 GROUP BY 1 ORDER BY 1`,
      [id, bucket],
    );
    const mentions = await this.mentions(id, 200, 0, manager);
    const requests: { id: string; receipt_no: string; description: string; status: string }[] = await manager.query(
      `SELECT r.id, r.receipt_no, r.description, r.status FROM hotspot_requests l JOIN disclosure_requests r ON r.id = l.request_id
        WHERE l.hotspot_id = $1 ORDER BY l.linked_at`,
      [id],
    );
    const mergedFrom: { id: string; title: string; merged_at: Date; automatic: boolean }[] = await manager.query(
      `SELECT h.id, h.title, h.updated_at AS merged_at,
              EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'hotspot' AND a.entity_id = $1::text AND a.action = 'hotspot.auto_merge' AND a.after->>'merged' = h.id::text) AS automatic
         FROM hotspots h WHERE h.merged_into = $1::uuid ORDER BY h.updated_at DESC LIMIT 100`,
      [id],
    );
    return {
      ...toHotspotSummary(h, unit?.name ?? null),
      bucket,
      timeline: timeline.map(
        (t): HotspotTimelinePoint => ({
          at: new Date(t.at).toISOString(),
          count: t.count,
          negative: t.negative,
          neutral: t.neutral,
          positive: t.positive,
          meanScore: Math.round(t.mean * 1000) / 1000,
        }),
      ),
      mentions,
      requests: requests.map((r) => ({ id: r.id, receiptNo: r.receipt_no, subject: r.description.slice(0, 80), status: r.status })),
      mergedInto: h.mergedInto,
      mergedFrom: mergedFrom.map((m) => ({ id: m.id, title: m.title, mergedAt: new Date(m.merged_at).toISOString(), automatic: m.automatic })),
    };
  }

  async mentions(id: string, limit: number, offset: number, manager: EntityManager = this.dataSource.manager): Promise<MentionDto[]> {
    const rows = await manager.find(MentionEntity, { where: { hotspotId: id }, order: { publishedAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
    return rows.map(toMentionDto);
  }

  /** Moves every mention of the other hotspots into this one; they stay as `merged` pointers. */
  async merge(id: string, others: string[], actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    const ids = [...new Set(others)].filter((o) => o !== id);
    if (!ids.length) throw new AppError('HOTSPOT_MERGE_INVALID');
    return this.change(async (manager, index, afterCommit) => {
      const target = await this.openHotspot(manager, id);
      const sources = await manager.getRepository(HotspotEntity).createQueryBuilder('h').where('h.id IN (:...ids)', { ids }).getMany();
      if (sources.length !== ids.length) throw new AppError('HOTSPOT_NOT_FOUND');
      if (sources.some((s) => s.status === 'merged')) throw new AppError('HOTSPOT_NOT_OPEN');
      await manager.query(`UPDATE mentions SET hotspot_id = $1, merged_from = hotspot_id WHERE hotspot_id = ANY($2::uuid[])`, [id, ids]);
      await manager.query(`UPDATE hotspot_requests SET hotspot_id = $1 WHERE hotspot_id = ANY($2::uuid[]) AND request_id NOT IN (SELECT request_id FROM hotspot_requests WHERE hotspot_id = $1)`, [id, ids]);
      await manager.query(`DELETE FROM hotspot_requests WHERE hotspot_id = ANY($1::uuid[])`, [ids]);
      const duplicates = sources.reduce((n, s) => n + s.duplicateCount, 0);
      const rebuilt = await this.rebuild(manager, index, target, { duplicateCount: target.duplicateCount + duplicates });
      const emptied = sources.map((s) => mergedPointer(s, id));
      await this.saveAll(manager, index, [rebuilt, ...emptied]);
      await this.audit.record(manager, { actor, action: 'hotspot.merge', entityType: 'hotspot', entityId: id, ip, before: { merged: ids }, after: { mentionCount: rebuilt.mentionCount } });
      // The merged hotspots' open alerts follow them; boards drop them and show the survivor's figures.
      const changes = [rebuilt, ...emptied].map((h, i) => ({ hotspot: h, created: false, previousLevel: [target, ...sources][i]!.level, figures: figuresOf(h), rule: h.levelReason, added: 0 }));
      afterCommit.push(await this.ingest.announceInTransaction(manager, changes));
      return id;
    });
  }

  /**
   * Undoes a merge (automatic or by hand): the mentions that merge moved here go back to the
   * merged hotspot, which is open again; both are rebuilt from their mentions and kept apart
   * from then on, so that clustering does not merge them again. Linked requests and alerts stay.
   */
  async unmerge(id: string, fromId: string, actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.change(async (manager, index, afterCommit) => {
      const target = await this.openHotspot(manager, id);
      const from = await manager.findOneBy(HotspotEntity, { id: fromId });
      if (!from) throw new AppError('HOTSPOT_NOT_FOUND');
      if (from.status !== 'merged' || from.mergedInto !== id) throw new AppError('HOTSPOT_UNMERGE_INVALID');
      const [{ n }]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM mentions WHERE hotspot_id = $1 AND merged_from = $2`, [id, fromId]);
      if (n === 0 || n >= target.mentionCount) throw new AppError('HOTSPOT_UNMERGE_INVALID');
      await manager.query(`UPDATE mentions SET hotspot_id = $2, merged_from = NULL WHERE hotspot_id = $1 AND merged_from = $2`, [id, fromId]);
      const rest = await this.rebuild(manager, index, target, { keepApart: true });
      const back = await this.rebuild(manager, index, { ...from, status: 'open', mergedInto: null, keepApart: true, levelManual: false, level: null }, {});
      await this.saveAll(manager, index, [rest, back]);
      await this.audit.record(manager, { actor, action: 'hotspot.unmerge', entityType: 'hotspot', entityId: id, ip, before: { merged: fromId }, after: { mentionsBack: n, mentionCount: rest.mentionCount } });
      const changes = [rest, back].map((h, i) => ({ hotspot: h, created: false, previousLevel: [target, from][i]!.level, figures: figuresOf(h), rule: h.levelReason, added: 0 }));
      afterCommit.push(await this.ingest.announceInTransaction(manager, changes));
      return id;
    });
  }

  /** Makes a new hotspot of some of this hotspot's mentions. */
  async split(id: string, mentionIds: string[], actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.change(async (manager, index) => {
      const source = await this.openHotspot(manager, id);
      const owned: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM mentions WHERE hotspot_id = $1 AND id = ANY($2::bigint[])`, [id, mentionIds]);
      const unique = new Set(mentionIds).size;
      if (owned[0]!.n !== unique || unique >= source.mentionCount) throw new AppError('HOTSPOT_SPLIT_INVALID');
      const newId = crypto.randomUUID();
      // Both sides stay apart from now on: clustering would otherwise merge them again.
      const fresh = { ...source, id: newId, createdAt: new Date(), levelManual: false, level: null, levelReason: null, unitId: source.unitId, duplicateCount: 0, titleScore: 0, keepApart: true };
      await manager.query(`UPDATE mentions SET hotspot_id = $1 WHERE id = ANY($2::bigint[])`, [newId, mentionIds]);
      const a = await this.rebuild(manager, index, source, { keepApart: true });
      const b = await this.rebuild(manager, index, fresh as HotspotEntity, { title: '' });
      await this.saveAll(manager, index, [a, b]);
      await this.audit.record(manager, { actor, action: 'hotspot.split', entityType: 'hotspot', entityId: id, ip, after: { newHotspotId: newId, mentionIds } });
      return newId;
    });
  }

  async setLevel(id: string, level: HotspotLevel | null, reason: string, actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.change(async (manager, index) => {
      const h = await this.openHotspot(manager, id);
      const before = { level: h.level, levelManual: h.levelManual, levelReason: h.levelReason };
      let next: HotspotEntity;
      if (level === null) {
        // Back to the rules: recompute from its mentions.
        next = await this.rebuild(manager, index, { ...h, levelManual: false, level: null }, {});
      } else {
        next = { ...h, level, levelManual: true, levelReason: `${reason}（${actor.username}）` };
      }
      await this.saveAll(manager, index, [next]);
      await this.audit.record(manager, { actor, action: 'hotspot.level', entityType: 'hotspot', entityId: id, ip, before, after: { level: next.level, levelManual: next.levelManual, reason } });
      return id;
    });
  }

  async setUnit(id: string, unitId: string | null, actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.simpleChange(id, actor, ip, 'hotspot.assign_unit', async (manager) => {
      if (unitId && !(await manager.existsBy(UnitEntity, { id: unitId }))) throw new AppError('UNIT_NOT_FOUND');
      return { unitId };
    });
  }

  async setStatus(id: string, status: 'open' | 'closed', actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.change(async (manager, index) => {
      const h = await manager.findOneBy(HotspotEntity, { id });
      if (!h) throw new AppError('HOTSPOT_NOT_FOUND');
      if (h.status === 'merged') throw new AppError('HOTSPOT_NOT_OPEN');
      await this.saveAll(manager, index, [{ ...h, status }]);
      await this.audit.record(manager, { actor, action: 'hotspot.status', entityType: 'hotspot', entityId: id, ip, before: { status: h.status }, after: { status } });
      return id;
    });
  }

  async link(id: string, requestId: string, actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.simpleChange(id, actor, ip, 'hotspot.link_request', async (manager) => {
      if (!(await manager.existsBy(DisclosureRequestEntity, { id: requestId }))) throw new AppError('REQUEST_NOT_FOUND');
      await manager.query(`INSERT INTO hotspot_requests (hotspot_id, request_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, requestId]);
      return { requestId };
    });
  }

  async unlink(id: string, requestId: string, actor: AuditActor, ip: string | null): Promise<HotspotDetailDto> {
    return this.simpleChange(id, actor, ip, 'hotspot.unlink_request', async (manager) => {
      await manager.query(`DELETE FROM hotspot_requests WHERE hotspot_id = $1 AND request_id = $2`, [id, requestId]);
      return { requestId };
    });
  }

  private async simpleChange(
    id: string,
    actor: AuditActor,
    ip: string | null,
    action: string,
    work: (manager: EntityManager, h: HotspotEntity) => Promise<Record<string, unknown>>,
  ): Promise<HotspotDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const h = await manager.getRepository(HotspotEntity).createQueryBuilder('h').setLock('pessimistic_write').where('h.id = :id', { id }).getOne();
      if (!h) throw new AppError('HOTSPOT_NOT_FOUND');
      const after = await work(manager, h);
      if ('unitId' in after) await manager.update(HotspotEntity, { id }, { unitId: after.unitId as string | null });
      await this.audit.record(manager, { actor, action, entityType: 'hotspot', entityId: id, ip, before: 'unitId' in after ? { unitId: h.unitId } : null, after });
      return this.detail(id, manager);
    });
  }

  /** A change of clustering (merge, split, level by rules, status) under the clustering lock, in one transaction. */
  private async change(work: (manager: EntityManager, index: HotspotIndex, afterCommit: (() => Promise<void>)[]) => Promise<string>): Promise<HotspotDetailDto> {
    const afterCommit: (() => Promise<void>)[] = [];
    const detail = await this.dataSource.transaction((manager) => this.ingest.withIndex(manager, async (index) => this.detail(await work(manager, index, afterCommit), manager)));
    for (const after of afterCommit) await after();
    return detail;
  }

  private async openHotspot(manager: EntityManager, id: string): Promise<HotspotEntity> {
    const h = await manager.findOneBy(HotspotEntity, { id });
    if (!h) throw new AppError('HOTSPOT_NOT_FOUND');
    if (h.status !== 'open') throw new AppError('HOTSPOT_NOT_OPEN');
    return h;
  }

  /** Stores hotspots with fresh index sequence numbers and puts them in (or out of) the index. */
  private async saveAll(manager: EntityManager, index: HotspotIndex, hotspots: HotspotEntity[]): Promise<void> {
    const seqs: { seq: string }[] = await manager.query(`SELECT nextval('hotspot_index_seq')::text AS seq FROM generate_series(1, $1)`, [hotspots.length]);
    hotspots.forEach((h, i) => (h.indexSeq = seqs[i]!.seq));
    await this.ingest.saveHotspots(manager, hotspots);
    for (const h of hotspots) {
      index.remove(h.id);
      if (h.status === 'open') index.upsert(indexedFromRow(h));
    }
    this.ingest.advanceIndex(BigInt(seqs.at(-1)!.seq));
  }

  /** Recomputes a hotspot's figures, centroid, heat and (unless manual) level from its mentions. */
  private async rebuild(manager: EntityManager, index: HotspotIndex, h: HotspotEntity, override: Partial<HotspotEntity>): Promise<HotspotEntity> {
    const rules = await this.settings.levelRules(manager);
    const mentions = await manager.find(MentionEntity, { where: { hotspotId: h.id }, order: { publishedAt: 'ASC', id: 'ASC' } });
    const next: HotspotEntity = { ...h, ...override, mentionCount: 0, negativeCount: 0, reach: '0', channels: {}, categoryCounts: {}, places: {}, flags: [], terms: {} };
    if (!override.title && override.title !== undefined) next.title = '';
    const terms = new Map<string, number>();
    let heat = emptyHeat(mentions[0] ? new Date(mentions[0].publishedAt).getTime() : Date.now());
    const flags = new Set<string>();
    let reach = 0n;
    for (const m of mentions) {
      const t = new Date(m.publishedAt).getTime();
      next.mentionCount++;
      if (NEGATIVE(m.sentimentScore)) next.negativeCount++;
      next.channels[m.channel] = (next.channels[m.channel] ?? 0) + 1;
      if (m.category) next.categoryCounts[m.category] = (next.categoryCounts[m.category] ?? 0) + 1;
      for (const p of m.places) next.places[p] = (next.places[p] ?? 0) + 1;
      for (const f of m.flags) flags.add(f);
      const total = reachTotal(m.reach);
      reach += BigInt(total);
      for (const [w, v] of mentionVector(m, index.options.genericWords)) terms.set(w, (terms.get(w) ?? 0) + v);
      heat = addToHeat(heat, t, mentionWeight(rules.channelWeights[m.channel as MentionChannel] ?? 1, total, NEGATIVE(m.sentimentScore)));
      if (!next.title) next.title = headlineOf(m.title, m.content);
    }
    next.firstSeenAt = mentions[0]?.publishedAt ?? h.firstSeenAt;
    next.lastSeenAt = mentions.at(-1)?.publishedAt ?? h.lastSeenAt;
    next.flags = [...flags];
    next.reach = reach.toString();
    next.terms = Object.fromEntries([...terms].sort((a, b) => b[1] - a[1]).slice(0, index.options.maxTerms).map(([w, v]) => [w, Math.round(v * 1000) / 1000]));
    next.simhashes = mentions.slice(-index.options.maxSimhashes).map((m) => String(m.simhash));
    Object.assign(next, { heat: heat.heat, fastRate: heat.fastRate, slowRate: heat.slowRate, heatAt: new Date(heat.at), growth: growthOf(heat) });
    next.category = Object.entries(next.categoryCounts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    await manager.query(`DELETE FROM hotspot_authors WHERE hotspot_id = $1`, [h.id]);
    const authors = [...new Set(namedAuthors(mentions.map((m) => m.author)))];
    if (authors.length) await manager.query(`INSERT INTO hotspot_authors (hotspot_id, author) SELECT $1, unnest($2::varchar[])`, [h.id, authors]);
    next.authorCount = authors.length;
    if (!next.levelManual) {
      const until = new Date(next.lastSeenAt).getTime();
      const recent = mentions.filter((m) => new Date(m.publishedAt).getTime() > until - rules.recentWindowMinutes * 60_000);
      const evaluated = evaluateLevel(
        figuresOf(next, {
          mentions: recent.length,
          authors: new Set(recent.map((m) => m.author).filter(Boolean)).size,
          negative: recent.filter((m) => NEGATIVE(m.sentimentScore)).length,
        }),
        rules,
      );
      next.level = evaluated?.level ?? null;
      next.levelReason = evaluated?.rule ?? null;
    }
    return next;
  }
}
