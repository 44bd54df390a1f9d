import { Module } from '@nestjs/common';
import { Clock } from '../../common/time/clock';
import { SimilarRequestsController } from './similar-requests.controller';
import { SimilarRequestsService } from './similar-requests.service';

@Module({ controllers: [SimilarRequestsController], providers: [SimilarRequestsService, Clock] })
export class SimilarRequestsModule {}
