import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { urgeSchema, type NotificationDto, type UrgeDto, type UrgeRequest } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { NotificationsService } from './notifications.service';

const notificationId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('NOTIFICATION_NOT_FOUND') });
const requestId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('REQUEST_NOT_FOUND') });
const listQuery = z.object({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
@AnyRole()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's own notifications, newest first. */
  @Get()
  list(@Query(new ZodPipe(listQuery)) q: z.infer<typeof listQuery>, @CurrentUser() user: CurrentUserInfo): Promise<NotificationDto[]> {
    return this.notifications.list(user, q.unread ?? false);
  }

  /** The read receipt: the sender sees when it was read. */
  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', notificationId) id: string, @CurrentUser() user: CurrentUserInfo): Promise<NotificationDto> {
    return this.notifications.markRead(id, user);
  }
}

/** Urging (督办): a supervisor presses a unit or handler about a request; it arrives live. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('requests/:id/urges')
@Roles('supervisor', 'admin', 'handler')
export class UrgesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@Param('id', requestId) id: string, @CurrentUser() user: CurrentUserInfo): Promise<UrgeDto[]> {
    return this.notifications.urges(id, user);
  }

  @Post()
  @Roles('supervisor')
  urge(@Param('id', requestId) id: string, @Body(new ZodPipe(urgeSchema)) body: UrgeRequest, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<UrgeDto> {
    return this.notifications.urge(id, body, user, meta);
  }
}
