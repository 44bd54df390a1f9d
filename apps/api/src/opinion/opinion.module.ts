import { Module } from '@nestjs/common';
import { OpinionController } from './opinion.controller';

/** Public-opinion pipeline: text analysis now; ingest and hotspots follow (issue 5). */
@Module({ controllers: [OpinionController] })
export class OpinionModule {}
