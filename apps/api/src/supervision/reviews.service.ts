import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReviewDto, ReviewRequest } from '@govdesk/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { AppError } from '../common/errors/app.error';
import type { RequestMeta } from '../common/http/request-meta.decorator';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { RequestReviewEntity } from './request-review.entity';
import { inScope } from '../common/scope/unit-scope';

function toDto(v: RequestReviewEntity): ReviewDto {
  return { id: v.id, requestId: v.requestId, kind: v.kind, filedOn: v.filedOn, decidedOn: v.decidedOn, outcome: v.outcome, note: v.note, createdBy: v.createdBy, createdAt: v.createdAt.toISOString() };
}

/** Reconsideration and litigation records of a request (part four of the annual report). */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async checkRequest(requestId: string, actor: CurrentUserInfo): Promise<DisclosureRequestEntity> {
    const request = await this.dataSource.getRepository(DisclosureRequestEntity).findOneBy({ id: requestId });
    if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
    return request;
  }

  async list(requestId: string, actor: CurrentUserInfo): Promise<ReviewDto[]> {
    await this.checkRequest(requestId, actor);
    return (await this.dataSource.getRepository(RequestReviewEntity).find({ where: { requestId }, order: { filedOn: 'ASC' } })).map(toDto);
  }

  async create(requestId: string, body: ReviewRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<ReviewDto> {
    const request = await this.checkRequest(requestId, actor);
    if (body.filedOn < request.receivedOn) {
      throw new AppError('REQUEST_EVENT_DATE', 'filedOn is before the request was received.', [{ field: 'filedOn', message: 'before the date of receipt' }], '复议或诉讼日期早于收到申请日期。');
    }
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(RequestReviewEntity, { requestId, ...body, note: body.note ?? null, createdBy: actor.username }));
      const dto = toDto(saved);
      await this.audit.record(manager, { actor, action: 'request.review_create', entityType: 'disclosure_request', entityId: requestId, ip: meta.ip, after: { ...dto } });
      return dto;
    });
  }

  async update(requestId: string, reviewId: string, body: ReviewRequest, actor: CurrentUserInfo, meta: RequestMeta): Promise<ReviewDto> {
    await this.checkRequest(requestId, actor);
    return this.dataSource.transaction(async (manager) => {
      const review = await manager.findOne(RequestReviewEntity, { where: { id: reviewId, requestId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw new AppError('REQUEST_NOT_FOUND', 'Review record not found.', undefined, '复议或诉讼记录不存在。');
      const before = toDto(review);
      Object.assign(review, { ...body, note: body.note ?? review.note });
      const after = toDto(await manager.save(review));
      await this.audit.record(manager, { actor, action: 'request.review_update', entityType: 'disclosure_request', entityId: requestId, ip: meta.ip, before: { ...before }, after: { ...after } });
      return after;
    });
  }
}
