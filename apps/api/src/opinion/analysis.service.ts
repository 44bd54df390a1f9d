import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Analyzer, DEFAULT_TAXONOMY, type TextAnalysis } from '@govdesk/text-analysis';
import { DEFAULT_CLUSTER_OPTIONS, GENERIC_COMPLAINT_WORDS, type ClusterOptions } from './clustering/hotspot-index';
import { OpinionSettingsService } from './settings/opinion-settings.service';

/** How often a process looks whether admins changed the dictionary, words or taxonomy. */
const SETTINGS_CHECK_MS = 2000;

/**
 * The process's analyser (libs/text-analysis), configured with what admins edit. Settings
 * live in the database; every process checks their version at most every two seconds before
 * analysing, so an edit in one process reaches the others within that time.
 */
@Injectable()
export class AnalysisService implements OnModuleInit {
  private readonly logger = new Logger(AnalysisService.name);
  private analyzer: Analyzer | null = null;
  private version = '';
  private checkedAt = 0;
  private genericWords: ReadonlySet<string> = new Set([...GENERIC_COMPLAINT_WORDS, ...DEFAULT_TAXONOMY.flatMap((c) => c.keywords)]);

  constructor(private readonly settings: OpinionSettingsService) {}

  async onModuleInit(): Promise<void> {
    await this.refresh(true);
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
    this.genericWords = new Set([...GENERIC_COMPLAINT_WORDS, ...taxonomy.categories.flatMap((c) => c.keywords)]);
    this.version = version;
    this.logger.log(`Text analysis ready (${userDictionary.length} dictionary words, ${taxonomy.categories.length} categories) in ${Date.now() - started} ms`);
  }
}
