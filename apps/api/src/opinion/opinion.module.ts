import { Module } from '@nestjs/common';
import { AnalysisService } from './analysis/analysis.service';
import { HotspotsController } from './hotspots.controller';
import { HotspotsService } from './hotspots.service';
import { ImportService } from './import/import.service';
import { IngestService } from './ingest.service';
import { OpinionController } from './opinion.controller';
import { FeedPollerService } from './rss/feed-poller.service';
import { OpinionSettingsService } from './settings/opinion-settings.service';
import { ImportsController, SourcesController } from './sources/sources.controller';
import { SourcesService } from './sources/sources.service';

/** Public-opinion pipeline: analysis, ingest (API, spreadsheets, feeds), clustering into hotspots. */
@Module({
  controllers: [OpinionController, HotspotsController, SourcesController, ImportsController],
  providers: [AnalysisService, OpinionSettingsService, IngestService, HotspotsService, SourcesService, ImportService, FeedPollerService],
  exports: [IngestService, HotspotsService, OpinionSettingsService],
})
export class OpinionModule {}
