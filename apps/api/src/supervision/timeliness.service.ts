import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { timelinessRecordOf, timelinessStats, type TimelinessRecord } from '@govdesk/domain';
import type { TimelinessGroupBy, TimelinessReportDto } from '@govdesk/contracts';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { scopeQuery } from '../common/scope/unit-scope';

/** Reply timeliness for supervisors: who answers on time, who is late, month by month. */
@Injectable()
export class TimelinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async report(from: string, to: string, groupBy: TimelinessGroupBy, actor: CurrentUserInfo): Promise<TimelinessReportDto> {
    const qb = this.dataSource
      .getRepository(DisclosureRequestEntity)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.unit', 'unit')
      .leftJoinAndSelect('r.handler', 'handler')
      .where('r.receivedOn BETWEEN :from AND :to', { from, to });
    scopeQuery(qb, 'r.unitId', actor);
    const requests = await qb.getMany();
    const calendar = await this.calendars.calendar();
    const today = this.clock.today();
    const missing = new Set<number>();

    const rows = requests.map((r) => {
      // The same record GET /api/requests filters by: a cell's count is its drill-down's length.
      const { record, missingYears } = timelinessRecordOf(r, calendar, today);
      missingYears.forEach((y) => missing.add(y));
      const key =
        groupBy === 'unit'
          ? [r.unitId, r.unit?.name ?? '']
          : groupBy === 'handler'
            ? [r.handlerId, r.handler?.displayName ?? '未分配']
            : groupBy === 'channel'
              ? [r.channel, r.channel]
              : [r.applicantType, r.applicantType];
      return { record, key: key[0] ?? null, label: key[1] ?? '', month: r.receivedOn.slice(0, 7) };
    });

    const byKey = new Map<string | null, { label: string; records: TimelinessRecord[] }>();
    const byMonth = new Map<string, TimelinessRecord[]>();
    for (const row of rows) {
      const g = byKey.get(row.key) ?? { label: row.label, records: [] };
      g.records.push(row.record);
      byKey.set(row.key, g);
      const month = byMonth.get(row.month) ?? [];
      month.push(row.record);
      byMonth.set(row.month, month);
    }
    return {
      from,
      to,
      groupBy,
      totals: timelinessStats(rows.map((r) => r.record)),
      groups: [...byKey.entries()]
        .map(([key, g]) => ({ key, label: g.label, ...timelinessStats(g.records) }))
        .sort((a, b) => (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || b.open.overdue - a.open.overdue),
      months: [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, records]) => ({ month, ...timelinessStats(records) })),
      missingYears: [...missing].sort(),
    };
  }
}
