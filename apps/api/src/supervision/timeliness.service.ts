import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  addDays,
  computeDeadline,
  emptyTimelinessTally,
  maxDate,
  tallyRecord,
  timelinessRecordOf,
  timelinessStatsOfTally,
  toEpochDay,
  type ClockEvent,
  type IsoDate,
  type TimelinessRecord,
  type TimelinessTally,
  type WorkingDayCalendar,
} from '@govdesk/domain';
import type { TimelinessGroupBy, TimelinessReportDto } from '@govdesk/contracts';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { timelinessSql } from '../disclosure/timeliness-sql';
import { scopeQuery } from '../common/scope/unit-scope';

/** The grouping column of each grouping, as text (null: no value, e.g. unassigned). */
const KEY_SQL: Record<TimelinessGroupBy, string> = {
  unit: 'r.unit_id::text',
  handler: 'r.handler_id::text',
  channel: 'r.channel',
  applicantType: 'r.applicant_type',
};

/** The longest span of the working-day table sent with the query (beyond it, JavaScript counts). */
const MAX_TABLE_DAYS = 40 * 366;

/** Working days to reply of a reply whose dates lie outside the table: counted in JavaScript. */
const OUTSIDE_TABLE = -1;

interface ConcludedRow {
  /** 1: by group, 2: by month (GROUPING of key and month). */
  level: number;
  key: string | null;
  /** YYYYMM. */
  month: number | null;
  wd: number | null;
  requests: number;
  replied: number;
  on_time: number;
  late: number;
  extended: number;
  corrected: number;
  consulted: number;
  provisional: number;
}

interface LiveRow {
  key: string | null;
  month: number;
  received_on: IsoDate;
  concluded: boolean;
  outcome: string | null;
  extension: 'none' | 'requested' | 'approved';
  clock_events: ClockEvent[];
}

