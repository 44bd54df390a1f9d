/**
 * The user dictionary: local names that jieba's general dictionary does not know (the
 * county's units, towns, streets, villages, places and projects) and any other word admins
 * want kept whole. Entries tagged with a place or unit kind are also what `places` reports.
 */
export interface UserDictionaryEntry {
  word: string;
  /**
   * `county`, `town`, `street`, `village`, `community`, `place` (rivers, hills, parks, zones),
   * `project` or `unit` (a government department or office): reported as places. Any other
   * tag (for example a jieba part of speech such as `n`) only guides segmentation.
   */
  tag?: string;
  /** jieba frequency; higher keeps the word whole against competing cuts (default 20000) */
  freq?: number;
}

export const PLACE_KINDS = ['county', 'town', 'street', 'village', 'community', 'place', 'project', 'unit'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export function isPlaceKind(tag: string | undefined): tag is PlaceKind {
  return tag !== undefined && (PLACE_KINDS as readonly string[]).includes(tag);
}

export const DEFAULT_WORD_FREQUENCY = 20000;

/** jieba part of speech for an entry: places `ns`, units `nt`, projects `nz`. */
export function jiebaTag(tag: string | undefined): string {
  if (tag === 'unit') return 'nt';
  if (tag === 'project') return 'nz';
  if (isPlaceKind(tag)) return 'ns';
  return tag && /^[a-z]{1,4}$/.test(tag) ? tag : 'n';
}

/** Trims, drops empty words and words with white space, and keeps the last entry of a word. */
export function cleanUserDictionary(words: readonly UserDictionaryEntry[]): UserDictionaryEntry[] {
  const byWord = new Map<string, UserDictionaryEntry>();
  for (const entry of words) {
    const word = (entry.word ?? '').trim();
    if (!word || /\s/.test(word) || word.length > 40) continue;
    const freq = entry.freq !== undefined && Number.isFinite(entry.freq) && entry.freq > 0 ? Math.round(entry.freq) : undefined;
    byWord.set(word, { word, ...(entry.tag ? { tag: entry.tag.trim() } : {}), ...(freq ? { freq } : {}) });
  }
  return Array.from(byWord.values());
}

/** jieba's user-dictionary text: `word freq tag` per line. */
export function toJiebaDictionary(words: readonly UserDictionaryEntry[]): string {
  return words.map((e) => `${e.word} ${e.freq ?? DEFAULT_WORD_FREQUENCY} ${jiebaTag(e.tag)}`).join('\n') + '\n';
}

const entries = (tag: string, words: string[]): UserDictionaryEntry[] => words.map((word) => ({ word, tag }));

/**
 * Pingyin County (平阴县, Jinan): its streets and towns, the units that its 2023
 * open-government work plan (平政办发〔2023〕5号) makes responsible for tasks, with their
 * full names and the short forms residents write, places and projects the plan names, and the
 * villages of the demo county. Admins replace this list at run time.
 */
export const DEFAULT_USER_DICTIONARY: UserDictionaryEntry[] = [
  ...entries('county', ['平阴县', '平阴']),
  ...entries('street', ['榆山街道', '锦水街道', '榆山街道办事处', '锦水街道办事处']),
  ...entries('town', ['东阿镇', '玫瑰镇', '洪范池镇', '孔村镇', '孝直镇', '安城镇']),
  ...entries('village', ['李沟村', '王楼村', '前寨村', '西峪村', '张山村', '胡庄村', '后屯村', '北石硖村']),
  ...entries('place', ['浪溪河', '玫瑰湖', '玫瑰湖湿地公园', '翠屏山', '云翠山', '大寨山', '洪范池', '平阴经济开发区', '平阴县经济开发区']),
  ...entries('project', ['浪溪河下游治理工程', '浪溪河下游治理', '浪溪河治理', '黄河休闲旅游景观带', '乐业平阴']),
  ...entries('unit', [
    '平阴县人民政府',
    '县政府',
    '县政府办公室',
    '县政府办',
    '县发改局',
    '县发展和改革局',
    '平阴县发展和改革局',
    '县教体局',
    '教体局',
    '平阴县教育和体育局',
    '县工信局',
    '平阴县工业和信息化局',
    '县自然资源局',
    '平阴县自然资源局',
    '县生态环境局',
    '生态环境局平阴分局',
    '平阴分局',
    '县住建局',
    '住建局',
    '县住房和城乡建设局',
    '平阴县住房和城乡建设局',
    '县水务局',
    '平阴县水务局',
    '县民政局',
    '平阴县民政局',
    '县人社局',
    '人社局',
    '平阴县人力资源和社会保障局',
    '县卫健局',
    '卫健局',
    '平阴县卫生健康局',
    '县市场监管局',
    '平阴县市场监督管理局',
    '县司法局',
    '平阴县司法局',
    '县行政审批服务局',
    '县行政审批局',
    '平阴县行政审批服务局',
    '县财政局',
    '平阴县财政局',
    '县交运局',
    '交运局',
    '平阴县交通运输局',
    '县文旅局',
    '平阴县文化和旅游局',
    '县医保局',
    '医保局',
    '县退役军人事务局',
    '县税务局',
    '县特色产业发展中心',
    '县商务事业发展中心',
    '县公安局',
    '平阴县公安局',
    '县信访局',
    '县城管局',
    '县综合行政执法局',
  ]),
];
