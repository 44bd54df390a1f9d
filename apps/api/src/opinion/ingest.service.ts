import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  MAX_MENTIONS_PER_CALL,
  mentionInputSchema,
  type IngestItemResult,
  type IngestResultDto,
  type MentionInput,
} from '@govdesk/contracts';
import {
  addToHeat,
  escalatedLevel,
  growthOf,
  mentionWeight,
  type HotspotFigures,
  type HotspotLevel,
  type LevelRules,
  type MentionChannel,
} from '@govdesk/domain';
import { simhashToBigInt, type TextAnalysis } from '@govdesk/text-analysis';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { arrayLiteral, byteaLiteral, copyRow, copyRows } from '../database/copy-text';
import { AppError } from '../common/errors/app.error';
import { IdempotencyScope, type IdempotencyHandle } from '../common/idempotency/idempotency';
import { AnalysisService } from './analysis/analysis.service';
import { HotspotIndex, mergeTargets, type HotspotMerge } from './clustering/hotspot-index';
import { indexedFromRow, toSigned } from './clustering/cluster-state';
import { HotspotEntity } from './entities/hotspot.entity';
import { mergedPointer, noFigures } from './merged-pointer';
import { addFigures, figuresOf, judge } from './hotspot-figures';
import { headlineOf, namedAuthors, reachTotal } from './mention-figures';
import { OpinionSettingsService } from './settings/opinion-settings.service';

/** One PostgreSQL advisory lock serialises clustering across API processes. */
export const CLUSTER_LOCK = 0x6f70696e; // 'opin'
/** How much closer to its centroid a post without a headline must be to name a hotspot rather than one with. */
const TITLE_BONUS = 0.15;
/** Open hotspots a process keeps in memory (most recently active first). */
const INDEX_CAPACITY = 20_000;
/** Most mentions that calls waiting for the clustering lock share one transaction with. */
const MAX_MENTIONS_PER_TRANSACTION = 4 * MAX_MENTIONS_PER_CALL;

export interface IngestContext {
  actor: AuditActor;
  sourceId: string | null;
  ip?: string | null;
}

/** A hotspot as an ingest left it, for events and alert rules after the commit. */
export interface HotspotChange {
  hotspot: HotspotEntity;
  created: boolean;
  previousLevel: HotspotLevel | null;
  figures: HotspotFigures;
  /** The level rule that holds now (null when none does). */
  rule: string | null;
  added: number;
}

type Listener = (changes: HotspotChange[]) => void | Promise<void>;

/** One call's mentions waiting to be stored (see `IngestService.storeQueued`). */
interface StoreJob {
  prepared: Prepared[];
  context: IngestContext;
  /** items refused before storing (for the audit entry) */
  rejected: number;
  /** the call's Idempotency-Key, written by the transaction that stores the call */
  idempotency: IdempotencyHandle | undefined;
  /** settles the call: no argument once stored, else why it was not */
  done: (failure?: { error: unknown }) => void;
}

/** A merge clustering made, with the call whose mention made it (its actor is audited). */
type CallMerge = HotspotMerge & { job: StoreJob };
/** Runs inside the ingest transaction (e.g. raising alerts); what it returns runs after the commit. */
type TxListener = (manager: EntityManager, changes: HotspotChange[]) => Promise<(() => void | Promise<void>) | void>;

interface Prepared {
  /** the item's answer, filled in by `store` */
  result: IngestItemResult;
  input: MentionInput;
  analysis: TextAnalysis;
  contentHash: Buffer;
  /** the content hash in hex (the key of duplicates within a call) */
  hash: string;
  publishedAt: number;
  reachTotal: number;
  /** the mention's row for `insertMentions` in COPY text format, all but its id and hotspot (made before the lock) */
  row: string;
}

/** An error for the log, whatever was thrown. */
const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Text fields without NUL characters (PostgreSQL text cannot hold them). */
function withoutNul(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[k] = typeof v === 'string' ? v.replace(/\u0000/g, '') : v;
  return out;
}

/** The same words again (whatever the spacing or full/half-width forms) hash alike. */
export function contentHashOf(content: string): Buffer {
  return createHash('sha256').update(content.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, '').toLowerCase()).digest();
}

/** What the analyser reads: the title twice (a matter is named in it) and the content. */
export const analysisTextOf = (m: Pick<MentionInput, 'title' | 'content'>): string => (m.title?.trim() ? `${m.title}。${m.title}。${m.content}` : m.content);

