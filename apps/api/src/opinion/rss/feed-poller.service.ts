import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../audit/audit.service';
import { AppError } from '../../common/errors/app.error';
import { JobsService } from '../../jobs/jobs.service';
import { OpinionSourceEntity } from '../entities/opinion-source.entity';
import { IngestService } from '../ingest.service';
import { SourcesService } from '../sources/sources.service';
import { decodeFeed, parseFeed } from './feed-parser';

const QUEUE = 'feed-poll';
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

export interface PollResult {
  fetched: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * Polls each enabled RSS/Atom source when its interval has passed: a pg-boss job every
 * minute picks the due sources (`FOR UPDATE SKIP LOCKED`, so two processes never poll the
 * same feed at once) and ingests the items as mentions of the source's channel.
 */
@Injectable()
export class FeedPollerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FeedPollerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly ingest: IngestService,
    private readonly sources: SourcesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs.runsWorkers) return;
    await this.jobs.work(QUEUE, () => this.pollDue());
    await this.jobs.schedule(QUEUE, '* * * * *');
  }

  /** Polls every due feed once. */
  async pollDue(): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [due] = await this.dataSource.transaction((manager): Promise<[{ id: string }[], number]> =>
      manager.query(
        `UPDATE opinion_sources SET last_polled_at = now()
          WHERE id IN (SELECT id FROM opinion_sources
                        WHERE kind = 'rss' AND enabled AND deleted_at IS NULL
                          AND (last_polled_at IS NULL OR last_polled_at + make_interval(mins => poll_minutes) <= now())
                        FOR UPDATE SKIP LOCKED)
          RETURNING id`,
      ),
    );
    for (const { id } of due) {
      try {
        await this.poll(id);
      } catch (error) {
        this.logger.warn(`feed ${id}: ${(error as Error).message}`);
      }
    }
  }

  /** Fetches one feed now and ingests its items. */
  async poll(id: string): Promise<PollResult> {
    const source: OpinionSourceEntity = await this.sources.get(id);
    if (source.kind !== 'rss' || !source.feedUrl) throw new AppError('SOURCE_NOT_FEED');
    try {
      const response = await fetch(source.feedUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { Accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml' } });
      if (!response.ok) throw new Error(`HTTP ${response.status} from the feed`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.length > MAX_FEED_BYTES) throw new Error(`the feed is larger than ${MAX_FEED_BYTES} bytes`);
      const items = parseFeed(decodeFeed(bytes, response.headers.get('content-type')), source.channel);
      const result: PollResult = { fetched: items.length, accepted: 0, duplicates: 0, rejected: 0 };
      for (let i = 0; i < items.length; i += 1000) {
        const answer = await this.ingest.ingest(items.slice(i, i + 1000), { actor: { ...SYSTEM_ACTOR, username: `feed:${source.name}` }, sourceId: source.id });
        result.accepted += answer.accepted;
        result.duplicates += answer.duplicates;
        result.rejected += answer.rejected;
      }
      await this.sources.recordPoll(id, null);
      return result;
    } catch (error) {
      await this.sources.recordPoll(id, (error as Error).message);
      throw new AppError('VALIDATION_FAILED', `The feed could not be read: ${(error as Error).message}`, undefined, `订阅源读取失败：${(error as Error).message}`);
    }
  }
}
