import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  AlertDto,
  AlertEventPayload,
  EscalationPolicyDto,
  EscalationPolicyRequest,
  ReplayedEvent,
  ResponseClockDto,
  ResponseStatsRow,
  ServerToClientEvents,
  SilenceDto,
  SilenceRequest,
} from '@govdesk/contracts';
import { HOTSPOT_LEVELS, responseLimitsFor, type HotspotLevel } from '@govdesk/domain';
import { AuditService, SYSTEM_ACTOR, type AuditActor, type AuditRecord } from '../audit/audit.service';
import { AppError } from '../common/errors/app.error';
import { JobsService, type JobToSend } from '../jobs/jobs.service';
import { HotspotEntity } from '../opinion/entities/hotspot.entity';
import { IngestService, type HotspotChange } from '../opinion/ingest.service';
import { RealtimeService } from '../realtime/realtime.service';
import { UnitEntity } from '../units/unit.entity';
import { AlertSilenceEntity } from './alert-silence.entity';
import { AlertEntity } from './alert.entity';
import { DEFAULT_ESCALATION_POLICIES } from './default-policies';
import { EscalationPolicyEntity } from './escalation-policy.entity';

const ESCALATE = 'alert-escalate';
const ACK_TIMEOUT = 'alert-ack-timeout';
const RESPONSE_CLOCK = 'alert-response-clock';
/** Serialises the writers of alert_events (see logEvent). */
const ALERT_EVENTS_LOCK = 0x616c7274; // 'alrt'
/** Everyone who watches the board hears of every alert's state, besides the policy's targets. */
const BOARD_ROOMS = ['role:monitor', 'role:supervisor', 'role:admin'];
/** Warn when this share of a response limit has passed. */
const WARNING_SHARE = 0.8;

interface EscalateJob {
  alertId: string;
  generation: number;
  /** index into the policy's steps */
  index: number;
}
interface AckTimeoutJob {
  alertId: string;
  generation: number;
}
interface ResponseClockJob {
  alertId: string;
  level: HotspotLevel;
  code: string;
  kind: 'warning' | 'due';
}

type Pending = { event: keyof ServerToClientEvents; rooms: string[]; payload: object };
interface Raise {
  hotspot: HotspotEntity;
  level: HotspotLevel;
  rule: string | null;
  /** the open alert of a less serious level, raised */
  existing: AlertEntity | null;
  added: number;
}

/**
 * Alerts and their escalation. Alerts are raised inside the ingest transaction (with their
 * events and timers), pushed after it commits; timers are pg-boss jobs enqueued in the same
 * transaction, so they exist exactly when the alert does, survive restarts, and each fires
 * in one process. A timer checks the alert's `generation` and status before acting, so an
 * acknowledgement stops everything queued before it.
 */
