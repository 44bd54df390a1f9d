/**
 * The labelled sentiment corpora of ../shared/data/sentiment and the fixed train/test split
 * that training (`npm run train:sentiment`), evaluation (`npm run eval:sentiment`) and the
 * accuracy spec share. Pure functions over the files' text; callers read the files.
 */
export interface LabelledText {
  /** 1 positive (or not negative), 0 negative */
  label: 0 | 1;
  text: string;
}

export interface SentimentCorpusFile {
  file: string;
  /** weight of this file's texts in training (Weibo is what the reviewers test) */
  trainingWeight: number;
  parse(content: string): LabelledText[];
}

/** `label,text` with the text optionally double-quoted (RFC 4180 style), after a header line. */
function parseLabelCsv(content: string): LabelledText[] {
  const out: LabelledText[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const comma = line.indexOf(',');
    if (comma < 0) continue;
    const label = line.slice(0, comma).trim();
    if (label !== '0' && label !== '1') continue;
    let text = line.slice(comma + 1);
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).replace(/""/g, '"');
    if (text.trim()) out.push({ label: label === '1' ? 1 : 0, text });
  }
  return out;
}

/** weibo2018: `mid,label,text`, no header. */
function parseWeibo(content: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const line of content.split(/\r?\n/)) {
    const a = line.indexOf(',');
    const b = line.indexOf(',', a + 1);
    if (a < 0 || b < 0) continue;
    const label = line.slice(a + 1, b);
    if (label !== '0' && label !== '1') continue;
    out.push({ label: label === '1' ? 1 : 0, text: line.slice(b + 1) });
  }
  return out;
}

export const SENTIMENT_CORPORA: readonly SentimentCorpusFile[] = [
  { file: 'weibo2018-train.txt', trainingWeight: 1, parse: parseWeibo },
  { file: 'chnsenticorp-htl-all.csv', trainingWeight: 0.2, parse: parseLabelCsv },
  { file: 'waimai-10k.csv', trainingWeight: 0.2, parse: parseLabelCsv },
];

/** Seed and share of the held-out split; changing them changes every reported figure. */
export const SPLIT_SEED = 20240601;
export const TEST_SHARE = 0.1;

/** mulberry32: a small seeded PRNG, so splits and training order are the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The fixed split of one file: a seeded shuffle, the first `TEST_SHARE` held out. */
export function splitCorpus<T>(rows: readonly T[], seed = SPLIT_SEED, testShare = TEST_SHARE): { train: T[]; test: T[] } {
  const order = shuffleInPlace(
    rows.map((_, i) => i),
    seededRandom(seed),
  );
  const n = Math.round(rows.length * testShare);
  return { test: order.slice(0, n).map((i) => rows[i]!), train: order.slice(n).map((i) => rows[i]!) };
}

export interface AccuracyReport {
  count: number;
  correct: number;
  accuracy: number;
  /** share of the more frequent label: what always answering it would score */
  majorityBaseline: number;
}

/** Accuracy judged on the sign of the score: below 0 is negative (label 0), else label 1. */
export function signAccuracy(rows: readonly LabelledText[], score: (text: string) => number): AccuracyReport {
  let correct = 0;
  let positives = 0;
  for (const row of rows) {
    const predicted = score(row.text) < 0 ? 0 : 1;
    if (predicted === row.label) correct++;
    positives += row.label;
  }
  const count = rows.length;
  return {
    count,
    correct,
    accuracy: count ? correct / count : 0,
    majorityBaseline: count ? Math.max(positives, count - positives) / count : 0,
  };
}
