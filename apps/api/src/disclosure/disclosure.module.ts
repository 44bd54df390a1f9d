import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DisclosureController } from './disclosure.controller';
import { DisclosureService } from './disclosure.service';

@Module({ imports: [CalendarModule], controllers: [DisclosureController], providers: [DisclosureService] })
export class DisclosureModule {}
