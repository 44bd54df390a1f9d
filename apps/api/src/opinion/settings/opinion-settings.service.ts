import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  dictionarySchema,
  levelRulesSchema,
  sensitiveWordsSchema,
  taxonomySchema,
  type DictionarySetting,
  type LevelRulesSetting,
  type OpinionSettingKind,
  type SensitiveWordsSetting,
  type TaxonomySetting,
} from '@govdesk/contracts';
import { DEFAULT_LEVEL_RULES, type LevelRules } from '@govdesk/domain';
import { DEFAULT_SENSITIVE_WORDS, DEFAULT_TAXONOMY, DEFAULT_USER_DICTIONARY, isPlaceKind } from '@govdesk/text-analysis';
import type { z } from 'zod';
import { AppSettingEntity } from '../../settings/app-setting.entity';

export interface OpinionSettings {
  dictionary: DictionarySetting;
  'sensitive-words': SensitiveWordsSetting;
  taxonomy: TaxonomySetting;
  'level-rules': LevelRulesSetting;
}

const SCHEMAS: { [K in OpinionSettingKind]: z.ZodType<OpinionSettings[K]> } = {
  dictionary: dictionarySchema as z.ZodType<DictionarySetting>,
  'sensitive-words': sensitiveWordsSchema as z.ZodType<SensitiveWordsSetting>,
  taxonomy: taxonomySchema as z.ZodType<TaxonomySetting>,
  'level-rules': levelRulesSchema as z.ZodType<LevelRulesSetting>,
};

export const settingSchema = <K extends OpinionSettingKind>(kind: K): z.ZodType<OpinionSettings[K]> => SCHEMAS[kind];

function defaults<K extends OpinionSettingKind>(kind: K): OpinionSettings[K] {
  const all: OpinionSettings = {
    dictionary: { entries: DEFAULT_USER_DICTIONARY.map((e) => ({ word: e.word, tag: isPlaceKind(e.tag) ? e.tag : 'term' })) },
    'sensitive-words': { groups: DEFAULT_SENSITIVE_WORDS.map((g) => ({ category: g.category, name: g.name ?? g.category, words: [...g.words] })) },
    taxonomy: { categories: DEFAULT_TAXONOMY.map((c) => ({ code: c.code, name: c.name, keywords: [...c.keywords] })) },
    'level-rules': DEFAULT_LEVEL_RULES as LevelRulesSetting,
  };
  return all[kind];
}

const keyOf = (kind: OpinionSettingKind): string => `opinion.${kind}`;

/** What admins edit for the pipeline (stored in app_settings, shared by every process). */
@Injectable()
export class OpinionSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get<K extends OpinionSettingKind>(kind: K, manager: EntityManager = this.dataSource.manager): Promise<OpinionSettings[K]> {
    const row = await manager.findOneBy(AppSettingEntity, { key: keyOf(kind) });
    return row ? (JSON.parse(row.value) as OpinionSettings[K]) : defaults(kind);
  }

  async put<K extends OpinionSettingKind>(manager: EntityManager, kind: K, value: OpinionSettings[K]): Promise<void> {
    await manager.upsert(AppSettingEntity, { key: keyOf(kind), value: JSON.stringify(value) }, ['key']);
  }

  async levelRules(manager?: EntityManager): Promise<LevelRules> {
    return (await this.get('level-rules', manager)) as LevelRules;
  }

  /** A fingerprint of the stored settings: when it changes, analysers reload them. */
  async version(): Promise<string> {
    const rows: { v: string | null }[] = await this.dataSource.query(
      `SELECT max(updated_at)::text || ':' || count(*) AS v FROM app_settings WHERE key LIKE 'opinion.%'`,
    );
    return rows[0]?.v ?? '';
  }
}
