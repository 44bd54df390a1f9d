import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AttachmentDto } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { AppError } from '../../common/errors/app.error';
import { Meta, type RequestMeta } from '../../common/http/request-meta.decorator';
import { ZodPipe } from '../../common/http/zod-body.pipe';
import { AttachmentsService, type UploadedFile as File } from './attachments.service';
import { MAX_ATTACHMENT_BYTES } from './file-types';

const requestId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('REQUEST_NOT_FOUND') });
const attachmentId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('ATTACHMENT_NOT_FOUND') });
const uploadBody = z.object({ direction: z.enum(['in', 'out']).default('in') });

/** Scans in and documents out, up to 10 MiB each, of the types in file-types.ts. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests/:id/attachments')
@Roles('handler', 'supervisor', 'admin')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  list(@Param('id', requestId) id: string, @CurrentUser() user: CurrentUserInfo): Promise<AttachmentDto[]> {
    return this.attachments.list(id, user);
  }

  @Post()
  @Roles('handler', 'supervisor')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } }))
  upload(
    @Param('id', requestId) id: string,
    @UploadedFile() file: File | undefined,
    @Body(new ZodPipe(uploadBody)) body: z.infer<typeof uploadBody>,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(id, body.direction, file, user, meta);
  }

  @Get(':attachmentId')
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  async download(@Param('id', requestId) id: string, @Param('attachmentId', attachmentId) aid: string, @CurrentUser() user: CurrentUserInfo): Promise<StreamableFile> {
    const { meta, content } = await this.attachments.download(id, aid, user);
    return new StreamableFile(content, {
      type: meta.contentType,
      length: content.length,
      disposition: `attachment; filename="attachment-${meta.id.slice(0, 8)}"; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
    });
  }
}
