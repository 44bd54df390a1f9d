import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';
import {
  portalStatusQuerySchema,
  portalSubmissionSchema,
  rejectSubmissionSchema,
  type PortalReceiptDto,
  type PortalStatusDto,
  type PortalSubmissionDto,
  type PortalSubmissionRequest,
  type RequestDetailDto,
} from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { Public, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { PortalService } from './portal.service';

/**
 * The public portal: no login, rate-limited per address (PORTAL_RATE_LIMIT per minute, counted
 * in PostgreSQL for all API processes together). It never shows anyone's personal data.
 */
@ApiTags('public portal')
@Controller('public')
@Public()
@UseGuards(ThrottlerGuard)
export class PublicPortalController {
  constructor(private readonly portal: PortalService) {}

  @Get('units')
  units(): Promise<{ id: string; name: string }[]> {
    return this.portal.units();
  }

  @Post('requests')
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @ApiBody({ schema: z.toJSONSchema(portalSubmissionSchema, { unrepresentable: 'any', io: 'input' }) as object })
  submit(@Body(new ZodPipe(portalSubmissionSchema)) body: PortalSubmissionRequest, @Meta() meta: RequestMeta): Promise<PortalReceiptDto> {
    return this.portal.submit(body, meta);
  }

  @Get('requests/status')
  status(@Query(new ZodPipe(portalStatusQuerySchema)) q: z.infer<typeof portalStatusQuerySchema>): Promise<PortalStatusDto> {
    return this.portal.status(q.receiptNo, q.queryCode);
  }
}

const submissionId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('PORTAL_SUBMISSION_NOT_FOUND') });
const listQuery = z.object({ status: z.enum(['pending', 'confirmed', 'rejected']).optional() });

/** Staff confirm online submissions: the day of confirmation is the date of receipt (Art. 31). */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('portal-submissions')
@Roles('handler', 'supervisor')
export class PortalSubmissionsController {
  constructor(private readonly portal: PortalService) {}

  @Get()
  list(@Query(new ZodPipe(listQuery)) q: z.infer<typeof listQuery>, @CurrentUser() user: CurrentUserInfo): Promise<PortalSubmissionDto[]> {
    return this.portal.list(user, q.status);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@Param('id', submissionId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<RequestDetailDto> {
    return this.portal.confirm(id, user, meta);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @Param('id', submissionId) id: string,
    @Body(new ZodPipe(rejectSubmissionSchema)) body: z.infer<typeof rejectSubmissionSchema>,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<PortalSubmissionDto> {
    return this.portal.reject(id, body.reason, user, meta);
  }
}
