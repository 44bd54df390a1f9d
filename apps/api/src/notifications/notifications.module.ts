import { Module } from '@nestjs/common';
import { Clock } from '../common/time/clock';
import { NotificationsController, UrgesController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({ controllers: [NotificationsController, UrgesController], providers: [NotificationsService, Clock], exports: [NotificationsService] })
export class NotificationsModule {}