@Injectable()
export class AlertsService implements OnModuleInit, OnApplicationBootstrap {

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestService,
    private readonly jobs: JobsService,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.ingest.onHotspotsChangedInTransaction((manager, changes) => this.onHotspots(manager, changes));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs.runsWorkers) return;
    await this.jobs.work<EscalateJob>(ESCALATE, (job) => this.escalate(job), { pollingIntervalSeconds: 0.5 });
    await this.jobs.work<AckTimeoutJob>(ACK_TIMEOUT, (job) => this.ackTimedOut(job), { pollingIntervalSeconds: 0.5 });
    await this.jobs.work<ResponseClockJob>(RESPONSE_CLOCK, (job) => this.responseClock(job), { pollingIntervalSeconds: 1 });
  }

  // ── raising ──────────────────────────────────────────────────────────────────────────────

  private async onHotspots(manager: EntityManager, changes: HotspotChange[]): Promise<(() => void) | void> {
    const pending: Pending[] = [];
    const merged = changes.filter((c) => c.hotspot.status === 'merged' && c.hotspot.mergedInto);
    const closedByMerge = merged.length ? await this.followMerges(manager, merged.map((c) => ({ from: c.hotspot.id, into: c.hotspot.mergedInto! }))) : [];
    const levelled = changes.filter((c) => c.hotspot.level !== null && c.hotspot.status !== 'merged');
    if (levelled.length) {
      const open = await manager
        .getRepository(AlertEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where(`a.hotspotId IN (:...ids) AND a.status <> 'resolved'`, { ids: levelled.map((c) => c.hotspot.id) })
        .getMany();
      const openBy = new Map(open.map((a) => [a.hotspotId, a]));
      const used: { dedup_key: string }[] = await manager.query(`SELECT dedup_key FROM alerts WHERE dedup_key = ANY($1)`, [
        levelled.map((c) => `${c.hotspot.id}:${c.hotspot.level}`),
      ]);
      const usedKeys = new Set(used.map((u) => u.dedup_key));
      const counted = new Map<string, number>();
      const raises: Raise[] = [];
      for (const change of levelled) {
        const h = change.hotspot;
        const level = h.level!;
        const existing = openBy.get(h.id);
        if (existing && existing.level <= level) {
          // The same matter again while its alert is open: counted, not sent again.
          if (change.added) counted.set(existing.id, (counted.get(existing.id) ?? 0) + change.added);
          continue;
        }
        if (!existing && usedKeys.has(`${h.id}:${level}`)) continue; // raised at this level before and resolved
        raises.push({ hotspot: h, level, rule: change.rule, existing: existing ?? null, added: change.added });
      }
      if (counted.size) {
        await manager.query(`UPDATE alerts a SET count = a.count + x.n FROM unnest($1::uuid[], $2::int[]) AS x(id, n) WHERE a.id = x.id`, [[...counted.keys()], [...counted.values()]]);
      }
      pending.push(...(await this.raise(manager, raises)));
    }
    // Logged last: the events lock comes after every alert row lock (as in escalation), never before one.
    pending.push(...(await this.logEvents(manager, closedByMerge)));
    const updates = changes.map((c) => hotspotUpdate(c.hotspot));
    return () => {
      this.publish(pending);
      this.realtime.toRoomsEach(BOARD_ROOMS, 'hotspot.updated', updates);
    };
  }

  /**
   * The open alerts of hotspots merged into others (by clustering): one follows its matter to
   * the hotspot it went into when that has none open; else it is resolved by the system, its
   * matches counted on the survivor's alert. Either way the survivor's level, judged with the
   * merged figures, may then raise that alert further. Returns the `alert.resolved` events to log.
   */
  private async followMerges(manager: EntityManager, merges: { from: string; into: string }[]): Promise<EventToLog[]> {
    const ids = [...new Set(merges.flatMap((m) => [m.from, m.into]))];
    const open = await manager.getRepository(AlertEntity).createQueryBuilder('a').setLock('pessimistic_write').where(`a.hotspotId IN (:...ids) AND a.status <> 'resolved'`, { ids }).getMany();
    const openBy = new Map(open.map((a) => [a.hotspotId, a]));
    const closed: AlertEntity[] = [];
    const audits: AuditRecord[] = [];
    for (const { from, into } of merges) {
      const alert = openBy.get(from);
      if (!alert) continue;
      openBy.delete(from);
      const survivor = openBy.get(into);
      if (!survivor) {
        Object.assign(alert, { hotspotId: into, dedupKey: `${into}:${alert.level}` });
        await manager.update(AlertEntity, { id: alert.id }, { hotspotId: into, dedupKey: alert.dedupKey });
        openBy.set(into, alert);
        audits.push({ actor: SYSTEM_ACTOR, action: 'alert.follow_merge', entityType: 'alert', entityId: alert.id, after: { from, into } });
        continue;
      }
      const now = new Date();
      Object.assign(alert, { status: 'resolved', resolvedAt: now, resolvedBy: SYSTEM_ACTOR.username, generation: alert.generation + 1 });
      await manager.update(AlertEntity, { id: alert.id }, { status: 'resolved', resolvedAt: now, resolvedBy: SYSTEM_ACTOR.username, generation: alert.generation });
      await manager.update(AlertEntity, { id: survivor.id }, { count: () => `count + ${alert.count}` });
      closed.push(alert);
      audits.push({ actor: SYSTEM_ACTOR, action: 'alert.resolve_merged', entityType: 'alert', entityId: alert.id, after: { from, into, countedOn: survivor.id } });
    }
    await this.audit.recordMany(manager, audits);
    return closed.map((alert) => ({
      alert,
      event: 'alert.resolved' as const,
      rooms: [...BOARD_ROOMS, ...(alert.unitId ? [`unit:${alert.unitId}`] : [])],
      extra: { status: 'resolved', by: SYSTEM_ACTOR.username, at: alert.resolvedAt!.toISOString(), unitId: alert.unitId },
    }));
  }

  /**
   * New alerts, or open ones raised to a more serious level: stored, audited, their events
   * logged and their timers queued — a few statements for the whole batch, whatever its size.
   */
  private async raise(manager: EntityManager, raises: Raise[]): Promise<Pending[]> {
    if (!raises.length) return [];
    const now = new Date();
    const silenced = await this.silencedOf(manager, raises);
    const alerts: AlertEntity[] = [];
    const created: AlertEntity[] = [];
    const raised: AlertEntity[] = [];
    for (const [i, { hotspot: h, level, rule, existing, added }] of raises.entries()) {
      const fields = { level, dedupKey: `${h.id}:${level}`, rule, title: h.title, silenced: silenced[i]!, raisedAt: now, status: 'open' as const, step: 0 };
      if (existing) {
        raised.push(Object.assign(existing, fields, { count: existing.count + added, generation: existing.generation + 1 }));
        alerts.push(existing);
      } else {
        const alert = manager.create(AlertEntity, { ...fields, hotspotId: h.id, count: Math.max(1, added), discoveredAt: now, generation: 0 });
        alerts.push(alert);
        created.push(alert);
      }
    }
    if (raised.length) {
      // Open alerts raised to a more serious level: one statement for all of them.
      await manager.query(
        `UPDATE alerts a SET level = x.level, dedup_key = x.dedup_key, rule = x.rule, title = x.title, silenced = x.silenced,
                raised_at = $2, status = 'open', step = 0, count = x.count, generation = x.generation
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, level smallint, dedup_key varchar, rule varchar, title varchar, silenced boolean, count int, generation int)
          WHERE a.id = x.id`,
        [
          JSON.stringify(raised.map((a) => ({ id: a.id, level: a.level, dedup_key: a.dedupKey, rule: a.rule, title: a.title, silenced: a.silenced, count: a.count, generation: a.generation }))),
          now,
        ],
      );
    }
    if (created.length) {
      const { identifiers } = await manager.insert(AlertEntity, created);
      created.forEach((alert, i) => (alert.id = (identifiers[i] as { id: string }).id));
    }
    await this.audit.recordMany(
      manager,
      raises.map(({ hotspot: h, level, rule, existing }, i) => ({
        actor: SYSTEM_ACTOR,
        action: existing ? 'alert.raise_level' : 'alert.raise',
        entityType: 'alert',
        entityId: alerts[i]!.id,
        after: { hotspotId: h.id, level, rule, silenced: silenced[i] },
      })),
    );
    const sent = alerts.filter((a) => !a.silenced);
    if (!sent.length) return [];
    const policies = await this.policiesOf(manager, sent.map((a) => a.level));
    const pending = await this.logEvents(
      manager,
      sent.map((alert) => ({ alert, event: 'alert.raised' as const, rooms: [...roomsOf(policies.get(alert.level)!.steps[0]!.notify), ...BOARD_ROOMS], extra: {} })),
    );
    const jobs: JobToSend[] = [];
    for (const alert of sent) {
      const step = this.stepJob(alert, policies.get(alert.level)!, 1);
      if (step) jobs.push(step);
      for (const limit of responseLimitsFor(alert.level)) {
        const dueIn = (alert.discoveredAt.getTime() + limit.hours * 3_600_000 - Date.now()) / 1000;
        jobs.push({ name: RESPONSE_CLOCK, data: { alertId: alert.id, level: alert.level, code: limit.code, kind: 'warning' } satisfies ResponseClockJob, delaySeconds: dueIn * WARNING_SHARE });
        jobs.push({ name: RESPONSE_CLOCK, data: { alertId: alert.id, level: alert.level, code: limit.code, kind: 'due' } satisfies ResponseClockJob, delaySeconds: dueIn });
      }
    }
    await this.jobs.sendManyIn(manager, jobs);
    return pending;
  }

  /** The job of the policy's step `index` (wrapping round when the policy repeats), or null after the last. */
  private stepJob(alert: AlertEntity, policy: EscalationPolicyRequest, index: number): JobToSend | null {
    let next = index;
    if (next >= policy.steps.length) {
      if (!policy.repeat) return null;
      next = 0;
    }
    const wait = policy.steps[next]!.waitSeconds || policy.steps[policy.steps.length - 1]!.waitSeconds || 60;
    return { name: ESCALATE, data: { alertId: alert.id, generation: alert.generation, index: next } satisfies EscalateJob, delaySeconds: wait };
  }

  private async scheduleStep(manager: EntityManager, alert: AlertEntity, policy: EscalationPolicyRequest, index: number): Promise<void> {
    const job = this.stepJob(alert, policy, index);
    if (job) await this.jobs.sendIn(manager, job.name, job.data, job.delaySeconds);
  }

  // ── timers ───────────────────────────────────────────────────────────────────────────────

  /** An escalation step: fires only if nobody acknowledged since it was queued. */
  async escalate(job: EscalateJob): Promise<void> {
    const pending = await this.dataSource.transaction(async (manager) => {
      const alert = await this.lockAlert(manager, job.alertId);
      if (!alert || alert.status !== 'open' || alert.generation !== job.generation || alert.silenced) return [];
      const policy = await this.policy(alert.level, manager);
      const step = policy.steps[job.index];
      if (!step) return [];
      alert.step = job.index;
      alert.lastEscalatedAt = new Date();
      await manager.save(alert);
      const event = await this.logEvent(manager, alert, 'alert.escalated', roomsOf(step.notify), { step: job.index + 1, reason: 'step' });
      await this.scheduleStep(manager, alert, policy, job.index + 1);
      return [event];
    });
    this.publish(pending);
  }

  /** Acknowledged but neither assigned nor resolved in time: escalation starts again. */
  async ackTimedOut(job: AckTimeoutJob): Promise<void> {
    const pending = await this.dataSource.transaction(async (manager) => {
      const alert = await this.lockAlert(manager, job.alertId);
      if (!alert || alert.status !== 'acknowledged' || alert.generation !== job.generation) return [];
      const policy = await this.policy(alert.level, manager);
      Object.assign(alert, { status: 'open', generation: alert.generation + 1, step: 0, lastEscalatedAt: new Date() });
      await manager.save(alert);
      await this.audit.record(manager, { actor: SYSTEM_ACTOR, action: 'alert.ack_timeout', entityType: 'alert', entityId: alert.id });
      const rooms = [...roomsOf(policy.steps[Math.min(1, policy.steps.length - 1)]!.notify), 'role:supervisor'];
      const event = await this.logEvent(manager, alert, 'alert.escalated', rooms, { step: 1, reason: 'ack_timeout' });
      await this.scheduleStep(manager, alert, policy, 1);
      return [event];
    });
    this.publish(pending);
  }

  /** A response limit warning or expiry, unless the response was recorded. */
  async responseClock(job: ResponseClockJob): Promise<void> {
    const pending = await this.dataSource.transaction(async (manager) => {
      const alert = await this.lockAlert(manager, job.alertId);
      if (!alert || alert.respondedAt || alert.status === 'resolved' || alert.level !== job.level || alert.silenced) return [];
      const rooms = ['role:supervisor', 'role:monitor', ...(alert.unitId ? [`unit:${alert.unitId}`] : [])];
      return [await this.logEvent(manager, alert, 'alert.escalated', rooms, { step: 0, reason: job.kind === 'due' ? 'response_limit' : 'response_warning', limit: job.code })];
    });
    this.publish(pending);
  }

  // ── actions ──────────────────────────────────────────────────────────────────────────────

  async acknowledge(id: string, actor: AuditActor, ip: string | null): Promise<AlertDto> {
    return this.act(id, actor, ip, 'alert.acknowledge', async (manager, alert) => {
      if (alert.status !== 'open') return null; // already acknowledged or assigned: nothing more to stop
      const policy = await this.policy(alert.level, manager);
      Object.assign(alert, { status: 'acknowledged', acknowledgedAt: alert.acknowledgedAt ?? new Date(), acknowledgedBy: actor.username, generation: alert.generation + 1 });
      await manager.save(alert);
      await this.jobs.sendIn(manager, ACK_TIMEOUT, { alertId: alert.id, generation: alert.generation } satisfies AckTimeoutJob, policy.ackTimeoutSeconds);
      return 'alert.acknowledged';
    });
  }

  async assign(id: string, unitId: string, actor: AuditActor, ip: string | null): Promise<AlertDto> {
    return this.act(id, actor, ip, 'alert.assign', async (manager, alert) => {
      if (!(await manager.existsBy(UnitEntity, { id: unitId }))) throw new AppError('UNIT_NOT_FOUND');
      Object.assign(alert, {
        status: 'assigned',
        unitId,
        assignedAt: new Date(),
        acknowledgedAt: alert.acknowledgedAt ?? new Date(),
        acknowledgedBy: alert.acknowledgedBy ?? actor.username,
        generation: alert.generation + 1,
      });
      await manager.save(alert);
      await manager.update(HotspotEntity, { id: alert.hotspotId }, { unitId });
      return 'alert.assigned';
    });
  }

  async respond(id: string, body: { text?: string | undefined; url?: string | undefined }, actor: AuditActor, ip: string | null): Promise<AlertDto> {
    return this.act(id, actor, ip, 'alert.respond', async (manager, alert) => {
      Object.assign(alert, { respondedAt: alert.respondedAt ?? new Date(), responseText: body.text ?? alert.responseText, responseUrl: body.url ?? alert.responseUrl });
      if (alert.status === 'open') Object.assign(alert, { status: 'acknowledged', acknowledgedAt: new Date(), acknowledgedBy: actor.username, generation: alert.generation + 1 });
      await manager.save(alert);
      return null;
    });
  }

  async resolve(id: string, actor: AuditActor, ip: string | null): Promise<AlertDto> {
    return this.act(id, actor, ip, 'alert.resolve', async (manager, alert) => {
      Object.assign(alert, { status: 'resolved', resolvedAt: new Date(), resolvedBy: actor.username, acknowledgedAt: alert.acknowledgedAt ?? new Date(), acknowledgedBy: alert.acknowledgedBy ?? actor.username, generation: alert.generation + 1 });
      await manager.save(alert);
      return 'alert.resolved';
    });
  }

  private async act(
    id: string,
    actor: AuditActor,
    ip: string | null,
    action: string,
    work: (manager: EntityManager, alert: AlertEntity) => Promise<ReplayedEvent | null>,
  ): Promise<AlertDto> {
    const { pending } = await this.dataSource.transaction(async (manager) => {
      const alert = await this.lockAlert(manager, id);
      if (!alert) throw new AppError('ALERT_NOT_FOUND');
      if (alert.status === 'resolved') throw new AppError('ALERT_RESOLVED');
      const before = { status: alert.status, unitId: alert.unitId };
      const event = await work(manager, alert);
      await this.audit.record(manager, { actor, action, entityType: 'alert', entityId: id, ip, before, after: { status: alert.status, unitId: alert.unitId } });
      const rooms = [...BOARD_ROOMS, ...(alert.unitId ? [`unit:${alert.unitId}`] : [])];
      const pending = event ? [await this.logEvent(manager, alert, event, rooms, { status: alert.status, by: actor.username, at: new Date().toISOString(), unitId: alert.unitId })] : [];
      return { pending };
    });
    this.publish(pending);
    return this.get(id);
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────

  async list(query: { status?: string; limit: number }): Promise<AlertDto[]> {
    const qb = this.dataSource.getRepository(AlertEntity).createQueryBuilder('a').orderBy('a.level', 'ASC').addOrderBy('a.raisedAt', 'DESC').limit(query.limit);
    if (query.status === 'active') qb.where(`a.status <> 'resolved' AND NOT a.silenced`);
    else if (query.status) qb.where('a.status = :status', { status: query.status });
    return this.toDtos(await qb.getMany());
  }

  async get(id: string): Promise<AlertDto> {
    const alert = await this.dataSource.getRepository(AlertEntity).findOneBy({ id });
    if (!alert) throw new AppError('ALERT_NOT_FOUND');
    return (await this.toDtos([alert]))[0]!;
  }

  /** Response times per responsible unit and month (supervisors). */
  async stats(months: number): Promise<ResponseStatsRow[]> {
    const rows: (Omit<ResponseStatsRow, 'medianMinutesToAck' | 'medianMinutesToRespond'> & { ack: number | null; resp: number | null })[] = await this.dataSource.query(
      `SELECT to_char(a.raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, a.unit_id AS "unitId", u.name AS "unitName",
              count(*)::int AS alerts, count(a.acknowledged_at)::int AS acknowledged, count(a.responded_at)::int AS responded,
              count(*) FILTER (WHERE a.responded_at > a.discovered_at + CASE WHEN a.level <= 2 THEN interval '5 hours' ELSE interval '48 hours' END
                               OR (a.responded_at IS NULL AND now() > a.discovered_at + CASE WHEN a.level <= 2 THEN interval '5 hours' ELSE interval '48 hours' END))::int AS "respondedLate",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.acknowledged_at - a.raised_at) / 60) AS ack,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.responded_at - a.discovered_at) / 60) AS resp
         FROM alerts a LEFT JOIN units u ON u.id = a.unit_id
        WHERE a.raised_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(months => $1 - 1)
        GROUP BY 1, 2, 3 ORDER BY 1 DESC, 3`,
      [months],
    );
    const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
    return rows.map(({ ack, resp, ...r }) => ({ ...r, medianMinutesToAck: round(ack), medianMinutesToRespond: round(resp) }));
  }

  private async toDtos(alerts: AlertEntity[]): Promise<AlertDto[]> {
    const unitIds = [...new Set(alerts.map((a) => a.unitId).filter((x): x is string => !!x))];
    const units = unitIds.length ? await this.dataSource.getRepository(UnitEntity).createQueryBuilder('u').where('u.id IN (:...unitIds)', { unitIds }).getMany() : [];
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const now = Date.now();
    return alerts.map((a) => ({
      id: a.id,
      hotspotId: a.hotspotId,
      hotspotTitle: a.title,
      level: a.level,
      status: a.status,
      rule: a.rule,
      count: a.count,
      step: a.step + 1,
      silenced: a.silenced,
      raisedAt: a.raisedAt.toISOString(),
      discoveredAt: a.discoveredAt.toISOString(),
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: a.acknowledgedBy,
      assignedAt: a.assignedAt?.toISOString() ?? null,
      unitId: a.unitId,
      unitName: a.unitId ? (unitName.get(a.unitId) ?? null) : null,
      respondedAt: a.respondedAt?.toISOString() ?? null,
      responseText: a.responseText,
      responseUrl: a.responseUrl,
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      resolvedBy: a.resolvedBy,
      lastEscalatedAt: a.lastEscalatedAt?.toISOString() ?? null,
      clocks: responseLimitsFor(a.level).map((limit): ResponseClockDto => {
        const due = a.discoveredAt.getTime() + limit.hours * 3_600_000;
        const met = a.respondedAt?.getTime() ?? null;
        const state = met !== null ? (met <= due ? 'met' : 'late') : now > due ? 'overdue' : now > a.discoveredAt.getTime() + limit.hours * 3_600_000 * WARNING_SHARE ? 'warning' : 'running';
        return { code: limit.code, zh: limit.zh, en: limit.en, dueAt: new Date(due).toISOString(), metAt: a.respondedAt?.toISOString() ?? null, state };
      }),
    }));
  }

  // ── policies and silences ────────────────────────────────────────────────────────────────

  async policies(): Promise<EscalationPolicyDto[]> {
    const stored = await this.dataSource.getRepository(EscalationPolicyEntity).find();
    return HOTSPOT_LEVELS.map((level) => {
      const row = stored.find((p) => p.level === level);
      return row ? { level, steps: row.steps, repeat: row.repeat, ackTimeoutSeconds: row.ackTimeoutSeconds, updatedAt: row.updatedAt.toISOString() } : { level, ...DEFAULT_ESCALATION_POLICIES[level], updatedAt: null };
    });
  }

  async policy(level: HotspotLevel, manager: EntityManager = this.dataSource.manager): Promise<EscalationPolicyRequest> {
    return (await this.policiesOf(manager, [level])).get(level)!;
  }

  async putPolicy(level: HotspotLevel, body: EscalationPolicyRequest, actor: AuditActor, ip: string | null): Promise<EscalationPolicyDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.policy(level, manager);
      await manager.upsert(EscalationPolicyEntity, { level, steps: body.steps, repeat: body.repeat, ackTimeoutSeconds: body.ackTimeoutSeconds }, ['level']);
      await this.audit.record(manager, { actor, action: 'escalation_policy.update', entityType: 'escalation_policy', entityId: String(level), ip, before, after: body });
    });
    return (await this.policies()).find((p) => p.level === level)!;
  }

  async silences(): Promise<SilenceDto[]> {
    const rows = await this.dataSource.getRepository(AlertSilenceEntity).createQueryBuilder('s').where('s.expiresAt > now()').orderBy('s.expiresAt').getMany();
    return rows.map(silenceDto);
  }

  async addSilence(body: SilenceRequest, actor: AuditActor, ip: string | null): Promise<SilenceDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(AlertSilenceEntity, { hotspotId: body.hotspotId ?? null, maxLevel: body.maxLevel ?? null, reason: body.reason, createdBy: actor.username, expiresAt: new Date(Date.now() + body.minutes * 60_000) }),
      );
      await this.audit.record(manager, { actor, action: 'silence.create', entityType: 'alert_silence', entityId: row.id, ip, after: body });
      return silenceDto(row);
    });
  }

  async endSilence(id: string, actor: AuditActor, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(AlertSilenceEntity, { id });
      if (!row) throw new AppError('SILENCE_NOT_FOUND');
      await manager.update(AlertSilenceEntity, { id }, { expiresAt: new Date() });
      await this.audit.record(manager, { actor, action: 'silence.end', entityType: 'alert_silence', entityId: id, ip });
    });
  }

  /** Whether a silence covers each raise: one on its hotspot, or a general one up to its level. */
  private async silencedOf(manager: EntityManager, raises: Pick<Raise, 'hotspot' | 'level'>[]): Promise<boolean[]> {
    const rows: { hotspot_id: string | null; max_level: number | null }[] = await manager.query(
      `SELECT hotspot_id, max_level FROM alert_silences WHERE expires_at > now() AND (hotspot_id = ANY($1::uuid[]) OR hotspot_id IS NULL)`,
      [raises.map((r) => r.hotspot.id)],
    );
    return raises.map(({ hotspot, level }) => rows.some((s) => (s.hotspot_id ? s.hotspot_id === hotspot.id : s.max_level !== null && s.max_level <= level)));
  }

  /** The escalation policy of each level (the default where none is stored). */
  private async policiesOf(manager: EntityManager, levels: HotspotLevel[]): Promise<Map<HotspotLevel, EscalationPolicyRequest>> {
    const wanted = [...new Set(levels)];
    const rows = await manager.findBy(EscalationPolicyEntity, { level: In(wanted) });
    return new Map(
      wanted.map((level) => {
        const row = rows.find((r) => r.level === level);
        return [level, row ? { steps: row.steps, repeat: row.repeat, ackTimeoutSeconds: row.ackTimeoutSeconds } : DEFAULT_ESCALATION_POLICIES[level]];
      }),
    );
  }

  // ── events ───────────────────────────────────────────────────────────────────────────────

  private lockAlert(manager: EntityManager, id: string): Promise<AlertEntity | null> {
    return manager.getRepository(AlertEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  /** Stores the event (its id orders replays) and returns it for publishing after the commit. */
  private async logEvent(manager: EntityManager, alert: AlertEntity, event: ReplayedEvent, rooms: string[], extra: object): Promise<Pending> {
    return (await this.logEvents(manager, [{ alert, event, rooms, extra }]))[0]!;
  }

  /** Stores events in the order given (their ids order replays); returns them for publishing after the commit. */
  private async logEvents(manager: EntityManager, events: EventToLog[]): Promise<Pending[]> {
    if (!events.length) return [];
    // Event ids must become visible in id order, or a client resuming after the highest id it saw
    // would skip one committed later with a lower id: writers of alert events take turns until
    // they commit. (Taken after the clustering lock where both are held; never before it.)
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ALERT_EVENTS_LOCK]);
    const ids: { id: string }[] = await manager.query(`SELECT nextval(pg_get_serial_sequence('alert_events', 'id'))::text AS id FROM generate_series(1, $1)`, [events.length]);
    const pending = events.map(({ alert, event, rooms, extra }, i): Pending => {
      const body =
        event === 'alert.raised' || event === 'alert.escalated'
          ? ({ alertId: alert.id, hotspotId: alert.hotspotId, level: alert.level, title: alert.title, raisedAt: alert.raisedAt.toISOString(), count: alert.count, rule: alert.rule, ...extra } satisfies Omit<AlertEventPayload, 'eventId'>)
          : { alertId: alert.id, hotspotId: alert.hotspotId, level: alert.level, ...extra };
      return { event, rooms: [...new Set(rooms)], payload: { eventId: ids[i]!.id, ...body } };
    });
    await manager.query(
      `INSERT INTO alert_events (id, alert_id, event, payload, rooms)
       SELECT x.id, x.alert_id, x.event, x.payload, ARRAY(SELECT jsonb_array_elements_text(x.rooms))
         FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, alert_id uuid, event varchar, payload jsonb, rooms jsonb)`,
      [JSON.stringify(pending.map((p, i) => ({ id: ids[i]!.id, alert_id: events[i]!.alert.id, event: p.event, payload: p.payload, rooms: p.rooms })))],
    );
    return pending;
  }

  /** Publishes in order; a run of the same event to the same rooms goes out as one batch. */
  private publish(pending: Pending[]): void {
    for (let i = 0; i < pending.length; ) {
      const { event, rooms } = pending[i]!;
      let j = i + 1;
      while (j < pending.length && pending[j]!.event === event && sameRooms(pending[j]!.rooms, rooms)) j++;
      this.realtime.toRoomsEach(rooms, event, pending.slice(i, j).map((p) => p.payload) as never[]);
      i = j;
    }
  }

}