const firstIssue = (error: { issues: { path: PropertyKey[]; message: string }[] }): string =>
  error.issues.map((i) => (i.path.length && !i.message.startsWith(String(i.path[0])) ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/**
 * Ingest: validation of each item alone, text analysis outside the transaction, then in one
 * transaction under the clustering lock: duplicates, clustering into hotspots, the mentions,
 * the hotspots' figures, heat and level. Calls that arrive while another is being stored share
 * the next transaction (`storeQueued`). A failed transaction leaves nothing stored and the
 * in-memory index is rebuilt from the database.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);
  private index: HotspotIndex | null = null;
  /** The highest hotspots.index_seq this process's index reflects; -1 = rebuild. */
  private indexSeq = -1n;
  private readonly listeners: Listener[] = [];
  private readonly txListeners: TxListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: AnalysisService,
    private readonly settings: OpinionSettingsService,
    private readonly audit: AuditService,
  ) {}

  /** Called after each committed ingest with the hotspots it changed (alerts, live board). */
  onHotspotsChanged(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Called inside each ingest transaction with the hotspots it changed; its returned callback runs after the commit. */
  onHotspotsChangedInTransaction(listener: TxListener): void {
    this.txListeners.push(listener);
  }

  /**
   * For hotspot changes made outside ingest (a monitor's merge): runs the in-transaction
   * listeners (alerts follow merged hotspots) and returns what to run after the commit (events).
   */
  async announceInTransaction(manager: EntityManager, changes: HotspotChange[]): Promise<() => Promise<void>> {
    const after: (() => void | Promise<void>)[] = [];
    for (const listener of this.txListeners) {
      const work = await listener(manager, changes);
      if (work) after.push(work);
    }
    return () => this.runAfterCommit(after);
  }

  async ingest(items: unknown[], context: IngestContext): Promise<IngestResultDto> {
    if (items.length > MAX_MENTIONS_PER_CALL) throw new AppError('INGEST_TOO_MANY');
    const results: IngestItemResult[] = items.map((item) => ({
      externalId: typeof (item as { externalId?: unknown })?.externalId === 'string' ? ((item as { externalId: string }).externalId.trim() || null) : null,
      mentionId: null,
      hotspotId: null,
      duplicate: false,
      error: null,
    }));
    const valid: { index: number; input: MentionInput }[] = [];
    items.forEach((raw, index) => {
      const parsed = mentionInputSchema.safeParse(withoutNul(raw));
      if (parsed.success) valid.push({ index, input: parsed.data });
      else results[index]!.error = firstIssue(parsed.error);
    });
    const analyses = await this.analysis.analyzeMany(valid.map((v) => analysisTextOf(v.input)));
    const prepared: Prepared[] = valid.map(({ index, input }, i) => {
      const analysis = analyses[i]!;
      const contentHash = contentHashOf(input.content);
      const publishedAt = Date.parse(input.publishedAt);
      return { result: results[index]!, input, analysis, contentHash, hash: contentHash.toString('hex'), publishedAt, reachTotal: reachTotal(input.reach), row: mentionRow(input, analysis, contentHash, publishedAt, context.sourceId) };
    });
    if (prepared.length) await this.storeQueued({ prepared, context, rejected: items.length - prepared.length });
    return {
      accepted: results.filter((r) => r.mentionId && !r.duplicate).length,
      duplicates: results.filter((r) => r.duplicate).length,
      rejected: results.filter((r) => r.error).length,
      results,
    };
  }

  private readonly queue: StoreJob[] = [];
  private draining = false;

  /**
   * Stores a call's mentions. Calls that arrive while another is being stored wait in a queue
   * and are then stored together, in one transaction under the clustering lock (group commit:
   * one lock, one pass over their hotspots and one commit for several calls). The answer comes
   * once the transaction has committed and its events are sent.
   */
  private storeQueued(job: Omit<StoreJob, 'done' | 'idempotency'>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...job, idempotency: IdempotencyScope.current(), done: (failure) => (failure ? reject(failure.error) : resolve()) });
      this.drain().catch((error: unknown) => this.logger.error(`ingest queue stopped: ${describe(error)}`));
    });
  }

  /** Calls waiting for the transaction in progress to end (for tests and metrics). */
  get queuedCalls(): number {
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = [this.queue.shift()!];
        let size = batch[0]!.prepared.length;
        while (this.queue.length && size + this.queue[0]!.prepared.length <= MAX_MENTIONS_PER_TRANSACTION) {
          const job = this.queue.shift()!;
          size += job.prepared.length;
          batch.push(job);
        }
        try {
          await this.storeBatch(batch);
        } catch (error) {
          // Not expected (storeBatch settles every call), but no call may be left waiting.
          for (const job of batch) job.done({ error });
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Stores calls together; if that transaction fails, each call alone, so that one call's
   * failure is its own. Only a failed transaction is retried: what follows a commit (events,
   * listeners) cannot fail a call.
   */
  private async storeBatch(batch: StoreJob[]): Promise<void> {
    const failure = await this.storeTogether(batch);
    if (!failure || batch.length === 1) {
      for (const job of batch) job.done(failure);
      return;
    }
    this.logger.warn(`storing ${batch.length} calls together failed (${describe(failure.error)}); storing each alone`);
    for (const job of batch) {
      for (const p of job.prepared) Object.assign(p.result, { mentionId: null, hotspotId: null, duplicate: false });
      job.done(await this.storeTogether([job]));
    }
  }

  /**
   * One transaction for `jobs`, which writes their Idempotency-Keys too, then its events and
   * the listeners; what went wrong if the transaction failed.
   */
  private async storeTogether(jobs: StoreJob[]): Promise<{ error: unknown } | undefined> {
    let afterCommit: () => Promise<void> = () => Promise.resolve();
    let changes: HotspotChange[];
    try {
      changes = await IdempotencyScope.carrying(
        jobs.map((job) => job.idempotency),
        () =>
          this.dataSource.transaction(async (manager) => {
            const stored = await this.store(manager, jobs);
            afterCommit = await this.announceInTransaction(manager, stored);
            return stored;
          }),
      );
    } catch (error) {
      this.indexSeq = -1n; // the index may hold what was rolled back
      return { error };
    }
    await this.announceCommitted(changes, afterCommit);
    return undefined;
  }

  /** After a commit: its events, then the listeners; a failure is logged, the change stands. */
  private async announceCommitted(changes: HotspotChange[], afterCommit: () => Promise<void>): Promise<void> {
    await afterCommit();
    for (const listener of this.listeners) {
      try {
        await listener(changes);
      } catch (error) {
        this.logger.error(`hotspot listener failed: ${describe(error)}`);
      }
    }
  }

  /** Work that follows a commit (events): a failure is logged, the change stands. */
  private async runAfterCommit(work: (() => void | Promise<void>)[]): Promise<void> {
    for (const after of work) {
      try {
        await after();
      } catch (error) {
        this.logger.error(`after-commit work failed: ${describe(error)}`);
      }
    }
  }

  /** Runs `work` under the clustering lock with the index in step with the database. */
  async withIndex<T>(manager: EntityManager, work: (index: HotspotIndex) => Promise<T>): Promise<T> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CLUSTER_LOCK]);
    const index = await this.syncIndex(manager);
    try {
      return await work(index);
    } catch (error) {
      this.indexSeq = -1n;
      throw error;
    }
  }

  /** Marks the index as reflecting what this transaction wrote (call with the seq it used). */
  advanceIndex(seq: bigint): void {
    if (seq > this.indexSeq && this.indexSeq >= 0n) this.indexSeq = seq;
  }

  private async syncIndex(manager: EntityManager): Promise<HotspotIndex> {
    const columns = 'id, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", simhashes, terms, places, mention_count AS "mentionCount", keep_apart AS "keepApart", status, index_seq::text AS seq';
    type Row = Pick<HotspotEntity, 'id' | 'firstSeenAt' | 'lastSeenAt' | 'simhashes' | 'terms' | 'places' | 'mentionCount' | 'keepApart' | 'status'> & { seq: string };
    if (!this.index || this.indexSeq < 0n) {
      const index = new HotspotIndex(this.analysis.clusterOptions());
      const rows: Row[] = await manager.query(`SELECT ${columns} FROM hotspots WHERE status = 'open' ORDER BY last_seen_at DESC LIMIT ${INDEX_CAPACITY}`);
      const [{ max }] = (await manager.query(`SELECT coalesce(max(index_seq), 0)::text AS max FROM hotspots`)) as { max: string }[];
      for (const row of rows) index.upsert(indexedFromRow(row));
      this.index = index;
      this.indexSeq = BigInt(max!);
      return index;
    }
    const rows: Row[] = await manager.query(`SELECT ${columns} FROM hotspots WHERE index_seq > $1 ORDER BY index_seq`, [this.indexSeq.toString()]);
    for (const row of rows) {
      if (row.status === 'open') this.index.upsert(indexedFromRow(row));
      else this.index.remove(row.id);
      const seq = BigInt(row.seq);
      if (seq > this.indexSeq) this.indexSeq = seq;
    }
    return this.index;
  }

  private async store(manager: EntityManager, jobs: StoreJob[]): Promise<HotspotChange[]> {
    const prepared = jobs.flatMap((job) => job.prepared);
    const jobOf = new Map(jobs.flatMap((job) => job.prepared.map((p) => [p, job] as const)));
    return this.withIndex(manager, async (index) => {
      const rules = await this.settings.levelRules(manager);

      // Duplicates: the same (channel, external id), or the same content, stored before or earlier in this call.
      const keyOf = (channel: string, externalId: string): string => `${channel}\u0000${externalId}`;
      const withIds = prepared.filter((p) => p.input.externalId);
      type Existing = { id: string; channel: string; external_id: string | null; content_hash: Buffer; hotspot_id: string | null };
      const existing: Existing[] = await manager.query(
          `SELECT id::text, channel, external_id, content_hash, hotspot_id FROM mentions
            WHERE content_hash = ANY($1::bytea[])
               OR (external_id IS NOT NULL AND (channel, external_id) IN (SELECT * FROM unnest($2::varchar[], $3::varchar[])))`,
          [prepared.map((p) => p.contentHash), withIds.map((p) => p.input.channel), withIds.map((p) => p.input.externalId)],
      );
      const ids = await this.takeIds(manager, prepared.length);
      const byKey = new Map<string, { id: string; hotspotId: string | null }>();
      const byHash = new Map<string, { id: string; hotspotId: string | null }>();
      for (const row of existing) {
        const ref = { id: row.id, hotspotId: row.hotspot_id };
        if (row.external_id) byKey.set(keyOf(row.channel, row.external_id), ref);
        byHash.set(row.content_hash.toString('hex'), ref);
      }

      index.takeMerges(); // none are pending, but a failed call's must not be stored by this one
      const createdHere = new Set<string>();
      const toInsert: { p: Prepared; id: string; hotspotId: string }[] = [];
      const contentRepeats = new Map<string, { mentionId: string; count: number; reach: number }>();
      const hotspotDelta = new Map<string, Delta>();
      // In published order; ties in the order of calls and items.
      const order = prepared.map((p, i) => ({ p, i })).sort((a, b) => a.p.publishedAt - b.p.publishedAt || a.i - b.i).map(({ p }) => p);
      const merges: CallMerge[] = [];
      let nextId = 0;
      for (const p of order) {
        const result = p.result;
        const key = p.input.externalId ? keyOf(p.input.channel, p.input.externalId) : null;
        const sameKey = key ? byKey.get(key) : undefined;
        if (sameKey) {
          // A retry or replay of what is stored: nothing changes.
          Object.assign(result, { mentionId: sameKey.id, hotspotId: sameKey.hotspotId, duplicate: true });
          continue;
        }
        const hash = p.hash;
        const sameContent = byHash.get(hash);
        if (sameContent) {
          // The same words under another id (a repost, a second call): counted, not stored.
          Object.assign(result, { mentionId: sameContent.id, hotspotId: sameContent.hotspotId, duplicate: true });
          const repeat = contentRepeats.get(sameContent.id) ?? { mentionId: sameContent.id, count: 0, reach: 0 };
          repeat.count++;
          repeat.reach += p.reachTotal;
          contentRepeats.set(sameContent.id, repeat);
          if (sameContent.hotspotId) {
            const d = deltaOf(hotspotDelta, sameContent.hotspotId);
            d.duplicates++;
            d.reach += p.reachTotal;
          }
          if (key) byKey.set(key, sameContent);
          continue;
        }
        const assignment = index.assign({
          publishedAt: p.publishedAt,
          simhash: simhashToBigInt(p.analysis.simhash),
          keywords: p.analysis.keywords,
          places: p.analysis.places.map((pl) => pl.name),
          category: p.analysis.category?.code ?? null,
        });
        if (assignment.created) createdHere.add(assignment.hotspotId);
        for (const merge of index.takeMerges()) merges.push({ ...merge, job: jobOf.get(p)! });
        const id = ids[nextId++]!;
        const ref = { id, hotspotId: assignment.hotspotId };
        byHash.set(hash, ref);
        if (key) byKey.set(key, ref);
        Object.assign(result, { mentionId: id, hotspotId: assignment.hotspotId, duplicate: false });
        toInsert.push({ p, id, hotspotId: assignment.hotspotId });
        const d = deltaOf(hotspotDelta, assignment.hotspotId);
        d.created ||= assignment.created;
        d.mentions.push({ p, similarity: assignment.centroidSimilarity });
      }

      // Hotspots merged while clustering: these calls' mentions and counts go where they ended up.
      const target = mergeTargets(merges);
      const deltas = merges.length ? remapDeltas(hotspotDelta, toInsert, prepared, target) : hotspotDelta;
      await this.insertMentions(manager, toInsert);
      if (contentRepeats.size) {
        await manager.query(
          `UPDATE mentions m SET duplicate_count = m.duplicate_count + x.n
             FROM unnest($1::bigint[], $2::int[]) AS x(id, n) WHERE m.id = x.id`,
          [[...contentRepeats.keys()], [...contentRepeats.values()].map((r) => r.count)],
        );
      }
      let changes = await this.applyDeltas(manager, index, deltas, rules);
      const storedMerges = merges.filter((m) => !createdHere.has(m.from));
      if (storedMerges.length) changes = await this.foldMerged(manager, index, changes, storedMerges, target, rules);
      // One entry per call, with its own figures.
      await this.audit.recordMany(
        manager,
        jobs.map((job) => ({
          actor: job.context.actor,
          action: 'mentions.ingest',
          entityType: 'mention',
          entityId: null,
          ip: job.context.ip ?? null,
          after: {
            sourceId: job.context.sourceId,
            accepted: job.prepared.filter((p) => p.result.mentionId && !p.result.duplicate).length,
            duplicates: job.prepared.filter((p) => p.result.duplicate).length,
            rejected: job.rejected,
            hotspots: new Set(job.prepared.map((p) => p.result.hotspotId).filter(Boolean)).size,
            merged: merges.filter((m) => m.job === job).length,
          },
        })),
      );
      return changes;
    });
  }

  private async takeIds(manager: EntityManager, n: number): Promise<string[]> {
    if (n === 0) return [];
    const [row]: { ids: string }[] = await manager.query(`SELECT array_to_string(array(SELECT nextval('mentions_id_seq') FROM generate_series(1, $1)), ',') AS ids`, [n]);
    return row!.ids.split(',');
  }

  private async insertMentions(manager: EntityManager, rows: { p: Prepared; id: string; hotspotId: string }[]): Promise<void> {
    await copyRows(manager, 'mentions', MENTION_COLUMNS, rows.map(({ p, id, hotspotId }) => `${id}\t${p.row}\t${hotspotId}`));
  }

  /** Adds each hotspot's new mentions to its figures, recomputes heat and level, and stores it. */
  private async applyDeltas(manager: EntityManager, index: HotspotIndex, deltas: Map<string, Delta>, rules: LevelRules): Promise<HotspotChange[]> {
    if (!deltas.size) return [];
    const ids = [...deltas.keys()];
    const authorPairs = [...deltas].flatMap(([hotspotId, d]) =>
      namedAuthors(d.mentions.map((m) => m.p.input.author)).map((author) => ({ hotspotId, author })),
    );
    // The hotspots as stored, their new distinct authors, index sequence numbers, and the recent
    // window's figures (this call's mentions included).
    const storedRows = await this.selectHotspots(manager, ids, index);
    const authorRows: { hotspot_id: string; n: number }[] = authorPairs.length
      ? await manager.query(
          `WITH added AS (
             INSERT INTO hotspot_authors (hotspot_id, author) SELECT * FROM unnest($1::uuid[], $2::varchar[]) ON CONFLICT DO NOTHING RETURNING hotspot_id)
           SELECT hotspot_id, count(*)::int AS n FROM added GROUP BY hotspot_id`,
          [authorPairs.map((a) => a.hotspotId), authorPairs.map((a) => a.author)],
        )
      : [];
    const seqRows: { seq: string }[] = await manager.query(`SELECT nextval('hotspot_index_seq')::text AS seq FROM generate_series(1, $1)`, [ids.length]);
    // The last activity: the stored one or the newest of this call's mentions, whichever is later.
    const newest = ids.map((id) => {
      const times = deltas.get(id)!.mentions.map((m) => m.p.publishedAt);
      return times.length ? new Date(Math.max(...times)).toISOString() : null;
    });
    const recentRows = await this.recentFigures(manager, ids, newest, rules.recentWindowMinutes);
    const stored = new Map(storedRows.map((h) => [h.id, h]));
    const newAuthors = new Map(authorRows.map((r) => [r.hotspot_id, r.n]));
    const recent = new Map(recentRows.map((r) => [r.id, r]));
    const changes: HotspotChange[] = [];
    const termsJson = new Map<string, string>();
    ids.forEach((id, i) => {
      const d = deltas.get(id)!;
      const before = stored.get(id);
      const indexed = index.get(id);
      const h = before ? { ...before } : newHotspot(id, d);
      const previousLevel = before?.level ?? null;
      // Counted on copies made once per hotspot (the stored entity stays as read).
      const channels = { ...h.channels };
      const categoryCounts = { ...h.categoryCounts };
      const places = { ...h.places };
      const flags = new Set(h.flags);
      let reach = BigInt(h.reach);
      let firstSeen = new Date(h.firstSeenAt).getTime();
      let lastSeen = new Date(h.lastSeenAt).getTime();
      let heat = { heat: h.heat, fastRate: h.fastRate, slowRate: h.slowRate, at: new Date(h.heatAt).getTime() };
      for (const { p, similarity } of d.mentions) {
        const t = p.publishedAt;
        h.mentionCount++;
        if (p.analysis.sentiment.score < 0) h.negativeCount++;
        channels[p.input.channel] = (channels[p.input.channel] ?? 0) + 1;
        const category = p.analysis.category?.code;
        if (category) categoryCounts[category] = (categoryCounts[category] ?? 0) + 1;
        for (const pl of p.analysis.places) places[pl.name] = (places[pl.name] ?? 0) + 1;
        for (const f of p.analysis.flags) flags.add(f.category);
        reach += BigInt(p.reachTotal);
        if (t < firstSeen) firstSeen = t;
        if (t > lastSeen) lastSeen = t;
        const weight = mentionWeight(rules.channelWeights[p.input.channel as MentionChannel] ?? 1, p.reachTotal, p.analysis.sentiment.score < 0);
        heat = addToHeat(heat, t, weight);
        // The title of the mention closest to the hotspot's centroid names it best.
        // A headline of its own (news, message board, hotline subject) names it better than the
        // beginning of a post, at a little less similarity.
        const score = similarity + (p.input.title?.trim() ? TITLE_BONUS : 0);
        if (h.mentionCount === 1 || score > h.titleScore + 0.05) {
          h.title = headlineOf(p.input.title, p.input.content);
          h.titleScore = score;
        }
      }
      if (d.mentions.length) Object.assign(h, {
        channels,
        categoryCounts,
        places,
        flags: [...flags],
        reach: reach.toString(),
        firstSeenAt: new Date(firstSeen),
        lastSeenAt: new Date(lastSeen),
        heat: heat.heat,
        fastRate: heat.fastRate,
        slowRate: heat.slowRate,
        heatAt: new Date(heat.at),
        growth: growthOf(heat),
      });
      h.duplicateCount += d.duplicates;
      if (!d.mentions.length) h.reach = (BigInt(h.reach) + BigInt(d.reach)).toString();
      h.authorCount += newAuthors.get(id) ?? 0;
      h.category = Object.entries(h.categoryCounts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
      if (indexed) {
        // The centroid as the index holds it, serialised straight to JSON (no object on the way).
        termsJson.set(h.id, termsToJson(indexed.terms));
        h.simhashes = indexed.simhashes.map(toSigned);
      }
      const { figures, rule } = judge(h, recent.get(id), rules);
      h.indexSeq = seqRows[i]!.seq;
      changes.push({ hotspot: h as HotspotEntity, created: !before, previousLevel, figures, rule, added: d.mentions.length });
    });
    await this.saveHotspots(manager, changes.map((c) => c.hotspot), termsJson);
    this.advanceIndex(BigInt(seqRows.at(-1)!.seq));
    return changes;
  }

  /**
   * Stores the merges of stored hotspots that clustering made in this transaction (`applyDeltas`
   * has stored the survivors with its mentions): their mentions, authors and linked
   * requests move to the survivor, their figures are added to its, its level is judged again
   * (never lowered), and each merged hotspot stays as a `merged` pointer, reported among the
   * changes so that its open alert follows it.
   */
  private async foldMerged(
    manager: EntityManager,
    index: HotspotIndex,
    changes: HotspotChange[],
    merges: CallMerge[],
    /** where each hotspot ended up after all of the transaction's merges (a chain may pass through hotspots new in it) */
    target: (id: string) => string,
    rules: LevelRules,
  ): Promise<HotspotChange[]> {
    const pairs = merges.map((m) => ({ from: m.from, into: target(m.from), similarity: m.similarity, context: m.job.context }));
    const from = pairs.map((p) => p.from);
    const into = pairs.map((p) => p.into);
    const merged = await manager.getRepository(HotspotEntity).findBy({ id: In(from) });
    // Each moved mention remembers where it was, so that a monitor can undo the merge.
    await manager.query(
      `UPDATE mentions m SET hotspot_id = x.to_id, merged_from = m.hotspot_id FROM unnest($1::uuid[], $2::uuid[]) AS x(from_id, to_id) WHERE m.hotspot_id = x.from_id`,
      [from, into],
    );
    const authorRows: { hotspot_id: string; n: number }[] = await manager.query(
      `WITH added AS (
         INSERT INTO hotspot_authors (hotspot_id, author)
         SELECT x.to_id, a.author FROM hotspot_authors a JOIN unnest($1::uuid[], $2::uuid[]) AS x(from_id, to_id) ON a.hotspot_id = x.from_id
         ON CONFLICT DO NOTHING RETURNING hotspot_id)
       SELECT hotspot_id, count(*)::int AS n FROM added GROUP BY hotspot_id`,
      [from, into],
    );
    await manager.query(`DELETE FROM hotspot_authors WHERE hotspot_id = ANY($1::uuid[])`, [from]);
    await manager.query(
      `INSERT INTO hotspot_requests (hotspot_id, request_id)
       SELECT x.to_id, r.request_id FROM hotspot_requests r JOIN unnest($1::uuid[], $2::uuid[]) AS x(from_id, to_id) ON r.hotspot_id = x.from_id
       ON CONFLICT DO NOTHING`,
      [from, into],
    );
    await manager.query(`DELETE FROM hotspot_requests WHERE hotspot_id = ANY($1::uuid[])`, [from]);

    const byId = new Map(changes.map((c) => [c.hotspot.id, c]));
    const newAuthors = new Map(authorRows.map((r) => [r.hotspot_id, r.n]));
    const survivors = [...new Set(into)];
    for (const id of survivors) {
      const change = byId.get(id);
      if (!change) throw new Error(`hotspot ${id} absorbed others but is not among the call's changes`);
      const h = change.hotspot;
      for (const f of merged.filter((m) => target(m.id) === id)) {
        addFigures(h, f);
        if (!h.levelManual) h.level = escalatedLevel(h.level, f.level);
      }
      h.authorCount += newAuthors.get(id) ?? 0;
    }
    const recentRows = await this.recentFigures(manager, survivors, survivors.map((id) => new Date(byId.get(id)!.hotspot.lastSeenAt).toISOString()), rules.recentWindowMinutes);
    const recent = new Map(recentRows.map((r) => [r.id, r]));
    for (const id of survivors) Object.assign(byId.get(id)!, judge(byId.get(id)!.hotspot, recent.get(id), rules));
    const emptied = merged.map((f) => mergedPointer(f, target(f.id)));
    const saved = [...survivors.map((id) => byId.get(id)!.hotspot), ...emptied];
    const seqRows: { seq: string }[] = await manager.query(`SELECT nextval('hotspot_index_seq')::text AS seq FROM generate_series(1, $1)`, [saved.length]);
    saved.forEach((h, i) => (h.indexSeq = seqRows[i]!.seq));
    await this.saveHotspots(manager, saved, new Map(survivors.map((id) => [id, termsToJson(index.get(id)?.terms ?? new Map(Object.entries(byId.get(id)!.hotspot.terms ?? {})))])));
    this.advanceIndex(BigInt(seqRows.at(-1)!.seq));
    await this.audit.recordMany(
      manager,
      pairs.map((p) => ({ actor: p.context.actor, action: 'hotspot.auto_merge', entityType: 'hotspot', entityId: p.into, ip: p.context.ip ?? null, after: { merged: p.from, similarity: Math.round(p.similarity * 1000) / 1000 } })),
    );
    const mergedChanges: HotspotChange[] = emptied.map((f, i) => ({
      hotspot: f,
      created: false,
      previousLevel: merged[i]!.level,
      figures: figuresOf(f),
      rule: null,
      added: 0,
    }));
    return [...changes, ...mergedChanges];
  }

  /**
   * Mentions, distinct authors and negative mentions within the recent window before each
   * hotspot's last activity: the stored one or `newest` (ISO time or null), whichever is later.
   */
  private recentFigures(manager: EntityManager, ids: string[], newest: (string | null)[], windowMinutes: number): Promise<{ id: string; mentions: number; authors: number; negative: number }[]> {
    return manager.query(
      `SELECT x.id, count(m.id)::int AS mentions, count(DISTINCT m.author)::int AS authors,
              count(m.id) FILTER (WHERE m.sentiment_score < 0)::int AS negative
         FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, newest)
         LEFT JOIN hotspots h ON h.id = x.id
         CROSS JOIN LATERAL (SELECT greatest(h.last_seen_at, x.newest) AS until) u
         JOIN mentions m ON m.hotspot_id = x.id AND m.published_at > u.until - make_interval(mins => $3) AND m.published_at <= u.until
        GROUP BY x.id`,
      [ids, newest, windowMinutes],
    );
  }

  /**
   * The hotspots as stored. The clustering state (terms, SimHashes) of those in the index is
   * the index's and is not read again.
   */
  private selectHotspots(manager: EntityManager, ids: string[], index: HotspotIndex): Promise<HotspotEntity[]> {
    const columns = manager.getRepository(HotspotEntity).metadata.columns;
    const select = (all: boolean) =>
      columns
        .map((c) => (all || (c.propertyName !== 'terms' && c.propertyName !== 'simhashes') ? `"${c.databaseName}"` : `NULL::${c.propertyName === 'terms' ? 'jsonb' : 'bigint[]'}`) + ` AS "${c.propertyName}"`)
        .join(', ');
    const indexed = ids.filter((id) => index.get(id));
    const others = ids.filter((id) => !index.get(id));
    return manager.query(
      `SELECT ${select(false)} FROM hotspots WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT ${select(true)} FROM hotspots WHERE id = ANY($2::uuid[])`,
      [indexed, others],
    );
  }

  /** Stores the hotspots (new or changed); `termsJson` has centroids already serialised, by hotspot id. */
  async saveHotspots(manager: EntityManager, hotspots: HotspotEntity[], termsJson: ReadonlyMap<string, string> = new Map()): Promise<void> {
    if (!hotspots.length) return;
    const records = hotspots.map((h, i) => ({
      i: i + 1,
      id: h.id,
      title: h.title,
      title_score: h.titleScore,
      status: h.status,
      merged_into: h.mergedInto,
      keep_apart: h.keepApart,
      level: h.level,
      level_reason: h.levelReason,
      level_manual: h.levelManual,
      first_seen_at: new Date(h.firstSeenAt).toISOString(),
      last_seen_at: new Date(h.lastSeenAt).toISOString(),
      mention_count: h.mentionCount,
      duplicate_count: h.duplicateCount,
      author_count: h.authorCount,
      negative_count: h.negativeCount,
      reach: h.reach,
      heat: h.heat,
      fast_rate: h.fastRate,
      slow_rate: h.slowRate,
      heat_at: new Date(h.heatAt).toISOString(),
      growth: h.growth,
      category: h.category,
      category_counts: h.categoryCounts,
      simhashes: h.simhashes,
      places: h.places,
      flags: h.flags,
      channels: h.channels,
      unit_id: h.unitId,
      index_seq: h.indexSeq,
    }));
    const cols = [...Object.keys(records[0]!).filter((c) => c !== 'i'), 'terms'];
    await manager.query(
      `INSERT INTO hotspots (${cols.join(', ')})
       SELECT ${cols.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(
         i bigint, id uuid, title varchar, title_score real, status varchar, merged_into uuid, keep_apart boolean, level smallint, level_reason varchar,
         level_manual boolean, first_seen_at timestamptz, last_seen_at timestamptz, mention_count int, duplicate_count int,
         author_count int, negative_count int, reach bigint, heat real, fast_rate real, slow_rate real, heat_at timestamptz,
         growth real, category varchar, category_counts jsonb, simhashes bigint[], places jsonb, flags text[],
         channels jsonb, unit_id uuid, index_seq bigint)
       JOIN (SELECT terms::jsonb AS terms, n FROM unnest($2::text[]) WITH ORDINALITY AS t(terms, n)) t ON t.n = x.i
       ON CONFLICT (id) DO UPDATE SET ${cols
         .filter((c) => c !== 'id')
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}, updated_at = now()`,
      [JSON.stringify(records), hotspots.map((h) => termsJson.get(h.id) ?? JSON.stringify(h.terms ?? {}))],
    );
  }
}

