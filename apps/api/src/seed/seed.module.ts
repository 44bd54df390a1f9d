import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { OpinionModule } from '../opinion/opinion.module';
import { SeedService } from './seed.service';

@Module({ imports: [CalendarModule, DisclosureModule, OpinionModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
