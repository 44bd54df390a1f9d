import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PostgresThrottlerStorage } from '../common/rate-limit/postgres-throttler.storage';
import { CalendarModule } from '../calendar/calendar.module';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { PortalSubmissionsController, PublicPortalController } from './portal.controller';
import { PortalService } from './portal.service';

/** Requests per minute per address on the public portal's reads (submissions: 5). */
const PORTAL_RATE_LIMIT = 30;

@Module({
  imports: [
    // Counted in PostgreSQL: the limit holds for an address across every API process.
    ThrottlerModule.forRootAsync({
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: PORTAL_RATE_LIMIT }],
        storage: new PostgresThrottlerStorage(dataSource),
      }),
    }),
    CalendarModule,
    DisclosureModule,
  ],
  controllers: [PublicPortalController, PortalSubmissionsController],
  providers: [PortalService],
})
export class PortalModule {}
