import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomInt } from 'node:crypto';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  chinaDateOf,
  checkTransition,
  computeDeadline,
  defaultLegalBasis,
  feePending,
  hasAnyRole,
  hasTimelinessFilter,
  isIsoDate,
  matchesTimelinessFilter,
  OPEN_STATUSES,
  STATUS_LABELS,
  timelinessRecordOf,
  yearOf,
  type ClockEvent,
  type IsoDate,
  type ReplyReasonCode,
  type RequestStatus,
  type TimelinessFilter,
  type WorkingDayCalendar,
} from '@govdesk/domain';
import ExcelJS from 'exceljs';
import type {
  ApplicantDto,
  RequestDto,
  RegisteredRequestDto,
  RegisterRequest,
  RequestDetailDto,
  RequestListQuery,
  RequestPageDto,
  TransitionRequest,
} from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { Clock } from '../common/time/clock';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { DisclosureRequestEntity } from './disclosure-request.entity';
import { RequestEventEntity } from './request-event.entity';
import { applicantDto, auditView, requestDto, timelineDto, transitionContext } from './request.mapper';
import { inScope, scopeQuery } from '../common/scope/unit-scope';
import { timelinessFilterSql } from './timeliness-sql';

/** Statuses whose stored due date is running (not paused, not concluded): overdue filters use these. */
const RUNNING: readonly RequestStatus[] = ['registered', 'reviewing', 'handling', 'reply_drafted'];
const DEADLINE_STATE_LABELS = { on_track: '正常', due_soon: '即将到期', overdue: '已逾期', paused: '暂停计时', stopped: '已办结' } as const;
const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The query code an applicant uses with the receipt number; stored only as a hash. */
export function newQueryCode(): string {
  return Array.from({ length: 8 }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join('');
}

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/** `YYYY-MM-DD` as given, or the China calendar date of an ISO instant. */
function toEventDate(value: string): IsoDate {
  return isIsoDate(value) ? value : chinaDateOf(new Date(value));
}

/** What starts like a receipt number (YSQ-2026-00042): searched on the receipt number alone. */
const RECEIPT_PREFIX = /^YSQ-\d{4}(-\d{0,10})?$/i;

@Injectable()
export class DisclosureService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.calendars.registerRecomputeHook((manager, calendar, years) => this.recomputeDeadlines(manager, calendar, years));
  }

  // ---- register -------------------------------------------------------------------------

  async register(body: RegisterRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<RegisteredRequestDto> {
    const queryCode = newQueryCode();
    const id = await this.dataSource.transaction((manager) => this.registerIn(manager, body, actor, meta, { queryCodeHash: hashQueryCode(queryCode) }));
    return { ...(await this.get(id, actor)), queryCode };
  }

  /**
   * Registers within the caller's transaction. `preset` carries what an online submission was
   * given when submitted (its receipt number and query code); otherwise a new number is drawn.
   */
  async registerIn(
    manager: EntityManager,
    body: RegisterRequest,
    actor: CurrentUserInfo,
    meta: RequestMeta,
    preset: { queryCodeHash: string; receiptNo?: string; details?: Record<string, unknown> },
  ): Promise<string> {
    const countyWide = hasAnyRole(actor, ['supervisor', 'admin']);
    if (!countyWide && body.unitId !== actor.unitId) throw new AppError('REQUEST_OTHER_UNIT');
    const today = this.clock.today();
    const receivedOn = toEventDate(body.receivedAt);
    const receivedAt = isIsoDate(body.receivedAt) ? new Date(`${body.receivedAt}T00:00:00+08:00`) : new Date(body.receivedAt);
    if (receivedOn > today || receivedAt.getTime() > this.clock.now().getTime() + 60_000) {
      throw new AppError('REQUEST_EVENT_DATE', `receivedAt ${body.receivedAt} is in the future.`, [{ field: 'receivedAt', message: 'must not be in the future' }], `收到申请日期 ${body.receivedAt} 晚于今天。`);
    }
    const calendar = await this.calendars.calendar();
    const unit = await manager.findOneBy(UnitEntity, { id: body.unitId, active: true });
    if (!unit) throw new AppError('VALIDATION_FAILED', 'unitId: no such active unit', [{ field: 'unitId', message: 'no such active unit' }], '所选单位不存在或已停用。');
    const receiptNo = preset.receiptNo ?? (await this.nextReceiptNo(manager, yearOf(receivedOn)));
    const clockEvents: ClockEvent[] = [{ type: 'received', date: receivedOn }];
    const deadline = computeDeadline(calendar, clockEvents, today);
    const request = await manager.save(
      manager.create(DisclosureRequestEntity, {
        receiptNo,
        queryCodeHash: preset.queryCodeHash,
        status: 'registered',
        channel: body.channel,
        receivedAt,
        receivedOn,
        unitId: body.unitId,
        handlerId: hasAnyRole(actor, ['handler']) && actor.unitId === body.unitId ? actor.id : null,
        applicantType: body.applicant.type,
        applicantName: body.applicant.name,
        applicant: body.applicant,
        title: body.title ?? null,
        description: body.description,
        formMedium: body.form.medium,
        formDelivery: body.form.delivery,
        clockEvents,
        dueDate: deadline.dueDate,
        provisional: deadline.provisional,
      }),
    );
    await this.addEvent(manager, request, actor, 'register', null, receivedOn, { channel: body.channel, ...preset.details });
    await this.audit.record(manager, { actor, action: 'request.register', entityType: 'disclosure_request', entityId: request.id, ip: meta.ip, after: auditView(request) });
    return request.id;
  }

  /** The next receipt number of the year, drawn in the caller's transaction. */
  /** Receipt numbers look like YSQ-2026-00042 (see below). */
  async nextReceiptNo(manager: EntityManager, year: number): Promise<string> {
    const rows: { last: number }[] = await manager.query(
      `INSERT INTO receipt_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = receipt_counters.last + 1 RETURNING last`,
      [year],
    );
    return `YSQ-${year}-${String(rows[0]!.last).padStart(5, '0')}`;
  }

  // ---- read -----------------------------------------------------------------------------

  private baseQuery(manager: EntityManager, actor: CurrentUserInfo): SelectQueryBuilder<DisclosureRequestEntity> {
    const qb = manager
      .getRepository(DisclosureRequestEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.unit', 'unit')
      .leftJoinAndSelect('r.handler', 'handler');
    return scopeQuery(qb, 'r.unitId', actor);
  }

  async get(id: string, actor: CurrentUserInfo): Promise<RequestDetailDto> {
    const request = await this.baseQuery(this.dataSource.manager, actor).andWhere('r.id = :id', { id }).getOne();
    if (!request) throw new AppError('REQUEST_NOT_FOUND');
    const events = await this.dataSource.getRepository(RequestEventEntity).find({ where: { requestId: id }, order: { id: 'ASC' } });
    const calendar = await this.calendars.calendar();
    return { ...requestDto(request, calendar, this.clock.today(), actor), timeline: events.map(timelineDto) };
  }

  async list(query: RequestListQuery, actor: CurrentUserInfo): Promise<RequestPageDto> {
    const today = this.clock.today();
    const calendar = await this.calendars.calendar();
    const qb = this.baseQuery(this.dataSource.manager, actor);
    if (query.status?.length) qb.andWhere('r.status IN (:...status)', { status: query.status });
    if (query.unitId) qb.andWhere('r.unitId = :unitId', { unitId: query.unitId });
    if (query.handlerId === 'none') qb.andWhere('r.handlerId IS NULL');
    else if (query.handlerId) qb.andWhere('r.handlerId = :handlerId', { handlerId: query.handlerId });
    if (query.channel?.length) qb.andWhere('r.channel IN (:...channel)', { channel: query.channel });
    if (query.applicantType?.length) qb.andWhere('r.applicantType IN (:...applicantType)', { applicantType: query.applicantType });
    if (query.receivedFrom) qb.andWhere('r.receivedOn >= :receivedFrom', { receivedFrom: query.receivedFrom });
    if (query.receivedTo) qb.andWhere('r.receivedOn <= :receivedTo', { receivedTo: query.receivedTo });
    if (query.dueFrom) qb.andWhere('r.dueDate >= :dueFrom', { dueFrom: query.dueFrom });
    if (query.dueTo) qb.andWhere('r.dueDate <= :dueTo', { dueTo: query.dueTo });
    if (query.overdue !== undefined) {
      qb.andWhere(query.overdue ? 'r.status IN (:...running) AND NOT r.feePending AND r.dueDate < :today' : 'NOT (r.status IN (:...running) AND NOT r.feePending AND r.dueDate < :today)', {
        running: RUNNING,
        today,
      });
    }
    if (query.dueWithin !== undefined) {
      const limit = calendar.addWorkingDays(today, query.dueWithin).date;
      qb.andWhere('r.status IN (:...openStatuses) AND r.dueDate <= :dueLimit', { openStatuses: OPEN_STATUSES, dueLimit: limit });
    }
    if (query.q && RECEIPT_PREFIX.test(query.q.trim())) {
      // A receipt number, whole or its beginning: the unique index answers (C collation: LIKE 'prefix%').
      qb.andWhere('r.receiptNo LIKE :prefix', { prefix: `${query.q.trim().toUpperCase()}%` });
    } else if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('r.description ILIKE :like', { like }).orWhere('r.applicantName ILIKE :like').orWhere('r.receiptNo ILIKE :like').orWhere('r.title ILIKE :like'),
        ),
      );
    }
    const timeliness: TimelinessFilter = {
      timeliness: query.timeliness,
      deadlineState: query.deadlineState,
      extended: query.extended,
      corrected: query.corrected,
      consulted: query.consulted,
    };
    if (hasTimelinessFilter(timeliness)) {
      for (const condition of timelinessFilterSql('r', timeliness)) qb.andWhere(condition);
      if (timeliness.deadlineState?.length) {
        const ids = await this.openInDeadlineStates(qb, timeliness, calendar, today);
        qb.andWhere('r.id = ANY(CAST(:timelinessIds AS uuid[]))', { timelinessIds: ids });
      }
    }
    const column = { due: 'r.dueDate', received: 'r.receivedAt', updated: 'r.updatedAt' }[query.sort];
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    if (query.cursor) {
      const [value, id] = decodeCursor(query.cursor);
      const op = direction === 'ASC' ? '>' : '<';
      qb.andWhere(`(${column}, r.id) ${op} (:cursorValue, :cursorId)`, { cursorValue: value, cursorId: id });
    }
    // `limit`, not `take`: the joins (unit, handler) are many-to-one and never multiply rows, and
    // `take` would make TypeORM page through a SELECT DISTINCT over every matching row first.
    qb.orderBy(column, direction).addOrderBy('r.id', direction).limit(query.limit + 1);
    const rows = await qb.getMany();
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const lastValue = last ? { due: last.dueDate, received: last.receivedAt.toISOString(), updated: last.updatedAt.toISOString() }[query.sort] : null;
    return {
      items: page.map((r) => requestDto(r, calendar, today, actor)),
      nextCursor: rows.length > query.limit && last && lastValue ? encodeCursor(lastValue, last.id) : null,
    };
  }

  /**
   * The open requests among `qb`'s (already narrowed by the filter's SQL: timeliness-sql.ts)
   * whose deadline state, live as of today, is one the filter names: each one's timeliness
   * record (libs/domain, the dashboard's own definition) decides.
   */
  private async openInDeadlineStates(
    qb: SelectQueryBuilder<DisclosureRequestEntity>,
    filter: TimelinessFilter,
    calendar: WorkingDayCalendar,
    today: IsoDate,
  ): Promise<string[]> {
    const rows = await qb.clone().select(['r.id', 'r.receivedOn', 'r.concludedOn', 'r.outcome', 'r.extension', 'r.clockEvents']).getMany();
    return rows.filter((r) => matchesTimelinessFilter(timelinessRecordOf(r, calendar, today).record, filter)).map((r) => r.id);
  }

  /** Every request the list query matches (page by page), as a spreadsheet. */
  async exportXlsx(query: RequestListQuery, actor: CurrentUserInfo): Promise<Buffer> {
    const rows: RequestDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, limit: 200, cursor }, actor);
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < 10_000);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('政府信息公开申请');
    ws.columns = [
      { header: '受理编号', key: 'receiptNo', width: 18 },
      { header: '状态', key: 'status', width: 12 },
      { header: '期限状态', key: 'state', width: 10 },
      { header: '剩余工作日', key: 'left', width: 10 },
      { header: '答复期限', key: 'due', width: 12 },
      { header: '暂定', key: 'provisional', width: 6 },
      { header: '收到日期', key: 'received', width: 12 },
      { header: '渠道', key: 'channel', width: 14 },
      { header: '申请人', key: 'applicant', width: 20 },
      { header: '申请人类型', key: 'applicantType', width: 18 },
      { header: '单位', key: 'unit', width: 16 },
      { header: '承办人', key: 'handler', width: 18 },
      { header: '答复类型', key: 'reply', width: 18 },
      { header: '申请内容', key: 'description', width: 60 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows) {
      ws.addRow({
        receiptNo: r.receiptNo,
        status: STATUS_LABELS[r.status],
        state: DEADLINE_STATE_LABELS[r.deadline.state],
        left: r.deadline.workingDaysLeft,
        due: r.dueDate,
        provisional: r.deadline.provisional ? '是' : '',
        received: r.receivedOn,
        channel: r.channel,
        applicant: r.applicant.name,
        applicantType: r.applicant.type,
        unit: r.unitName,
        handler: r.handlerName ?? '',
        reply: r.reply?.replyType ?? '',
        description: r.description,
      });
    }
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The applicant's personal data in full: an audited act. */
  async reveal(id: string, actor: CurrentUserInfo, meta: RequestMeta): Promise<{ applicant: ApplicantDto }> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.baseQuery(manager, actor).andWhere('r.id = :id', { id }).getOne();
      if (!request) throw new AppError('REQUEST_NOT_FOUND');
      await this.addEvent(manager, request, actor, 'reveal', request.status, this.clock.today(), { fields: ['idNumber', 'phone', 'address'] });
      await this.audit.record(manager, {
        actor,
        action: 'request.reveal_personal_data',
        entityType: 'disclosure_request',
        entityId: id,
        ip: meta.ip,
        after: { receiptNo: request.receiptNo, fields: ['idNumber', 'phone', 'address'] },
      });
      return { applicant: applicantDto(request.applicant, true) };
    });
  }

  // ---- transitions ----------------------------------------------------------------------

  async transition(id: string, body: TransitionRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<RequestDetailDto> {
    const today = this.clock.today();
    const calendar = await this.calendars.calendar();
    await this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(DisclosureRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
      if (body.version !== request.version) {
        throw new AppError(
          'REQUEST_VERSION_CONFLICT',
          `The request is at version ${request.version}, not ${body.version}: someone changed it meanwhile; reload it and try again.`,
          undefined,
          `该申请已被他人修改（当前版本 ${request.version}），请刷新后重试。`,
        );
      }
      const check = checkTransition(transitionContext(request), body.action, actor.roles, {
        replyType: body.action === 'draft_reply' ? body.replyType : undefined,
        reasonCode: body.action === 'draft_reply' ? body.reasonCode : undefined,
        legalBasis: body.action === 'draft_reply' ? body.legalBasis : undefined,
        abandonReason: body.action === 'abandon' ? body.reasonCode : undefined,
      });
      if (!check.ok) {
        const code = check.code === 'not_allowed_now' ? 'REQUEST_ACTION_NOT_ALLOWED' : check.code === 'role' ? 'AUTH_FORBIDDEN' : 'REQUEST_REQUIREMENT';
        throw new AppError(code, check.en, undefined, check.zh);
      }

      const eventDate = body.at ? toEventDate(body.at) : today;
      const lastDate = await this.lastEventDate(manager, request);
      if (eventDate > today) {
        throw new AppError('REQUEST_EVENT_DATE', `at ${eventDate} is in the future.`, [{ field: 'at', message: 'must not be in the future' }], `事项日期 ${eventDate} 晚于今天。`);
      }
      if (eventDate < lastDate) {
        throw new AppError(
          'REQUEST_EVENT_DATE',
          `at ${eventDate} is before the previous event (${lastDate}).`,
          [{ field: 'at', message: `must not be before ${lastDate}` }],
          `事项日期 ${eventDate} 早于上一事项日期 ${lastDate}。`,
        );
      }

      const before = auditView(request);
      const fromStatus = request.status;
      const details = await this.apply(manager, request, body, actor, eventDate);
      request.status = check.to;
      request.feePending = feePending(request.clockEvents);
      const deadline = computeDeadline(calendar, request.clockEvents, today);
      request.dueDate = deadline.dueDate;
      request.provisional = deadline.provisional;
      await manager.save(request);
      await this.addEvent(manager, request, actor, body.action, fromStatus, eventDate, details);
      await this.audit.record(manager, {
        actor,
        action: `request.${body.action}`,
        entityType: 'disclosure_request',
        entityId: id,
        ip: meta.ip,
        before,
        after: auditView(request),
      });
    });
    return this.get(id, actor);
  }

  /** The action's own effect on the request; returns what the timeline records of it. */
  private async apply(
    manager: EntityManager,
    request: DisclosureRequestEntity,
    body: TransitionRequest,
    actor: CurrentUserInfo,
    date: IsoDate,
  ): Promise<Record<string, unknown>> {
    const clock = (event: ClockEvent) => {
      request.clockEvents = [...request.clockEvents, event];
    };
    switch (body.action) {
      case 'start_review':
      case 'receive_correction':
        if (body.action === 'receive_correction') clock({ type: 'correction_received', date });
        return {};
      case 'accept': {
        const handlerId = body.handlerId ?? (hasAnyRole(actor, ['handler']) && actor.unitId === request.unitId ? actor.id : request.handlerId);
        if (handlerId) {
          const handler = await manager.findOneBy(UserEntity, { id: handlerId, unitId: request.unitId, disabled: false });
          if (!handler || !handler.roles.includes('handler')) throw new AppError('REQUEST_HANDLER_INVALID');
          request.handlerId = handler.id;
          request.handler = handler;
          return { handlerId: handler.id, handlerName: handler.displayName };
        }
        return {};
      }
      case 'request_correction':
        clock({ type: 'correction_requested', date, correctWithinDays: body.correctWithinDays });
        return { items: body.items, correctWithinDays: body.correctWithinDays };
      case 'start_consultation':
        clock({ type: 'consultation_started', date, party: body.party, ...(body.partyName ? { partyName: body.partyName } : {}) });
        return { party: body.party, partyName: body.partyName ?? null };
      case 'end_consultation':
        clock({ type: 'consultation_ended', date });
        return { opinion: body.opinion ?? null };
      case 'request_extension':
        request.extension = 'requested';
        return { reason: body.reason };
      case 'approve_extension':
        request.extension = 'approved';
        clock({ type: 'extension_approved', date, approvedBy: actor.displayName });
        return {};
      case 'notify_fee':
        clock({ type: 'fee_notified', date });
        return { amount: body.amount, reason: body.reason };
      case 'receive_fee':
        clock({ type: 'fee_paid', date });
        return {};
      case 'set_reply_period': {
        const current = computeDeadline(await this.calendars.calendar(), request.clockEvents, date).dueDate;
        if (body.dueDate <= current) {
          throw new AppError(
            'REQUEST_REQUIREMENT',
            `A reasonable period (Art. 35) must end after the current due date ${current}.`,
            [{ field: 'dueDate', message: `must be after ${current}` }],
            `合理答复期限（第三十五条）须晚于当前答复期限 ${current}。`,
          );
        }
        clock({ type: 'period_set', date, dueDate: body.dueDate, reason: body.reason, setBy: actor.displayName });
        return { dueDate: body.dueDate, previousDueDate: current, reason: body.reason };
      }
      case 'draft_reply': {
        const reasonCode = (body.reasonCode as ReplyReasonCode | undefined) ?? null;
        request.replyType = body.replyType;
        request.reasonCode = reasonCode;
        request.legalBasis = body.legalBasis?.trim() || defaultLegalBasis(body.replyType, reasonCode);
        request.replyBody = body.body ?? null;
        request.replyApprovedAt = null;
        request.replyApprovedBy = null;
        return { replyType: body.replyType, reasonCode, legalBasis: request.legalBasis };
      }
      case 'approve_reply':
        request.replyApprovedAt = new Date();
        request.replyApprovedBy = actor.displayName;
        return { replyType: request.replyType };
      case 'send_reply':
        clock({ type: 'concluded', date, outcome: 'replied' });
        request.concludedOn = date;
        request.outcome = request.replyType;
        request.deliveryMethod = body.deliveryMethod ?? request.formDelivery;
        return { replyType: request.replyType, deliveryMethod: request.deliveryMethod };
      case 'withdraw':
        clock({ type: 'concluded', date, outcome: 'withdrawn' });
        request.concludedOn = date;
        request.outcome = 'withdrawn';
        return { reason: body.reason ?? null };
      case 'abandon':
        clock({ type: 'concluded', date, outcome: 'abandoned' });
        request.concludedOn = date;
        request.outcome = `abandoned:${body.reasonCode}`;
        return { reasonCode: body.reasonCode };
      case 'archive':
        return {};
    }
  }

  private async lastEventDate(manager: EntityManager, request: DisclosureRequestEntity): Promise<IsoDate> {
    const rows: { max: string | null }[] = await manager.query(
      `SELECT max(event_date)::text AS max FROM request_events WHERE request_id = $1 AND action <> 'reveal'`,
      [request.id],
    );
    return rows[0]?.max ?? request.receivedOn;
  }

  private async addEvent(
    manager: EntityManager,
    request: DisclosureRequestEntity,
    actor: CurrentUserInfo,
    action: string,
    fromStatus: RequestStatus | null,
    eventDate: IsoDate,
    details: Record<string, unknown>,
  ): Promise<void> {
    await manager.insert(RequestEventEntity, {
      requestId: request.id,
      eventDate,
      action,
      actorId: actor.id,
      actorName: actor.displayName,
      fromStatus,
      toStatus: request.status,
      details,
    });
  }

  /**
   * After a calendar change (`years` added or corrected, or `all`): the stored due date and
   * provisional flag of every open request, and of every concluded one whose deadline can
   * reach those years. A concluded request's stored due date is final and the timeliness
   * figures count with it (timeliness-sql.ts), so it follows the calendar like an open one's.
   * In batches, in the caller's transaction; returns how many changed.
   */
  private async recomputeDeadlines(manager: EntityManager, calendar: WorkingDayCalendar, years: readonly number[] | 'all'): Promise<number> {
    if (years !== 'all' && !years.length) return 0;
    const today = this.clock.today();
    // Every date the engine walks to lies between receipt and the later of the due date and
    // 60 working days after the conclusion (the longest correction window): a change within
    // [first, last] cannot move a request concluded with both well before `first`.
    const [first, last] = years === 'all' ? ['0001-01-01', '9999-12-31'] : [`${Math.min(...years)}-01-01`, `${Math.max(...years)}-12-31`];
    let changed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; clock_events: ClockEvent[]; due_date: IsoDate; provisional: boolean }[] = await manager.query(
        `SELECT id, clock_events, due_date::text AS due_date, provisional FROM disclosure_requests
          WHERE id > $1
            AND (status = ANY($2) OR (concluded_on IS NOT NULL AND received_on <= $4 AND greatest(due_date + 31, concluded_on + 120) >= $3))
          ORDER BY id LIMIT 2000`,
        [after, OPEN_STATUSES, first, last],
      );
      if (!rows.length) return changed;
      after = rows.at(-1)!.id;
      const updates = rows
        .map((r) => ({ id: r.id, d: computeDeadline(calendar, r.clock_events, today), r }))
        .filter(({ d, r }) => d.dueDate !== r.due_date || d.provisional !== r.provisional);
      if (updates.length) {
        // As `manager.update` would: the version and the update time move with the change.
        await manager.query(
          `UPDATE disclosure_requests r SET due_date = v.due_date, provisional = v.provisional, version = r.version + 1, updated_at = CURRENT_TIMESTAMP
             FROM unnest($1::uuid[], $2::date[], $3::boolean[]) AS v(id, due_date, provisional) WHERE r.id = v.id`,
          [updates.map((u) => u.id), updates.map((u) => u.d.dueDate), updates.map((u) => u.d.provisional)],
        );
        changed += updates.length;
      }
    }
  }
}

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((x) => typeof x === 'string')) return parsed as [string, string];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not valid; start from the first page', [{ field: 'cursor', message: 'invalid' }], '分页游标无效，请从第一页开始。');
}
