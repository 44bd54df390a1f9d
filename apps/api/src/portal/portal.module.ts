import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CalendarModule } from '../calendar/calendar.module';
import { DisclosureModule } from '../disclosure/disclosure.module';
import { PortalSubmissionsController, PublicPortalController } from './portal.controller';
import { PortalService } from './portal.service';

/** Requests per minute per address on the public portal's reads (submissions: 5). */
const PORTAL_RATE_LIMIT = 30;

@Module({
  imports: [ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: PORTAL_RATE_LIMIT }]), CalendarModule, DisclosureModule],
  controllers: [PublicPortalController, PortalSubmissionsController],
  providers: [PortalService],
})
export class PortalModule {}