/** The columns `insertMentions` copies into, in the order of `mentionRow`'s values between id and hotspot. */
const MENTION_COLUMNS = [
  'id',
  'channel',
  'external_id',
  'title',
  'content',
  'author',
  'url',
  'published_at',
  'reach',
  'place',
  'source_id',
  'content_hash',
  'simhash',
  'sentiment_score',
  'category',
  'keywords',
  'places',
  'flags',
  'hotspot_id',
];

/** A mention's row in COPY text format, without its id and hotspot (made before the lock). */
function mentionRow(input: MentionInput, analysis: TextAnalysis, contentHash: Buffer, publishedAt: number, sourceId: string | null): string {
  return copyRow([
    input.channel,
    input.externalId ?? null,
    input.title?.trim() || null,
    input.content,
    input.author?.trim() || null,
    input.url ?? null,
    new Date(publishedAt).toISOString(),
    JSON.stringify(input.reach ?? {}),
    input.place ?? null,
    sourceId,
    byteaLiteral(contentHash),
    toSigned(simhashToBigInt(analysis.simhash)),
    analysis.sentiment.score,
    analysis.category?.code ?? null,
    JSON.stringify(analysis.keywords),
    arrayLiteral(analysis.places.map((pl) => pl.name)),
    arrayLiteral([...new Set(analysis.flags.map((f) => f.category))]),
  ]);
}

