import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Analyzer, DEFAULT_TAXONOMY, type TextAnalysis } from '@govdesk/text-analysis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DEFAULT_CLUSTER_OPTIONS, GENERIC_COMPLAINT_WORDS, type ClusterOptions } from '../clustering/hotspot-index';
import { OpinionSettingsService } from '../settings/opinion-settings.service';
import { AnalysisThread } from './analysis-thread';

/** How often a process looks whether admins changed the dictionary, words or taxonomy. */
const SETTINGS_CHECK_MS = 2000;
/** Texts analysed on the main thread between yields to the event loop (without a worker thread). */
const ANALYSIS_SLICE = 50;

/**
 * The process's analyser (libs/text-analysis), configured with what admins edit. Settings
 * live in the database; every process checks their version at most every two seconds before
 * analysing, so an edit in one process reaches the others within that time. Batches of texts
 * (ingest) are analysed on a worker thread (`GOVDESK_ANALYSIS_THREAD=on`, the default), so
 * that the main thread serves HTTP and clusters while texts are segmented.
 */
@Injectable()
export class AnalysisService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AnalysisService.name);
  private analyzer: Analyzer | null = null;
  private version = '';
  private checkedAt = 0;
  private genericWords: ReadonlySet<string> = new Set([...GENERIC_COMPLAINT_WORDS, ...DEFAULT_TAXONOMY.flatMap((c) => c.keywords)]);

  private readonly thread: AnalysisThread | null;

  constructor(
    private readonly settings: OpinionSettingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.thread = config.analysisThread ? new AnalysisThread() : null;
  }

  async onModuleInit(): Promise<void> {
    await this.refresh(true);
  }

  async onModuleDestroy(): Promise<void> {
    await this.thread?.close();
  }

  /** Analyses of the texts, in order, with the current settings (on the worker thread when there is one). */
  async analyzeMany(texts: string[]): Promise<TextAnalysis[]> {
    const analyzer = await this.current();
    if (this.thread) return this.thread.analyze(texts);
    const results: TextAnalysis[] = [];
    for (const [i, text] of texts.entries()) {
      // Another call may hold the clustering lock and wait for the CPU: let it have it now and then.
      if (i % ANALYSIS_SLICE === 0 && i > 0) await new Promise(setImmediate);
      results.push(analyzer.analyze(text));
    }
    return results;
  }

  /** Ready to analyse with the current settings. */
  async current(): Promise<Analyzer> {
    await this.refresh(false);
    return this.analyzer!;
  }

  async analyze(text: string): Promise<TextAnalysis> {
    return (await this.current()).analyze(text);
  }

  /** Clustering options with the current taxonomy's topic words as generic words. */
  clusterOptions(): ClusterOptions {
    return { ...DEFAULT_CLUSTER_OPTIONS, genericWords: this.genericWords };
  }

  /** Reloads the settings now (after an admin saved them in this process). */
  async reload(): Promise<void> {
    await this.refresh(true);
  }

  private async refresh(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && this.analyzer && now - this.checkedAt < SETTINGS_CHECK_MS) return;
    this.checkedAt = now;
    const version = await this.settings.version();
    if (!force && this.analyzer && version === this.version) return;
    const [dictionary, sensitive, taxonomy] = await Promise.all([
      this.settings.get('dictionary'),
      this.settings.get('sensitive-words'),
      this.settings.get('taxonomy'),
    ]);
    const started = Date.now();
    const userDictionary = dictionary.entries.map((e) => ({ word: e.word, tag: e.tag === 'term' ? undefined : e.tag }));
    if (!this.analyzer) {
      this.analyzer = new Analyzer({ userDictionary, sensitiveWords: sensitive.groups, taxonomy: taxonomy.categories });
    } else {
      this.analyzer.setUserDictionary(userDictionary);
      this.analyzer.setSensitiveWords(sensitive.groups);
      this.analyzer.setTaxonomy(taxonomy.categories);
    }
    this.thread?.setSettings({ userDictionary, sensitiveWords: sensitive.groups, taxonomy: taxonomy.categories });
    this.genericWords = new Set([...GENERIC_COMPLAINT_WORDS, ...taxonomy.categories.flatMap((c) => c.keywords)]);
    this.version = version;
    this.logger.log(`Text analysis ready (${userDictionary.length} dictionary words, ${taxonomy.categories.length} categories) in ${Date.now() - started} ms`);
  }
}
