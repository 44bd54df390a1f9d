import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DisclosureController } from './disclosure.controller';
import { DisclosureService } from './disclosure.service';
import { LettersService } from './letters/letters.service';

@Module({ imports: [CalendarModule], controllers: [DisclosureController], providers: [DisclosureService, LettersService], exports: [DisclosureService] })
export class DisclosureModule {}
