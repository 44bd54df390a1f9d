import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { computeDeadline, REPLY_TYPES, timelinessStats, type TimelinessRecord } from '@govdesk/domain';
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
    const replyTypes: readonly string[] = REPLY_TYPES;

    const rows = requests.map((r) => {
      const d = computeDeadline(calendar, r.clockEvents, today);
      d.missingYears.forEach((y) => missing.add(y));
      const replied = r.concludedOn !== null && r.outcome !== null && replyTypes.includes(r.outcome);
      const record: TimelinessRecord = {
        replied,
        concluded: r.concludedOn !== null,
        onTime: replied ? d.concludedOnTime : null,
        workingDaysToReply: replied && r.concludedOn ? calendar.countWorkingDays(r.receivedOn, r.concludedOn).days : null,
        state: d.state,
        workingDaysOverdue: d.state === 'overdue' ? -d.workingDaysLeft : 0,
        extension: r.extension === 'approved',
        correction: r.clockEvents.some((e) => e.type === 'correction_requested'),
        consultation: r.clockEvents.some((e) => e.type === 'consultation_started'),
        provisional: d.provisional,
      };
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
      byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), row.record]);
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
