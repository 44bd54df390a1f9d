import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { computeDeadline, PERIODS } from '@govdesk/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { JobsService } from '../jobs/jobs.service';
import type { NotificationEntity } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';

const QUEUE = 'deadline-sweep';
/** Requests whose clock runs (paused or concluded ones cannot become due). */
const RUNNING = ['registered', 'reviewing', 'handling', 'reply_drafted'];

export interface SweepResult {
  checked: number;
  dueSoon: number;
  overdue: number;
  notifications: number;
}

/**
 * The due-soon / overdue sweep: a durable pg-boss job every five minutes (and on demand).
 * Each threshold crossing of each due date notifies the handler (or the unit's handlers when
 * none is assigned), the unit's lead and the supervisors exactly once: the crossing's row in
 * deadline_alerts (unique per request, threshold and due date) and every recipient's
 * notification are written in one transaction, so all are told once or none is. A user who is
 * several of these is told once.
 */
@Injectable()
export class DeadlineSweepService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineSweepService.name);

  constructor(
    private readonly jobs: JobsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs.runsWorkers) return;
    await this.jobs.work(QUEUE, async () => {
      const result = await this.sweep();
      if (result.notifications) this.logger.log(`Deadline sweep: ${JSON.stringify(result)}`);
    });
    await this.jobs.schedule(QUEUE, '*/5 * * * *', { tz: 'Asia/Shanghai' });
  }

  async sweep(): Promise<SweepResult> {
    const calendar = await this.calendars.calendar();
    const today = this.clock.today();
    const horizon = calendar.addWorkingDays(today, PERIODS.dueSoon).date;
    const candidates = await this.dataSource
      .getRepository(DisclosureRequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...running) AND NOT r.feePending AND r.dueDate <= :horizon', { running: RUNNING, horizon })
      .getMany();
    const supervisors = (await this.dataSource.getRepository(UserEntity).findBy({ disabled: false })).filter((u) => u.roles.includes('supervisor'));
    const result: SweepResult = { checked: candidates.length, dueSoon: 0, overdue: 0, notifications: 0 };

    for (const request of candidates) {
      const deadline = computeDeadline(calendar, request.clockEvents, today);
      if (deadline.state !== 'due_soon' && deadline.state !== 'overdue') continue;
      const threshold = deadline.state;
      const saved: NotificationEntity[] = await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO deadline_alerts (request_id, threshold, due_date) VALUES ($1, $2, $3)
           ON CONFLICT (request_id, threshold, due_date) DO NOTHING RETURNING id`,
          [request.id, threshold, deadline.dueDate],
        );
        if (inserted.length === 0) return [];
        const handlers = (await manager.findBy(UserEntity, { unitId: request.unitId, disabled: false })).filter((u) => u.roles.includes('handler'));
        const primary = request.handlerId ? handlers.filter((u) => u.id === request.handlerId) : handlers;
        const lead = await manager
          .createQueryBuilder(UserEntity, 'u')
          .innerJoin(UnitEntity, 'unit', 'unit.leadUserId = u.id')
          .where('unit.id = :unitId AND u.unitId = :unitId AND NOT u.disabled', { unitId: request.unitId })
          .getOne();
        const recipients = new Map([...primary, ...(lead ? [lead] : []), ...supervisors].map((u) => [u.id, u]));
        const days = Math.abs(deadline.workingDaysLeft);
        return this.notifications.createIn(
          manager,
          [...recipients.values()].map((u) => ({
            userId: u.id,
            kind: threshold,
            title: threshold === 'overdue' ? `已逾期：${request.receiptNo}` : `即将到期：${request.receiptNo}`,
            body:
              threshold === 'overdue'
                ? `答复期限 ${deadline.dueDate} 已过，逾期 ${days} 个工作日。`
                : `答复期限 ${deadline.dueDate}，还剩 ${days} 个工作日。`,
            requestId: request.id,
            receiptNo: request.receiptNo,
            urgeId: null,
          })),
        );
      });
      if (saved.length) {
        result[threshold === 'overdue' ? 'overdue' : 'dueSoon']++;
        result.notifications += saved.length;
        this.notifications.publish(saved);
      }
    }
    return result;
  }
}
