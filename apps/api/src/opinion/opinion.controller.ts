import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ingestRequestSchema, OPINION_SETTING_KINDS, type IngestResultDto, type OpinionSettingKind } from '@govdesk/contracts';
import type { TextAnalysis } from '@govdesk/text-analysis';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedRequest } from '../auth/current-user.decorator';
import { AnyRole, ApiKeyAllowed, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { AnalysisService } from './analysis/analysis.service';
import { IngestService } from './ingest.service';
import { OpinionSettingsService, settingSchema, type OpinionSettings } from './settings/opinion-settings.service';

/** Texts longer than this are refused; the analyser itself reads at most its first 10,000 characters. */
const MAX_TEXT = 200_000;
const analyzeSchema = z.object({ text: z.string().min(1, 'text is required').max(MAX_TEXT, `text: at most ${MAX_TEXT} characters`) });

function settingKind(kind: string): OpinionSettingKind {
  if (!(OPINION_SETTING_KINDS as readonly string[]).includes(kind)) throw new AppError('ROUTE_NOT_FOUND');
  return kind as OpinionSettingKind;
}

/** The public-opinion pipeline's entry: analysis, ingest of mentions, and the settings admins edit. */
@ApiTags('opinion')
@ApiBearerAuth()
@Controller('opinion')
export class OpinionController {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly ingestService: IngestService,
    private readonly settings: OpinionSettingsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('analyze')
  @HttpCode(200)
  @AnyRole()
  analyze(@Body(new ZodPipe(analyzeSchema)) body: z.infer<typeof analyzeSchema>): Promise<TextAnalysis> {
    return this.analysis.analyze(body.text);
  }

  /**
   * Up to 1,000 mentions per call, by a monitor or admin or by a source's `X-Api-Key`. Each
   * item is accepted, a duplicate, or rejected alone with its reason, in input order.
   */
  @Post('mentions')
  @HttpCode(200)
  @Roles('monitor', 'admin')
  @ApiKeyAllowed()
  @ApiHeader({ name: 'X-Api-Key', required: false, description: 'a source API key, instead of a bearer token' })
  ingest(@Body(new ZodPipe(ingestRequestSchema)) body: z.infer<typeof ingestRequestSchema>, @Req() req: AuthenticatedRequest): Promise<IngestResultDto> {
    const actor = req.source ? { id: null, username: `source:${req.source.name}` } : { id: req.user!.id, username: req.user!.username };
    return this.ingestService.ingest(body.mentions, { actor, sourceId: req.source?.id ?? null, ip: req.ip ?? null });
  }

  @Get('settings/:kind')
  @Roles('monitor', 'admin')
  getSetting(@Param('kind') kind: string): Promise<OpinionSettings[OpinionSettingKind]> {
    return this.settings.get(settingKind(kind));
  }

  @Put('settings/:kind')
  @Roles('admin')
  async putSetting(@Param('kind') rawKind: string, @Body() body: unknown, @Req() req: AuthenticatedRequest): Promise<OpinionSettings[OpinionSettingKind]> {
    const kind = settingKind(rawKind);
    const value = new ZodPipe(settingSchema(kind)).transform(body);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings.get(kind, manager);
      await this.settings.put(manager, kind, value);
      await this.audit.record(manager, {
        actor: { id: req.user!.id, username: req.user!.username },
        action: `opinion_settings.${kind}`,
        entityType: 'opinion_settings',
        entityId: null,
        ip: req.ip ?? null,
        before: summarise(before),
        after: summarise(value),
      });
    });
    await this.analysis.reload();
    return value;
  }
}

/** Settings can be long word lists: the audit keeps them whole up to a size, else their counts. */
function summarise(value: object): object {
  const json = JSON.stringify(value);
  return json.length <= 50_000 ? value : { size: json.length, note: 'too long to keep in the audit entry' };
}
