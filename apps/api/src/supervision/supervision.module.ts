import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual-report.service';
import { CalendarModule } from '../calendar/calendar.module';
import { Clock } from '../common/time/clock';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeadlineSweepService } from './deadline-sweep.service';
import { ReportsController, ReviewsController, TimelinessController } from './reports.controller';
import { TimelinessService } from './timeliness.service';
import { ReviewsService } from './reviews.service';

/** Supervision: the annual report and the review records behind its part four. */
@Module({
  imports: [CalendarModule, NotificationsModule],
  controllers: [ReportsController, ReviewsController, TimelinessController],
  providers: [AnnualReportService, ReviewsService, TimelinessService, DeadlineSweepService, Clock],
  exports: [DeadlineSweepService],
})
export class SupervisionModule {}
