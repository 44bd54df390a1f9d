import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import {
  hotspotAssignSchema,
  hotspotLevelSchema,
  hotspotListQuerySchema,
  hotspotMergeSchema,
  hotspotSplitSchema,
  hotspotUnmergeSchema,
  hotspotStatusSchema,
  type HotspotDetailDto,
  type HotspotListQuery,
  type HotspotSummaryDto,
  type MentionDto,
} from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { HotspotsService } from './hotspots.service';

const hotspotId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('HOTSPOT_NOT_FOUND') });
const requestId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('REQUEST_NOT_FOUND') });
const pageSchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) });
const actorOf = (u: CurrentUserInfo) => ({ id: u.id, username: u.username });

/** Hotspots: monitors, supervisors and admins read; monitors and admins correct and assign. */
@ApiTags('hotspots')
@ApiBearerAuth()
@Controller('hotspots')
@Roles('monitor', 'supervisor', 'admin')
export class HotspotsController {
  constructor(private readonly hotspots: HotspotsService) {}

  /** An array of hotspots; `X-Total-Count` has how many match the filter. */
  @Get()
  async list(@Query(new ZodPipe(hotspotListQuerySchema)) query: HotspotListQuery, @Res({ passthrough: true }) res: Response): Promise<HotspotSummaryDto[]> {
    const { items, total } = await this.hotspots.list(query);
    res.setHeader('X-Total-Count', String(total));
    return items;
  }

  @Get(':id')
  detail(@Param('id', hotspotId) id: string): Promise<HotspotDetailDto> {
    return this.hotspots.detail(id);
  }

  @Get(':id/mentions')
  mentions(@Param('id', hotspotId) id: string, @Query(new ZodPipe(pageSchema)) page: z.infer<typeof pageSchema>): Promise<MentionDto[]> {
    return this.hotspots.mentions(id, page.limit, page.offset);
  }

  @Post(':id/merge')
  @Roles('monitor', 'admin')
  merge(@Param('id', hotspotId) id: string, @Body(new ZodPipe(hotspotMergeSchema)) body: z.infer<typeof hotspotMergeSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.merge(id, body.hotspotIds, actorOf(user), meta.ip);
  }

  @Post(':id/unmerge')
  @Roles('monitor', 'admin')
  unmerge(@Param('id', hotspotId) id: string, @Body(new ZodPipe(hotspotUnmergeSchema)) body: z.infer<typeof hotspotUnmergeSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.unmerge(id, body.hotspotId, actorOf(user), meta.ip);
  }

  @Post(':id/split')
  @Roles('monitor', 'admin')
  split(@Param('id', hotspotId) id: string, @Body(new ZodPipe(hotspotSplitSchema)) body: z.infer<typeof hotspotSplitSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.split(id, body.mentionIds, actorOf(user), meta.ip);
  }

  @Put(':id/level')
  @Roles('monitor', 'admin')
  level(@Param('id', hotspotId) id: string, @Body(new ZodPipe(hotspotLevelSchema)) body: z.infer<typeof hotspotLevelSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.setLevel(id, body.level, body.reason, actorOf(user), meta.ip);
  }

  @Put(':id/unit')
  @Roles('monitor', 'admin')
  unit(@Param('id', hotspotId) id: string, @Body(new ZodPipe(hotspotAssignSchema)) body: z.infer<typeof hotspotAssignSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.setUnit(id, body.unitId, actorOf(user), meta.ip);
  }

  @Put(':id/status')
  @Roles('monitor', 'admin')
  status(@Param('id', hotspotId) id: string, @Body(new ZodPipe(hotspotStatusSchema)) body: z.infer<typeof hotspotStatusSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.setStatus(id, body.status, actorOf(user), meta.ip);
  }

  @Post(':id/requests')
  @Roles('monitor', 'admin')
  link(@Param('id', hotspotId) id: string, @Body(new ZodPipe(z.object({ requestId: z.uuid() }))) body: { requestId: string }, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.link(id, body.requestId, actorOf(user), meta.ip);
  }

  @Delete(':id/requests/:requestId')
  @Roles('monitor', 'admin')
  unlink(@Param('id', hotspotId) id: string, @Param('requestId', requestId) rid: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<HotspotDetailDto> {
    return this.hotspots.unlink(id, rid, actorOf(user), meta.ip);
  }
}
