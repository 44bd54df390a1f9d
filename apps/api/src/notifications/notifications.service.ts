import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { STATUS_LABELS } from '@govdesk/domain';
import type { NotificationDto, UrgeDto, UrgeRequest } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { Clock } from '../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { RequestEventEntity } from '../disclosure/request-event.entity';
import { RealtimeService } from '../realtime/realtime.service';
import { UserEntity } from '../users/user.entity';
import { NotificationEntity } from './notification.entity';
import { RequestUrgeEntity } from './request-urge.entity';
import { inScope } from '../common/scope/unit-scope';

export function notificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    requestId: n.requestId,
    receiptNo: n.receiptNo,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  /** Stores notifications in the caller's transaction; publish the result after commit. */
  async createIn(manager: EntityManager, rows: Omit<NotificationEntity, 'id' | 'createdAt' | 'readAt'>[]): Promise<NotificationEntity[]> {
    if (!rows.length) return [];
    return manager.save(rows.map((r) => manager.create(NotificationEntity, r)));
  }

  publish(saved: NotificationEntity[]): void {
    for (const n of saved) this.realtime.toUser(n.userId, 'notification.created', notificationDto(n));
  }

  async list(actor: CurrentUserInfo, unreadOnly: boolean): Promise<NotificationDto[]> {
    const rows = await this.dataSource.getRepository(NotificationEntity).find({
      where: { userId: actor.id, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(notificationDto);
  }

  async markRead(id: string, actor: CurrentUserInfo): Promise<NotificationDto> {
    const n = await this.dataSource.getRepository(NotificationEntity).findOneBy({ id, userId: actor.id });
    if (!n) throw new AppError('NOTIFICATION_NOT_FOUND');
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await this.dataSource.getRepository(NotificationEntity).update({ id, readAt: IsNull() }, { readAt: n.readAt });
      this.realtime.toUser(actor.id, 'notification.read', { id, readAt: n.readAt.toISOString() });
    }
    return notificationDto(n);
  }

  // ---- urging (督办) ----------------------------------------------------------------------

  async urge(requestId: string, body: UrgeRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<UrgeDto> {
    const { urge, notifications } = await this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(DisclosureRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_read' } });
      if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
      const unitHandlers = (await manager.findBy(UserEntity, { unitId: request.unitId, disabled: false })).filter((u) => u.roles.includes('handler'));
      const recipients = body.target === 'handler' && request.handlerId ? unitHandlers.filter((u) => u.id === request.handlerId) : unitHandlers;
      if (!recipients.length) throw new AppError('URGE_NO_RECIPIENT');
      const urge = await manager.save(manager.create(RequestUrgeEntity, { requestId, message: body.message, target: body.target, urgedBy: actor.displayName }));
      const notifications = await this.createIn(
        manager,
        recipients.map((u) => ({
          userId: u.id,
          kind: 'urge' as const,
          title: `督办：${request.receiptNo}`,
          body: `${actor.displayName}：${body.message}（当前状态：${STATUS_LABELS[request.status]}，答复期限 ${request.dueDate}）`,
          requestId,
          receiptNo: request.receiptNo,
          urgeId: urge.id,
        })),
      );
      await manager.insert(RequestEventEntity, {
        requestId,
        eventDate: this.clock.today(),
        action: 'urge',
        actorId: actor.id,
        actorName: actor.displayName,
        fromStatus: request.status,
        toStatus: request.status,
        details: { urgeId: urge.id, message: body.message, recipients: recipients.map((u) => u.username) },
      });
      await this.audit.record(manager, {
        actor,
        action: 'request.urge',
        entityType: 'disclosure_request',
        entityId: requestId,
        ip: meta.ip,
        after: { urgeId: urge.id, message: body.message, recipients: recipients.map((u) => u.username) },
      });
      return { urge, notifications };
    });
    this.publish(notifications);
    return (await this.urges(requestId, actor)).find((u) => u.id === urge.id)!;
  }

  async urges(requestId: string, actor: CurrentUserInfo): Promise<UrgeDto[]> {
    const request = await this.dataSource.getRepository(DisclosureRequestEntity).findOneBy({ id: requestId });
    if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
    const urges = await this.dataSource.getRepository(RequestUrgeEntity).find({ where: { requestId }, order: { createdAt: 'DESC' } });
    const receipts: { urge_id: string; user_id: string; display_name: string; read_at: Date | null }[] = urges.length
      ? await this.dataSource.query(
          `SELECT n.urge_id, n.user_id, u.display_name, n.read_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.urge_id = ANY($1) ORDER BY u.display_name`,
          [urges.map((u) => u.id)],
        )
      : [];
    return urges.map((u) => ({
      id: u.id,
      requestId,
      message: u.message,
      target: u.target,
      urgedBy: u.urgedBy,
      urgedAt: u.createdAt.toISOString(),
      recipients: receipts.filter((r) => r.urge_id === u.id).map((r) => ({ userId: r.user_id, displayName: r.display_name, readAt: r.read_at ? new Date(r.read_at).toISOString() : null })),
    }));
  }
}
