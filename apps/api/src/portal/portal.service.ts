import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { computeDeadline, yearOf } from '@govdesk/domain';
import type { PortalReceiptDto, PortalStatusDto, PortalSubmissionDto, PortalSubmissionRequest, RequestDetailDto } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { Clock } from '../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { DisclosureService, hashQueryCode, newQueryCode } from '../disclosure/disclosure.service';
import { applicantDto } from '../disclosure/request.mapper';
import { UnitEntity } from '../units/unit.entity';
import { PortalSubmissionEntity } from './portal-submission.entity';
import { inScope, scopeQuery } from '../common/scope/unit-scope';

const PUBLIC_ACTOR = { id: null, username: 'public' };

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

@Injectable()
export class PortalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly disclosure: DisclosureService,
    private readonly calendars: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async units(): Promise<{ id: string; name: string }[]> {
    const units = await this.dataSource.getRepository(UnitEntity).find({ where: { active: true }, order: { kind: 'ASC', name: 'ASC' } });
    return units.map((u) => ({ id: u.id, name: u.name }));
  }

  async submit(body: PortalSubmissionRequest, meta: RequestMeta): Promise<PortalReceiptDto> {
    const queryCode = newQueryCode();
    const saved = await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(UnitEntity, { id: body.unitId, active: true }))) {
        throw new AppError('VALIDATION_FAILED', 'unitId: no such active unit', [{ field: 'unitId', message: 'no such active unit' }], '所选单位不存在。');
      }
      const receiptNo = await this.disclosure.nextReceiptNo(manager, yearOf(this.clock.today()));
      const submission = await manager.save(
        manager.create(PortalSubmissionEntity, {
          receiptNo,
          queryCodeHash: hashQueryCode(queryCode),
          unitId: body.unitId,
          applicant: body.applicant,
          title: body.title ?? null,
          description: body.description,
          formMedium: body.form.medium,
          formDelivery: body.form.delivery,
          submitterIp: meta.ip,
        }),
      );
      await this.audit.record(manager, {
        actor: PUBLIC_ACTOR,
        action: 'portal.submit',
        entityType: 'portal_submission',
        entityId: submission.id,
        ip: meta.ip,
        after: { receiptNo, unitId: body.unitId, applicant: applicantDto(body.applicant, false) },
      });
      return submission;
    });
    return { receiptNo: saved.receiptNo, queryCode, submittedAt: saved.submittedAt.toISOString() };
  }

  /** Status by receipt number and query code; a wrong pair and an unknown number answer alike. */
  async status(receiptNo: string, queryCode: string): Promise<PortalStatusDto> {
    const hash = hashQueryCode(queryCode);
    const request = await this.dataSource.getRepository(DisclosureRequestEntity).findOne({ where: { receiptNo }, relations: { unit: true } });
    if (request && sameHash(request.queryCodeHash, hash)) {
      const deadline = computeDeadline(await this.calendars.calendar(), request.clockEvents, this.clock.today());
      const submission = await this.dataSource.getRepository(PortalSubmissionEntity).findOneBy({ receiptNo });
      return {
        receiptNo,
        unitName: request.unit?.name ?? '',
        status: request.status,
        submittedAt: (submission?.submittedAt ?? request.receivedAt).toISOString(),
        receivedOn: request.receivedOn,
        dueDate: deadline.dueDate,
        provisional: deadline.provisional,
      };
    }
    const submission = await this.dataSource.getRepository(PortalSubmissionEntity).findOne({ where: { receiptNo }, relations: { unit: true } });
    if (!submission || !sameHash(submission.queryCodeHash, hash)) throw new AppError('PORTAL_NOT_FOUND');
    return {
      receiptNo,
      unitName: submission.unit?.name ?? '',
      status: submission.status === 'rejected' ? 'rejected' : 'submitted',
      submittedAt: submission.submittedAt.toISOString(),
      receivedOn: null,
      dueDate: null,
      provisional: false,
    };
  }

  // ---- staff ------------------------------------------------------------------------------

  async list(actor: CurrentUserInfo, status: PortalSubmissionEntity['status'] | undefined): Promise<PortalSubmissionDto[]> {
    const qb = this.dataSource
      .getRepository(PortalSubmissionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.unit', 'unit')
      .orderBy('s.submittedAt', 'ASC')
      .take(500);
    scopeQuery(qb, 's.unitId', actor);
    if (status) qb.andWhere('s.status = :status', { status });
    return (await qb.getMany()).map(toDto);
  }

  /** Staff confirm receipt: the request is registered with today as its date of receipt (Art. 31). */
  async confirm(id: string, actor: CurrentUserInfo, meta: RequestMeta): Promise<RequestDetailDto> {
    const requestId = await this.dataSource.transaction(async (manager) => {
      const submission = await manager.findOne(PortalSubmissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inScope(submission, actor)) throw new AppError('PORTAL_SUBMISSION_NOT_FOUND');
      if (submission.status !== 'pending') throw new AppError('PORTAL_SUBMISSION_DECIDED');
      const newId = await this.disclosure.registerIn(
        manager,
        {
          channel: 'online',
          receivedAt: this.clock.now().toISOString(),
          unitId: submission.unitId,
          applicant: submission.applicant,
          title: submission.title ?? undefined,
          description: submission.description,
          form: { medium: submission.formMedium, delivery: submission.formDelivery },
        },
        actor,
        meta,
        { receiptNo: submission.receiptNo, queryCodeHash: submission.queryCodeHash, details: { submittedAt: submission.submittedAt.toISOString(), portalSubmissionId: submission.id } },
      );
      await manager.update(PortalSubmissionEntity, { id }, { status: 'confirmed', requestId: newId, decidedBy: actor.username, decidedAt: new Date() });
      await this.audit.record(manager, { actor, action: 'portal.confirm', entityType: 'portal_submission', entityId: id, ip: meta.ip, before: { status: 'pending' }, after: { status: 'confirmed', requestId: newId } });
      return newId;
    });
    return this.disclosure.get(requestId, actor);
  }

  async reject(id: string, reason: string, actor: CurrentUserInfo, meta: RequestMeta): Promise<PortalSubmissionDto> {
    return this.dataSource.transaction(async (manager) => {
      const submission = await manager.findOne(PortalSubmissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' }, relations: { unit: true } });
      if (!inScope(submission, actor)) throw new AppError('PORTAL_SUBMISSION_NOT_FOUND');
      if (submission.status !== 'pending') throw new AppError('PORTAL_SUBMISSION_DECIDED');
      Object.assign(submission, { status: 'rejected', decidedBy: actor.username, decidedAt: new Date(), rejectReason: reason });
      await manager.save(submission);
      await this.audit.record(manager, { actor, action: 'portal.reject', entityType: 'portal_submission', entityId: id, ip: meta.ip, before: { status: 'pending' }, after: { status: 'rejected', reason } });
      return toDto(submission);
    });
  }
}

function toDto(s: PortalSubmissionEntity): PortalSubmissionDto {
  return {
    id: s.id,
    receiptNo: s.receiptNo,
    unitId: s.unitId,
    unitName: s.unit?.name ?? '',
    status: s.status,
    applicant: applicantDto(s.applicant, false),
    description: s.description,
    submittedAt: s.submittedAt.toISOString(),
    requestId: s.requestId,
    decidedBy: s.decidedBy,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    rejectReason: s.rejectReason,
  };
}
