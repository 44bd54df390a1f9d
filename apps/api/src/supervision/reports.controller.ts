import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { annualReportQuerySchema, reviewSchema, type AnnualReportDto, type ReviewDto, type ReviewRequest } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { AnnualReportService, type DrillDownItem } from './annual-report.service';
import { ReviewsService } from './reviews.service';
import { TIMELINESS_GROUPS, type TimelinessReportDto as TimelinessReport } from '@govdesk/contracts';
import { TimelinessService } from './timeliness.service';

const exportQuery = annualReportQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
const drillQuery = annualReportQuerySchema.extend({ row: z.string().min(1).max(120), column: z.string().max(60).optional() });
const uuid = (code: 'REQUEST_NOT_FOUND') => new ParseUUIDPipe({ exceptionFactory: () => new AppError(code) });

/** The statutory annual report (Art. 49–50), parts three and four, from the records. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/annual')
@Roles('supervisor', 'admin', 'handler')
export class ReportsController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get()
  annual(@Query(new ZodPipe(annualReportQuerySchema)) q: z.infer<typeof annualReportQuerySchema>, @CurrentUser() user: CurrentUserInfo): Promise<AnnualReportDto> {
    return this.reports.report(q.year, q.unitId, user);
  }

  @Get('export')
  async export(@Query(new ZodPipe(exportQuery)) q: z.infer<typeof exportQuery>, @CurrentUser() user: CurrentUserInfo, @Res({ passthrough: true }) res: Response): Promise<StreamableFile | string> {
    const report = await this.reports.report(q.year, q.unitId, user);
    const name = `${report.unitName}${report.year}年政府信息公开工作年度报告-第三四部分`;
    const ascii = `annual-report-${report.year}${q.unitId ? `-${q.unitId.slice(0, 8)}` : ''}`;
    if (q.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${ascii}.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`);
      return this.reports.csv(report);
    }
    const buffer = await this.reports.xlsx(report);
    return new StreamableFile(buffer, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      length: buffer.length,
      disposition: `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
    });
  }

  /** The requests behind a number: `row` is the row label, `column` an optional column label. */
  @Get('requests')
  drillDown(@Query(new ZodPipe(drillQuery)) q: z.infer<typeof drillQuery>, @CurrentUser() user: CurrentUserInfo): Promise<DrillDownItem[]> {
    return this.reports.drillDown(q.year, q.unitId, q.row, q.column, user);
  }
}

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests/:id/reviews')
@Roles('handler', 'supervisor', 'admin')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  list(@Param('id', uuid('REQUEST_NOT_FOUND')) id: string, @CurrentUser() user: CurrentUserInfo): Promise<ReviewDto[]> {
    return this.reviews.list(id, user);
  }

  @Post()
  @Roles('handler', 'supervisor')
  @ApiBody({ schema: z.toJSONSchema(reviewSchema, { unrepresentable: 'any', io: 'input' }) as object })
  create(
    @Param('id', uuid('REQUEST_NOT_FOUND')) id: string,
    @Body(new ZodPipe(reviewSchema)) body: ReviewRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<ReviewDto> {
    return this.reviews.create(id, body, user, meta);
  }

  @Put(':reviewId')
  @Roles('handler', 'supervisor')
  update(
    @Param('id', uuid('REQUEST_NOT_FOUND')) id: string,
    @Param('reviewId', uuid('REQUEST_NOT_FOUND')) reviewId: string,
    @Body(new ZodPipe(reviewSchema)) body: ReviewRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<ReviewDto> {
    return this.reviews.update(id, reviewId, body, user, meta);
  }
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const timelinessQuery = z
  .object({ from: isoDate, to: isoDate, groupBy: z.enum(TIMELINESS_GROUPS).default('unit') })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

/** Reply timeliness by unit, handler, channel or applicant type; each number drills down through GET /api/requests. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
@Roles('supervisor', 'admin', 'handler')
export class TimelinessController {
  constructor(private readonly timeliness: TimelinessService) {}

  @Get('timeliness')
  report(@Query(new ZodPipe(timelinessQuery)) q: z.infer<typeof timelinessQuery>, @CurrentUser() user: CurrentUserInfo): Promise<TimelinessReport> {
    return this.timeliness.report(q.from, q.to, q.groupBy, user);
  }
}
