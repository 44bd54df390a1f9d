import { Module } from '@nestjs/common';
import { OpinionModule } from '../opinion/opinion.module';
import { AlertsController, EscalationPoliciesController, SilencesController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** Alerts on hotspots, escalation policies and their durable timers, silences (issue 6). */
@Module({
  imports: [OpinionModule],
  controllers: [AlertsController, EscalationPoliciesController, SilencesController],
  providers: [AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
