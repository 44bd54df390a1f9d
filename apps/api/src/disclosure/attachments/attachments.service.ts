import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AttachmentDto } from '@govdesk/contracts';
import { AuditService } from '../../audit/audit.service';
import type { CurrentUserInfo } from '../../auth/current-user.decorator';
import { AppError } from '../../common/errors/app.error';
import type { RequestMeta } from '../../common/http/request-meta.decorator';
import { Clock } from '../../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure-request.entity';
import { RequestEventEntity } from '../request-event.entity';
import { ALLOWED_EXTENSIONS, detectFileType, MAX_ATTACHMENT_BYTES } from './file-types';
import { RequestAttachmentEntity } from './request-attachment.entity';
import { inScope } from '../../common/scope/unit-scope';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

function toDto(a: RequestAttachmentEntity): AttachmentDto {
  return {
    id: a.id,
    requestId: a.requestId,
    direction: a.direction,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async scopedRequest(id: string, actor: CurrentUserInfo): Promise<DisclosureRequestEntity> {
    const request = await this.dataSource.getRepository(DisclosureRequestEntity).findOneBy({ id });
    if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
    return request;
  }

  async list(requestId: string, actor: CurrentUserInfo): Promise<AttachmentDto[]> {
    await this.scopedRequest(requestId, actor);
    const rows = await this.dataSource.getRepository(RequestAttachmentEntity).find({ where: { requestId }, order: { uploadedAt: 'ASC' } });
    return rows.map(toDto);
  }

  async upload(requestId: string, direction: 'in' | 'out', file: UploadedFile | undefined, actor: CurrentUserInfo, meta: RequestMeta): Promise<AttachmentDto> {
    if (!file) throw new AppError('VALIDATION_FAILED', 'file: send one file in the multipart field "file"', [{ field: 'file', message: 'required' }], '请选择要上传的文件。');
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
    const contentType = detectFileType(fileName, file.buffer);
    if (!contentType) {
      throw new AppError(
        'ATTACHMENT_TYPE',
        `${fileName}: only ${ALLOWED_EXTENSIONS.join(', ')} files whose content matches their name are accepted.`,
        [{ field: 'file', message: 'type not allowed' }],
        `${fileName}：只接受 ${ALLOWED_EXTENSIONS.join('、')} 格式，且文件内容须与扩展名一致。`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(DisclosureRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
      const saved = await manager.save(
        manager.create(RequestAttachmentEntity, {
          requestId,
          direction,
          fileName,
          contentType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          content: file.buffer,
          uploadedBy: actor.username,
        }),
      );
      const dto = toDto(saved);
      await manager.insert(RequestEventEntity, {
        requestId,
        eventDate: this.clock.today(),
        action: 'attach',
        actorId: actor.id,
        actorName: actor.displayName,
        fromStatus: request.status,
        toStatus: request.status,
        details: { attachmentId: dto.id, fileName, direction, size: file.size },
      });
      await this.audit.record(manager, { actor, action: 'request.attach', entityType: 'disclosure_request', entityId: requestId, ip: meta.ip, after: { ...dto } });
      return dto;
    });
  }

  async download(requestId: string, attachmentId: string, actor: CurrentUserInfo): Promise<{ meta: AttachmentDto; content: Buffer }> {
    await this.scopedRequest(requestId, actor);
    const row = await this.dataSource
      .getRepository(RequestAttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.requestId = :requestId', { attachmentId, requestId })
      .getOne();
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
    return { meta: toDto(row), content: row.content };
  }
}
