import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A job for `sendManyIn`. */
export interface JobToSend {
  name: string;
  data: object;
  delaySeconds: number;
}

/**
 * The process's one pg-boss: durable jobs in PostgreSQL (schema `pgboss`) — deadline sweeps,
 * feed polls, escalation timers. A job is fetched by exactly one process; jobs and schedules
 * survive restarts. Off (`GOVDESK_JOBS=off`) in tests that call the work directly.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: Promise<PgBoss> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get enabled(): boolean {
    return this.config.jobs;
  }

  /** Whether this process runs job handlers and schedules (not in the `api` role, which only enqueues). */
  get runsWorkers(): boolean {
    return this.config.jobs && this.config.role !== 'api';
  }

  /** The started pg-boss (started on first use). */
  async ready(): Promise<PgBoss> {
    if (!this.enabled) throw new Error('jobs are off (GOVDESK_JOBS=off)');
    this.boss ??= (async () => {
      const url = (this.dataSource.options as { url?: string }).url;
      const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4 });
      boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
      await boss.start();
      return boss;
    })();
    return this.boss;
  }

  private readonly queues = new Set<string>();

  private async queue(name: string): Promise<PgBoss> {
    const boss = await this.ready();
    if (!this.queues.has(name)) {
      await boss.createQueue(name);
      this.queues.add(name);
    }
    return boss;
  }

  /**
   * Enqueues a job inside the caller's transaction (it exists only if the transaction
   * commits), to run after `delaySeconds`. Nothing happens when jobs are off.
   */
  async sendIn(manager: EntityManager, name: string, data: object, delaySeconds: number): Promise<void> {
    await this.sendManyIn(manager, [{ name, data, delaySeconds }]);
  }

  /** Enqueues several jobs inside the caller's transaction with one statement (see `sendIn`). */
  async sendManyIn(manager: EntityManager, jobs: JobToSend[]): Promise<void> {
    if (!this.enabled || !jobs.length) return;
    let boss: PgBoss | null = null;
    for (const name of new Set(jobs.map((j) => j.name))) boss = await this.queue(name);
    await boss!.insert(
      // startAfter without a time zone is read as an interval from now (seconds here).
      jobs.map((j) => ({ name: j.name, data: j.data, startAfter: String(Math.max(0, Math.round(j.delaySeconds))), retryLimit: 3 })),
      { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await manager.query(text, values)) as unknown[] }) } },
    );
  }

  /** Creates the queue and runs `handler` for its jobs in this process (one at a time per process unless told). */
  async work<T extends object>(queue: string, handler: (data: T) => Promise<void>, options: { batchSize?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
    if (!this.runsWorkers) return;
    const boss = await this.queue(queue);
    await boss.work<T>(queue, { batchSize: options.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  /** A cron schedule for `queue` (one row in pg-boss, shared by every process), set by worker processes. */
  async schedule(queue: string, cron: string, options: { tz?: string } = {}): Promise<void> {
    if (!this.runsWorkers) return;
    const boss = await this.queue(queue);
    await boss.schedule(queue, cron, {}, options);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.boss || this.stopped) return;
    this.stopped = true;
    const boss = await this.boss.catch(() => null);
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}

@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