interface EventToLog {
  alert: AlertEntity;
  event: ReplayedEvent;
  rooms: string[];
  extra: object;
}

const sameRooms = (a: string[], b: string[]): boolean => a.length === b.length && a.every((r, i) => r === b[i]);

function roomsOf(notify: EscalationPolicyRequest['steps'][number]['notify']): string[] {
  return [...notify.roles.map((r) => `role:${r}`), ...notify.unitIds.map((u) => `unit:${u}`), ...notify.userIds.map((u) => `user:${u}`)];
}

function hotspotUpdate(h: HotspotEntity) {
  return {
    id: h.id,
    title: h.title,
    level: h.level,
    heat: Math.round(h.heat * 100) / 100,
    growth: h.growth,
    mentionCount: h.mentionCount,
    authorCount: h.authorCount,
    negativeShare: h.mentionCount ? Math.round((h.negativeCount / h.mentionCount) * 1000) / 1000 : 0,
    lastSeenAt: new Date(h.lastSeenAt).toISOString(),
    status: h.status,
  };
}

function silenceDto(s: AlertSilenceEntity): SilenceDto {
  return {
    id: s.id,
    hotspotId: s.hotspotId,
    maxLevel: s.maxLevel as HotspotLevel | null,
    reason: s.reason,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  };
}
