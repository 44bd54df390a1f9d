import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  alertAssignSchema,
  alertRespondSchema,
  escalationPolicySchema,
  silenceSchema,
  type AlertDto,
  type EscalationPolicyDto,
  type EscalationPolicyRequest,
  type ResponseStatsRow,
  type SilenceDto,
  type SilenceRequest,
} from '@govdesk/contracts';
import type { HotspotLevel } from '@govdesk/domain';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { AlertsService } from './alerts.service';

const alertId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('ALERT_NOT_FOUND') });
const silenceId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('SILENCE_NOT_FOUND') });
const listSchema = z.object({ status: z.enum(['active', 'open', 'acknowledged', 'assigned', 'resolved']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
const statsSchema = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) });
const actorOf = (u: CurrentUserInfo) => ({ id: u.id, username: u.username });

function levelOf(raw: string): HotspotLevel {
  const level = Number(raw);
  if (![1, 2, 3, 4].includes(level)) throw new AppError('ESCALATION_LEVEL_INVALID');
  return level as HotspotLevel;
}

/** Alerts about hotspots: monitors acknowledge, assign and record responses; supervisors too. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
@Roles('monitor', 'supervisor', 'admin')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(@Query(new ZodPipe(listSchema)) query: z.infer<typeof listSchema>): Promise<AlertDto[]> {
    return this.alerts.list(query);
  }

  /** Response times per responsible unit and month. */
  @Get('stats')
  @Roles('supervisor', 'admin')
  stats(@Query(new ZodPipe(statsSchema)) query: z.infer<typeof statsSchema>): Promise<ResponseStatsRow[]> {
    return this.alerts.stats(query.months);
  }

  @Get(':id')
  get(@Param('id', alertId) id: string): Promise<AlertDto> {
    return this.alerts.get(id);
  }

  @Post(':id/ack')
  @HttpCode(200)
  ack(@Param('id', alertId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<AlertDto> {
    return this.alerts.acknowledge(id, actorOf(user), meta.ip);
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@Param('id', alertId) id: string, @Body(new ZodPipe(alertAssignSchema)) body: z.infer<typeof alertAssignSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<AlertDto> {
    return this.alerts.assign(id, body.unitId, actorOf(user), meta.ip);
  }

  /** Records the official public response (回应): its text or link. */
  @Post(':id/respond')
  @HttpCode(200)
  respond(@Param('id', alertId) id: string, @Body(new ZodPipe(alertRespondSchema)) body: z.infer<typeof alertRespondSchema>, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<AlertDto> {
    return this.alerts.respond(id, body, actorOf(user), meta.ip);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Param('id', alertId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<AlertDto> {
    return this.alerts.resolve(id, actorOf(user), meta.ip);
  }
}

/** Escalation policies, one per level (1 = 特别重大): admins edit, monitors and supervisors read. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('escalation-policies')
@Roles('admin', 'supervisor', 'monitor')
export class EscalationPoliciesController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(): Promise<EscalationPolicyDto[]> {
    return this.alerts.policies();
  }

  @Put(':level')
  @Roles('admin')
  put(@Param('level') level: string, @Body(new ZodPipe(escalationPolicySchema)) body: EscalationPolicyRequest, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<EscalationPolicyDto> {
    return this.alerts.putPolicy(levelOf(level), body, actorOf(user), meta.ip);
  }
}

/** Silences with an expiry: matching alerts are recorded but not pushed or escalated. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('silences')
@Roles('monitor', 'supervisor', 'admin')
export class SilencesController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  list(): Promise<SilenceDto[]> {
    return this.alerts.silences();
  }

  @Post()
  @Roles('monitor', 'admin')
  create(@Body(new ZodPipe(silenceSchema)) body: SilenceRequest, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<SilenceDto> {
    return this.alerts.addSilence(body, actorOf(user), meta.ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('monitor', 'admin')
  end(@Param('id', silenceId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<void> {
    return this.alerts.endSilence(id, actorOf(user), meta.ip);
  }
}
