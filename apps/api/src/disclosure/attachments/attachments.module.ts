import { Module } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

@Module({ controllers: [AttachmentsController], providers: [AttachmentsService, Clock] })
export class AttachmentsModule {}
