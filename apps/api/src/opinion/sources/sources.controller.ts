import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { importMappingSchema, sourceSchema, type ImportPreviewDto, type ImportResultDto, type SourceDto, type SourceRequest, type SourceWithKeyDto } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { AppError } from '../../common/errors/app.error';
import { Meta, type RequestMeta } from '../../common/http/request-meta.decorator';
import { ZodPipe } from '../../common/http/zod-body.pipe';
import { ImportService, type UploadedSheet } from '../import/import.service';
import { FeedPollerService, type PollResult } from '../rss/feed-poller.service';
import { SourcesService } from './sources.service';

const sourceId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('SOURCE_NOT_FOUND') });
const actorOf = (u: CurrentUserInfo) => ({ id: u.id, username: u.username });
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Sources of mentions and their API keys (admins). */
@ApiTags('opinion')
@ApiBearerAuth()
@Controller('opinion/sources')
@Roles('admin')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly poller: FeedPollerService,
  ) {}

  @Get()
  list(): Promise<SourceDto[]> {
    return this.sources.list();
  }

  /** Answers the API key once; only its hash is kept. */
  @Post()
  create(@Body(new ZodPipe(sourceSchema)) body: SourceRequest, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<SourceWithKeyDto> {
    return this.sources.create(body, actorOf(user), meta.ip);
  }

  @Put(':id')
  update(@Param('id', sourceId) id: string, @Body(new ZodPipe(sourceSchema)) body: SourceRequest, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<SourceDto> {
    return this.sources.update(id, body, actorOf(user), meta.ip);
  }

  @Post(':id/key')
  rotate(@Param('id', sourceId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<SourceWithKeyDto> {
    return this.sources.rotateKey(id, actorOf(user), meta.ip);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', sourceId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<void> {
    return this.sources.remove(id, actorOf(user), meta.ip);
  }

  @Post(':id/poll')
  @HttpCode(200)
  poll(@Param('id', sourceId) id: string): Promise<PollResult> {
    return this.poller.poll(id);
  }
}

/** Spreadsheet exports of the hotline and message boards (monitors, admins). */
@ApiTags('opinion')
@ApiBearerAuth()
@Controller('opinion/imports')
@Roles('monitor', 'admin')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }))
  preview(@UploadedFile() file: UploadedSheet | undefined): Promise<ImportPreviewDto> {
    return this.imports.preview(file);
  }

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }))
  import(
    @UploadedFile() file: UploadedSheet | undefined,
    @Body() body: { channel?: string; mapping?: string },
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<ImportResultDto> {
    let mapping: unknown;
    try {
      mapping = typeof body.mapping === 'string' ? JSON.parse(body.mapping) : body.mapping;
    } catch {
      throw new AppError('VALIDATION_FAILED', 'mapping: not valid JSON', [{ field: 'mapping', message: 'not valid JSON' }], '列映射格式错误。');
    }
    const parsed = new ZodPipe(importMappingSchema).transform({ channel: body.channel, mapping });
    return this.imports.import(file, parsed, actorOf(user), meta.ip);
  }
}
