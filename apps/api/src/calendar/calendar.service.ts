import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  weekday,
  WorkingDayCalendar,
  yearCalendarsFromChineseDays,
  yearOf,
  type ChineseDaysData,
  type IsoDate,
  type WorkingDayResult,
} from '@govdesk/domain';
import type { CalendarYearDto, CalendarYearRequest, CalendarYearsDto } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { Clock } from '../common/time/clock';
import { CalendarYearEntity } from './calendar-year.entity';

/**
 * Called in the calendar change's transaction to recompute the deadlines the changed years (or
 * `all` of them) can move; returns how many changed.
 */
export type RecomputeHook = (manager: EntityManager, calendar: WorkingDayCalendar, years: readonly number[] | 'all') => Promise<number>;

/**
 * Set once every stored deadline, concluded ones included, has been recomputed with the
 * calendar in force (before it was, a calendar change recomputed open requests only).
 */
const ALL_RECOMPUTED = 'deadlines.recomputed_with_calendar';

/** Calendars older than this are reloaded, so a change made by another process shows quickly. */
const CACHE_MS = 30_000;

@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarService.name);
  private cached: { calendar: WorkingDayCalendar; loadedAt: number } | null = null;
  private readonly hooks: RecomputeHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds every year the `chinese-days` package knows and the database does not (never
   * overwrites), and recomputes the deadlines those years can move, in one transaction. Once
   * per database, every deadline is recomputed (see ALL_RECOMPUTED).
   */
  async onApplicationBootstrap(): Promise<void> {
    const file = require.resolve('chinese-days/dist/chinese-days.json');
    const version = (JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string }).version;
    const years = yearCalendarsFromChineseDays(JSON.parse(readFileSync(file, 'utf8')) as ChineseDaysData, `chinese-days ${version}`);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(CalendarYearEntity)
        .values(years.map((y) => ({ year: y.year, holidays: y.holidays, workdays: y.workdays, source: y.source ?? 'chinese-days' })))
        .orIgnore()
        .returning(['year'])
        .execute();
      const added = (result.raw as { year: number }[]).map((r) => r.year);
      if (added.length) this.logger.log(`Loaded ${added.length} holiday calendars from chinese-days ${version}`);
      // The first process to get here (the others wait on the key) recomputes everything once.
      const first: unknown[] = await manager.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`, [
        ALL_RECOMPUTED,
        new Date().toISOString(),
      ]);
      const scope = first.length ? 'all' : added;
      if (scope === 'all' || scope.length) {
        const calendar = await this.load(manager);
        let recomputed = 0;
        for (const hook of this.hooks) recomputed += await hook(manager, calendar, scope);
        if (recomputed) this.logger.log(`Recomputed ${recomputed} deadlines with the calendars loaded`);
      }
    });
  }

  registerRecomputeHook(hook: RecomputeHook): void {
    this.hooks.push(hook);
  }

  async calendar(): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_MS) return this.cached.calendar;
    const calendar = await this.load(this.dataSource.manager);
    this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  async addWorkingDays(from: IsoDate, days: number): Promise<WorkingDayResult> {
    return (await this.calendar()).addWorkingDays(from, days);
  }

  async listYears(): Promise<CalendarYearsDto> {
    const rows = await this.dataSource.getRepository(CalendarYearEntity).find({ order: { year: 'ASC' } });
    const loaded = new Set(rows.map((r) => r.year));
    const today = this.clock.today();
    const maxDue: { max: string | null }[] = await this.dataSource.query(
      `SELECT max(due_date)::text AS max FROM disclosure_requests WHERE status NOT IN ('replied','archived','withdrawn','abandoned')`,
    );
    // Deadlines near the year's end run into the next year: warn from November on.
    const horizon = Math.max(yearOf(today) + (Number(today.slice(5, 7)) >= 11 ? 1 : 0), maxDue[0]?.max ? yearOf(maxDue[0].max) : 0);
    const missingYears: number[] = [];
    for (let y = yearOf(today); y <= horizon; y++) if (!loaded.has(y)) missingYears.push(y);
    return {
      years: rows.map((r) => ({ year: r.year, holidays: r.holidays.length, workdays: r.workdays.length, source: r.source, updatedAt: r.updatedAt.toISOString() })),
      missingYears,
    };
  }

  async getYear(year: number): Promise<CalendarYearDto> {
    const row = await this.dataSource.getRepository(CalendarYearEntity).findOneBy({ year });
    if (!row) throw new AppError('CALENDAR_YEAR_NOT_FOUND', `No holiday calendar is loaded for ${year}.`, undefined, `${year} 年节假日安排尚未载入。`);
    return toDto(row);
  }

  /** Adds or corrects a year, audited, and recomputes the deadlines it can move in the same transaction. */
  async putYear(year: number, body: CalendarYearRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<CalendarYearDto & { recomputed: number }> {
    const problems = validateYear(year, body);
    if (problems.length) {
      throw new AppError(
        'CALENDAR_INVALID',
        `The ${year} calendar is not valid: ${problems.map((p) => p.en).join('; ')}`,
        problems.map((p) => ({ field: p.field, message: p.en })),
        `${year} 年日历有误：${problems.map((p) => p.zh).join('；')}`,
      );
    }
    const result = await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(CalendarYearEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
      const row = await manager.save(
        manager.create(CalendarYearEntity, {
          year,
          holidays: [...new Set(body.holidays)].sort(),
          workdays: [...new Set(body.workdays)].sort(),
          source: body.source ?? `edited by ${actor.username}`,
        }),
      );
      const calendar = await this.load(manager);
      let recomputed = 0;
      for (const hook of this.hooks) recomputed += await hook(manager, calendar, [year]);
      await this.audit.record(manager, {
        actor,
        action: before ? 'calendar.update' : 'calendar.create',
        entityType: 'calendar_year',
        entityId: String(year),
        ip: meta.ip,
        before: before ? toDto(before) : null,
        after: { ...toDto(row), recomputedDeadlines: recomputed },
      });
      return { ...toDto(row), recomputed };
    });
    this.cached = null;
    return result;
  }

  private async load(manager: EntityManager): Promise<WorkingDayCalendar> {
    const rows = await manager.find(CalendarYearEntity);
    return new WorkingDayCalendar(rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, source: r.source })));
  }
}

function toDto(r: CalendarYearEntity): CalendarYearDto {
  return { year: r.year, holidays: r.holidays, workdays: r.workdays, source: r.source, updatedAt: r.updatedAt.toISOString() };
}

interface Problem {
  field: string;
  en: string;
  zh: string;
}

function validateYear(year: number, body: CalendarYearRequest): Problem[] {
  const problems: Problem[] = [];
  for (const [field, dates] of [['holidays', body.holidays], ['workdays', body.workdays]] as const) {
    for (const d of dates) {
      if (yearOf(d) !== year) problems.push({ field, en: `${d} is not in ${year}`, zh: `${d} 不属于 ${year} 年` });
    }
  }
  const holidays = new Set(body.holidays);
  for (const d of body.workdays) {
    if (holidays.has(d)) problems.push({ field: 'workdays', en: `${d} is both a holiday and a working day`, zh: `${d} 同时被设为假日和工作日` });
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) problems.push({ field: 'workdays', en: `${d} is a weekday: make-up working days fall on weekends`, zh: `${d} 是工作日，调休上班日应为周末` });
  }
  return problems;
}
