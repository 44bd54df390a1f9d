import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual-report.service';
import { ReportsController, ReviewsController } from './reports.controller';
import { ReviewsService } from './reviews.service';

/** Supervision: the annual report and the review records behind its part four. */
@Module({ controllers: [ReportsController, ReviewsController], providers: [AnnualReportService, ReviewsService] })
export class SupervisionModule {}
