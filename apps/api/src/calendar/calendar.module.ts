import { Module } from '@nestjs/common';
import { Clock } from '../common/time/clock';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({ controllers: [CalendarController], providers: [CalendarService, Clock], exports: [CalendarService, Clock] })
export class CalendarModule {}
