import { DEFAULT_CHANNEL_WEIGHTS, type MentionChannel } from './channels';

/** Hotspot levels: 1 = I 特别重大 … 4 = IV 一般 (a lower number is more serious). */
export const HOTSPOT_LEVELS = [1, 2, 3, 4] as const;
export type HotspotLevel = (typeof HOTSPOT_LEVELS)[number];

export const LEVEL_LABELS: Record<HotspotLevel, { zh: string; en: string; roman: string; colour: 'red' | 'orange' | 'gold' | 'blue' }> = {
  1: { zh: '特别重大', en: 'Extremely serious', roman: 'I', colour: 'red' },
  2: { zh: '重大', en: 'Serious', roman: 'II', colour: 'orange' },
  3: { zh: '较大', en: 'Significant', roman: 'III', colour: 'gold' },
  4: { zh: '一般', en: 'General', roman: 'IV', colour: 'blue' },
};

/** The figures of a hotspot that level rules look at. */
export interface HotspotFigures {
  mentionCount: number;
  authorCount: number;
  /** Share of mentions with a negative sentiment, 0–1. */
  negativeShare: number;
  reach: number;
  /** Current rate against the hotspot's usual rate (1 = as usual). */
  growth: number;
  /** Mentions and distinct authors within the rules' recent window. */
  recentMentions: number;
  recentAuthors: number;
  recentNegative: number;
  /** Sensitive-word categories found in its mentions. */
  flags: readonly string[];
  category: string | null;
  channels: readonly string[];
}

/** All given thresholds must hold; absent ones are not checked. */
export interface LevelCondition {
  minMentions?: number;
  minAuthors?: number;
  minNegativeShare?: number;
  minReach?: number;
  minGrowth?: number;
  minRecentMentions?: number;
  minRecentAuthors?: number;
  minRecentNegative?: number;
  /** At least one of these sensitive-word categories. */
  anyFlags?: string[];
  /** The hotspot's category is one of these. */
  categories?: string[];
  /** At least one mention came from one of these channels. */
  channels?: string[];
}

export interface LevelRule {
  level: HotspotLevel;
  /** Why, in words a monitor understands (shown with the level). */
  name: string;
  when: LevelCondition;
}

export interface LevelRules {
  /** The window of the recent* conditions, in minutes of published time. */
  recentWindowMinutes: number;
  rules: LevelRule[];
  channelWeights: Record<MentionChannel, number>;
}

/** The county work plan's hard topics (land expropriation, environment, education …). */
export const HARD_TOPICS = [
  'land-expropriation',
  'environment',
  'education-enrolment',
  'medical-care',
  'elderly-care',
  'employment',
  'social-assistance',
  'housing-property',
  'transport',
];

export const DEFAULT_LEVEL_RULES: LevelRules = {
  recentWindowMinutes: 10,
  channelWeights: DEFAULT_CHANNEL_WEIGHTS,
  rules: [
    { level: 1, name: '大规模负面舆情 Large negative outcry', when: { minMentions: 300, minAuthors: 150, minNegativeShare: 0.6 } },
    { level: 1, name: '伤亡或聚集且广泛传播 Casualties or crowds, widely spread', when: { anyFlags: ['casualties', 'crowd-gathering'], minMentions: 100, minAuthors: 50 } },
    { level: 2, name: '较大规模负面舆情 Broad negative outcry', when: { minMentions: 100, minAuthors: 50, minNegativeShare: 0.5 } },
    { level: 2, name: '敏感事项持续发酵 Sensitive matter spreading', when: { anyFlags: ['casualties', 'crowd-gathering', 'pollution', 'forced-demolition', 'corruption', 'wage-arrears'], minMentions: 30, minAuthors: 20 } },
    { level: 2, name: '负面内容传播量大 Negative, very wide reach', when: { minReach: 1_000_000, minNegativeShare: 0.5 } },
    { level: 3, name: '短时集中负面反映 Negative burst', when: { minRecentMentions: 20, minRecentAuthors: 15, minRecentNegative: 15 } },
    { level: 3, name: '多人持续反映 Many people, sustained', when: { minMentions: 30, minAuthors: 20, minNegativeShare: 0.4 } },
    { level: 3, name: '重点领域多人反映 Hard topic, many people', when: { categories: HARD_TOPICS, minMentions: 15, minAuthors: 10, minNegativeShare: 0.5 } },
    { level: 4, name: '多人负面反映 Several negative voices', when: { minMentions: 5, minAuthors: 3, minNegativeShare: 0.3 } },
    { level: 4, name: '涉及敏感词 Sensitive words', when: { anyFlags: ['casualties', 'crowd-gathering', 'pollution', 'forced-demolition', 'wage-arrears', 'corruption'], minMentions: 1 } },
    { level: 4, name: '电视问政或监督热线 TV inquiry or supervision hotline', when: { channels: ['tv_inquiry', 'supervision_hotline'], minMentions: 1 } },
    { level: 4, name: '热度快速上升 Rising fast', when: { minGrowth: 3, minRecentMentions: 5 } },
  ],
};

const atLeast = (value: number, min: number | undefined): boolean => min === undefined || value >= min;

export function conditionHolds(c: LevelCondition, f: HotspotFigures): boolean {
  return (
    atLeast(f.mentionCount, c.minMentions) &&
    atLeast(f.authorCount, c.minAuthors) &&
    atLeast(f.negativeShare, c.minNegativeShare) &&
    atLeast(f.reach, c.minReach) &&
    atLeast(f.growth, c.minGrowth) &&
    atLeast(f.recentMentions, c.minRecentMentions) &&
    atLeast(f.recentAuthors, c.minRecentAuthors) &&
    atLeast(f.recentNegative, c.minRecentNegative) &&
    (!c.anyFlags?.length || c.anyFlags.some((flag) => f.flags.includes(flag))) &&
    (!c.categories?.length || (f.category !== null && c.categories.includes(f.category))) &&
    (!c.channels?.length || c.channels.some((ch) => f.channels.includes(ch)))
  );
}

/** The most serious level whose rule holds, with the rule; null when none holds (not yet a matter). */
export function evaluateLevel(figures: HotspotFigures, rules: LevelRules): { level: HotspotLevel; rule: string } | null {
  let best: LevelRule | null = null;
  for (const rule of rules.rules) {
    if ((best === null || rule.level < best.level) && conditionHolds(rule.when, figures)) best = rule;
  }
  return best ? { level: best.level, rule: best.name } : null;
}

/** Levels only escalate by rules: a hotspot keeps the most serious level it reached, unless a monitor sets it. */
export function escalatedLevel(current: HotspotLevel | null, computed: HotspotLevel | null): HotspotLevel | null {
  if (current === null) return computed;
  if (computed === null) return current;
  return computed < current ? computed : current;
}