/** Reply timeliness for supervisors: who answers on time, who is late, month by month. */
@Injectable()
export class TimelinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * Every number counts by the timeliness record's filters, as the request list (GET
   * /api/requests) does: a concluded request's record does not move with today and is counted
   * in SQL from its stored columns (timeliness-sql.ts, the list's own conditions); an open
   * request's is computed live, one by one (timelinessRecordOf).
   */
  async report(from: string, to: string, groupBy: TimelinessGroupBy, actor: CurrentUserInfo): Promise<TimelinessReportDto> {
    const calendar = await this.calendars.calendar();
    const today = this.clock.today();
    const total = emptyTimelinessTally();
    const byKey = new Map<string | null, TimelinessTally>();
    const byMonth = new Map<number, TimelinessTally>();
    const tallyOf = <K>(map: Map<K, TimelinessTally>, key: K) => {
      let t = map.get(key);
      if (!t) map.set(key, (t = emptyTimelinessTally()));
      return t;
    };
    const missing = new Set<number>();
    const t = timelinessSql('r');
    const key = KEY_SQL[groupBy];
    const month = 'r.received_month';

    // Concluded requests, counted in SQL by group and by month, replies by working days to
    // reply (a histogram, for the mean and the 90th percentile). Working days are counted on
    // the calendar's own table of working-day ordinals (WorkingDayCalendar.workingDayOrdinals).
    const tableTo = maxDate(to, today);
    const tableFrom = toEpochDay(tableTo) - toEpochDay(from) > MAX_TABLE_DAYS ? addDays(tableTo, -MAX_TABLE_DAYS) : from;
    const ordinal = (column: string) => `(CAST(:ordinals AS int[]))[${column} - CAST(:ordinalsFrom AS date) + 1]`;
    const [concludedSql, concludedParams] = this.requestsIn(from, to, actor)
      .select(key, 'key')
      .addSelect(month, 'month')
      .addSelect(t.replied, 'replied')
      .addSelect(t.repliedOnTime, 'on_time')
      .addSelect(t.extended, 'extended')
      .addSelect(t.corrected, 'corrected')
      .addSelect(t.consulted, 'consulted')
      .addSelect('r.provisional', 'provisional')
      .addSelect(
        `CASE WHEN ${t.replied} THEN coalesce(greatest(0, ${ordinal('r.concluded_on')} - ${ordinal('r.received_on')}), ${OUTSIDE_TABLE}) END`,
        'wd',
      )
      .andWhere(t.concluded)
      .setParameters({ ordinals: calendar.workingDayOrdinals(tableFrom, tableTo), ordinalsFrom: tableFrom })
      .getQueryAndParameters();
    const concludedQuery = `
      SELECT GROUPING(x.key, x.month) AS level, x.key, x.month, x.wd,
             count(*)::int AS requests,
             count(*) FILTER (WHERE x.replied)::int AS replied,
             count(*) FILTER (WHERE x.on_time)::int AS on_time,
             count(*) FILTER (WHERE x.replied AND NOT x.on_time)::int AS late,
             count(*) FILTER (WHERE x.extended)::int AS extended,
             count(*) FILTER (WHERE x.corrected)::int AS corrected,
             count(*) FILTER (WHERE x.consulted)::int AS consulted,
             count(*) FILTER (WHERE x.provisional)::int AS provisional
        FROM (${concludedSql}) x
       GROUP BY GROUPING SETS ((x.key, x.wd), (x.month, x.wd))`;
    const tallyOpen = (r: LiveRow, record: TimelinessRecord) => {
      tallyRecord(tallyOf(byKey, r.key), record);
      tallyRecord(tallyOf(byMonth, r.month), record);
      tallyRecord(total, record);
    };
    // The open requests are computed while the database counts the concluded ones.
    const [concluded] = await Promise.all([
      this.dataSource.query(concludedQuery, concludedParams) as Promise<ConcludedRow[]>,
      this.tallyLive(this.requestsIn(from, to, actor).select(key, 'key').addSelect(month, 'month'), calendar, today, tallyOpen, missing),
    ]);
    let outsideTable = false;
    for (const row of concluded) {
      // Every request is in one group: the totals are the groups' sum.
      for (const into of row.level === 1 ? [tallyOf(byKey, row.key), total] : [tallyOf(byMonth, row.month!)]) {
        into.requests += row.requests;
        into.replied += row.replied;
        into.repliedOnTime += row.on_time;
        into.repliedLate += row.late;
        into.extended += row.extended;
        into.corrected += row.corrected;
        into.consulted += row.consulted;
        into.provisional ||= row.provisional > 0;
        if (row.wd !== null && row.replied) into.workingDays.set(row.wd, (into.workingDays.get(row.wd) ?? 0) + row.replied);
      }
      if (row.wd === OUTSIDE_TABLE) outsideTable = true;
    }
    if (outsideTable) {
      // Replies received before the table or concluded after it (in practice never): counted here.
      const rows: { key: string | null; month: number; received_on: IsoDate; concluded_on: IsoDate }[] = await this.requestsIn(from, to, actor)
        .select(key, 'key')
        .addSelect(month, 'month')
        .addSelect('r.received_on::text', 'received_on')
        .addSelect('r.concluded_on::text', 'concluded_on')
        .andWhere(t.replied)
        .andWhere('(r.received_on < :tableFrom OR r.concluded_on > :tableTo)', { tableFrom, tableTo })
        .getRawMany();
      for (const r of rows) {
        const days = calendar.countWorkingDays(r.received_on, r.concluded_on).days;
        for (const into of [tallyOf(byKey, r.key), tallyOf(byMonth, r.month), total]) {
          const left = into.workingDays.get(OUTSIDE_TABLE)! - 1;
          if (left) into.workingDays.set(OUTSIDE_TABLE, left);
          else into.workingDays.delete(OUTSIDE_TABLE);
          into.workingDays.set(days, (into.workingDays.get(days) ?? 0) + 1);
        }
      }
    }
    const labels = await this.labels(groupBy, [...byKey.keys()]);
    return {
      from,
      to,
      groupBy,
      totals: timelinessStatsOfTally(total),
      groups: [...byKey.entries()]
        .map(([k, tally]) => ({ key: k, label: labels(k), ...timelinessStatsOfTally(tally) }))
        .sort(
          (a, b) =>
            (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) ||
            b.open.overdue - a.open.overdue ||
            (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
            String(a.key).localeCompare(String(b.key)),
        ),
      months: [...byMonth.entries()]
        .sort(([a], [b]) => a - b)
        .map(([m, tally]) => ({ month: `${String(Math.floor(m / 100)).padStart(4, '0')}-${String(m % 100).padStart(2, '0')}`, ...timelinessStatsOfTally(tally) })),
      missingYears: [...missing].sort(),
    };
  }

  /**
   * Open requests among `qb`'s (which selects their `key` and `month`), each one's record live
   * as of today, passed to `tally`; and the concluded ones with provisional figures, for the
   * years their deadlines lacked (their numbers are counted in SQL).
   */
  private async tallyLive(
    qb: SelectQueryBuilder<DisclosureRequestEntity>,
    calendar: WorkingDayCalendar,
    today: IsoDate,
    tally: (row: LiveRow, record: TimelinessRecord) => void,
    missing: Set<number>,
  ): Promise<void> {
    const t = timelinessSql('r');
    const live: LiveRow[] = await qb
      .addSelect('r.received_on::text', 'received_on')
      .addSelect(t.concluded, 'concluded')
      .addSelect('r.outcome', 'outcome')
      .addSelect('r.extension', 'extension')
      .addSelect('r.clock_events', 'clock_events')
      .andWhere(`(${t.open} OR r.provisional)`)
      .getRawMany();
    for (const r of live) {
      if (r.concluded) {
        computeDeadline(calendar, r.clock_events, today).missingYears.forEach((y) => missing.add(y));
        continue;
      }
      const { record, missingYears } = timelinessRecordOf(
        { receivedOn: r.received_on, concludedOn: null, outcome: r.outcome, extension: r.extension, clockEvents: r.clock_events },
        calendar,
        today,
      );
      missingYears.forEach((y) => missing.add(y));
      tally(r, record);
    }
  }

  /** The requests received in the period that the actor may see. */
  private requestsIn(from: string, to: string, actor: CurrentUserInfo): SelectQueryBuilder<DisclosureRequestEntity> {
    const qb = this.dataSource.getRepository(DisclosureRequestEntity).createQueryBuilder('r').where('r.receivedOn BETWEEN :from AND :to', { from, to });
    return scopeQuery(qb, 'r.unitId', actor);
  }

  /** A group's label: the unit's name, the handler's name (未分配: none), or the value itself. */
  private async labels(groupBy: TimelinessGroupBy, keys: (string | null)[]): Promise<(key: string | null) => string> {
    const ids = keys.filter((k): k is string => k !== null);
    if (groupBy === 'unit') {
      const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id::text, name FROM units WHERE id = ANY($1::uuid[])`, [ids]);
      const names = new Map(rows.map((r) => [r.id, r.name]));
      return (key) => (key === null ? '' : (names.get(key) ?? ''));
    }
    if (groupBy === 'handler') {
      const rows: { id: string; display_name: string }[] = await this.dataSource.query(`SELECT id::text, display_name FROM users WHERE id = ANY($1::uuid[])`, [ids]);
      const names = new Map(rows.map((r) => [r.id, r.display_name]));
      return (key) => (key === null ? '未分配' : (names.get(key) ?? '未分配'));
    }
    return (key) => key ?? '';
  }
}
