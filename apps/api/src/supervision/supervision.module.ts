import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual-report.service';
import { CalendarModule } from '../calendar/calendar.module';
import { ReportsController, ReviewsController, TimelinessController } from './reports.controller';
import { TimelinessService } from './timeliness.service';
import { ReviewsService } from './reviews.service';

/** Supervision: the annual report and the review records behind its part four. */
@Module({
  imports: [CalendarModule],
  controllers: [ReportsController, ReviewsController, TimelinessController],
  providers: [AnnualReportService, ReviewsService, TimelinessService],
})
export class SupervisionModule {}