/**
 * The transaction's deltas, mentions and answers with each hotspot replaced by the one it was
 * merged into; a survivor's mentions in published order.
 */
function remapDeltas(deltas: Map<string, Delta>, toInsert: { hotspotId: string }[], prepared: Prepared[], target: (id: string) => string): Map<string, Delta> {
  for (const t of toInsert) t.hotspotId = target(t.hotspotId);
  for (const { result } of prepared) if (result.hotspotId) result.hotspotId = target(result.hotspotId);
  const out = new Map<string, Delta>();
  for (const [id, d] of deltas) {
    const to = deltaOf(out, target(id));
    to.created ||= d.created;
    to.duplicates += d.duplicates;
    to.reach += d.reach;
    to.mentions.push(...d.mentions);
  }
  for (const d of out.values()) d.mentions.sort((a, b) => a.p.publishedAt - b.p.publishedAt);
  return out;
}

/** A centroid's JSON, weights to three decimals. */
function termsToJson(terms: ReadonlyMap<string, number>): string {
  let json = '';
  for (const [word, weight] of terms) json += `${json ? ',' : ''}${JSON.stringify(word)}:${Math.round(weight * 1000) / 1000}`;
  return `{${json}}`;
}

interface Delta {
  created: boolean;
  duplicates: number;
  reach: number;
  mentions: { p: Prepared; similarity: number }[];
}

function deltaOf(map: Map<string, Delta>, id: string): Delta {
  let d = map.get(id);
  if (!d) map.set(id, (d = { created: false, duplicates: 0, reach: 0, mentions: [] }));
  return d;
}

function newHotspot(id: string, d: Delta): Omit<HotspotEntity, 'createdAt' | 'updatedAt'> {
  const first = d.mentions[0]?.p.publishedAt ?? Date.now();
  return {
    id,
    title: '',
    titleScore: 0,
    status: 'open',
    mergedInto: null,
    keepApart: false,
    level: null,
    levelReason: null,
    levelManual: false,
    firstSeenAt: new Date(first),
    lastSeenAt: new Date(first),
    heatAt: new Date(first),
    category: null,
    ...noFigures(),
    unitId: null,
    indexSeq: '0',
  };
}
