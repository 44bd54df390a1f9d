/**
 * Keywords of a text: TF-IDF with jieba's IDF table (the one jieba's own `extract` uses,
 * 270,000 words from a general corpus), and TextRank over a co-occurrence window.
 * Both take content words (see `Segmenter.contentWords`), so a text is segmented once for
 * every analysis.
 */
import { idf as jiebaIdf } from '@node-rs/jieba/dict';

export interface Keyword {
  word: string;
  weight: number;
}

export class IdfTable {
  private constructor(
    private readonly table: Map<string, number>,
    /** IDF given to words the table does not know (the median, as jieba does) */
    readonly unknown: number,
  ) {}

  /** Parses `word idf` lines. */
  static parse(text: string): IdfTable {
    const table = new Map<string, number>();
    const values: number[] = [];
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const space = text.lastIndexOf(' ', end);
      if (space > start) {
        const value = Number(text.slice(space + 1, end));
        if (Number.isFinite(value)) {
          table.set(text.slice(start, space), value);
          values.push(value);
        }
      }
      start = end + 1;
    }
    values.sort((a, b) => a - b);
    return new IdfTable(table, values.length ? values[values.length >> 1]! : 10);
  }

  private static jieba: IdfTable | undefined;

  /** jieba's table, loaded on first use (about 0.3 s). */
  static default(): IdfTable {
    return (IdfTable.jieba ??= IdfTable.parse(Buffer.from(jiebaIdf).toString('utf8')));
  }

  idf(word: string): number {
    return this.table.get(word) ?? this.unknown;
  }

  has(word: string): boolean {
    return this.table.has(word);
  }
}

export interface KeywordOptions {
  /** how many keywords (default 10) */
  topK?: number;
  /** shortest keyword in characters (default 2: single characters rarely name a topic) */
  minLength?: number;
}

function eligible(word: string, minLength: number): boolean {
  return word.length >= minLength;
}

function before(aWord: string, aWeight: number, b: Keyword): boolean {
  return aWeight > b.weight || (aWeight === b.weight && aWord < b.word);
}

/** The `topK` best of `scores`, best first (ties by word), without sorting them all. */
export function topKeywords(scores: ReadonlyMap<string, number>, topK: number): Keyword[] {
  const best: Keyword[] = [];
  if (topK <= 0) return best;
  for (const [word, weight] of scores) {
    if (best.length === topK && !before(word, weight, best[topK - 1]!)) continue;
    let i = best.length === topK ? topK - 1 : best.length;
    if (best.length < topK) best.push({ word, weight });
    while (i > 0 && before(word, weight, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = { word, weight };
  }
  return best;
}

/**
 * Term frequency (share of the text's content words) × IDF, highest first. `boost` can raise
 * the IDF of words the table cannot know (the local names of the user dictionary).
 */
export function tfidfWeights(words: readonly string[], idf: IdfTable = IdfTable.default(), options: KeywordOptions & { boost?: ReadonlyMap<string, number> } = {}): Map<string, number> {
  const minLength = options.minLength ?? 2;
  const scores = new Map<string, number>();
  for (const w of words) if (eligible(w, minLength)) scores.set(w, (scores.get(w) ?? 0) + 1);
  const total = words.length || 1;
  const boost = options.boost;
  for (const [w, n] of scores) scores.set(w, (n / total) * (boost?.get(w) ?? idf.idf(w)));
  return scores;
}

export function tfidfKeywords(words: readonly string[], idf: IdfTable = IdfTable.default(), options: KeywordOptions & { boost?: ReadonlyMap<string, number> } = {}): Keyword[] {
  return topKeywords(tfidfWeights(words, idf, options), options.topK ?? 10);
}

export interface TextRankOptions extends KeywordOptions {
  /** co-occurrence window in words (default 5: a word links to the next four) */
  window?: number;
  /** damping factor (default 0.85) */
  damping?: number;
  /** most iterations (default 30); stops earlier when no score moves by more than 1e-4 */
  iterations?: number;
}

/**
 * TextRank (Mihalcea & Tarau 2004) as jieba implements it: an undirected graph of the
 * eligible words whose edges count co-occurrences within `window` words, PageRank over the
 * edge weights, scores scaled so the best word has weight 1.
 */
export function textRankKeywords(words: readonly string[], options: TextRankOptions = {}): Keyword[] {
  const minLength = options.minLength ?? 2;
  const window = Math.max(2, options.window ?? 5);
  const d = options.damping ?? 0.85;
  const maxIterations = options.iterations ?? 30;

  const ids = new Map<string, number>();
  const seq: number[] = [];
  for (const w of words) {
    if (!eligible(w, minLength)) continue;
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    seq.push(id);
  }
  const n = ids.size;
  if (n === 0) return [];
  // co-occurrence counts of pairs (a < b) within the window, then adjacency in CSR form
  const pairs = new Map<number, number>();
  for (let i = 0; i < seq.length; i++) {
    for (let j = i + 1; j < Math.min(seq.length, i + window); j++) {
      const a = seq[i]!;
      const b = seq[j]!;
      if (a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const degree = new Int32Array(n + 1);
  for (const key of pairs.keys()) {
    degree[Math.floor(key / n)]!++;
    degree[key % n]!++;
  }
  const offset = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) offset[a + 1] = offset[a]! + degree[a]!;
  const neighbour = new Int32Array(offset[n]!);
  const weight = new Float64Array(offset[n]!);
  const fill = offset.slice(0, n);
  const outWeight = new Float64Array(n);
  for (const [key, w] of pairs) {
    const a = Math.floor(key / n);
    const b = key % n;
    neighbour[fill[a]!] = b;
    weight[fill[a]!++] = w;
    neighbour[fill[b]!] = a;
    weight[fill[b]!++] = w;
    outWeight[a] += w;
    outWeight[b] += w;
  }
  let score = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    next.fill(1 - d);
    for (let a = 0; a < n; a++) {
      if (outWeight[a] === 0) continue;
      const share = (d * score[a]!) / outWeight[a]!;
      for (let e = offset[a]!; e < offset[a + 1]!; e++) next[neighbour[e]!] += share * weight[e]!;
    }
    let delta = 0;
    for (let a = 0; a < n; a++) delta = Math.max(delta, Math.abs(next[a]! - score[a]!));
    [score, next] = [next, score];
    if (delta < 1e-4) break;
  }
  let max = 0;
  for (const s of score) max = Math.max(max, s);
  const scores = new Map<string, number>();
  for (const [w, id] of ids) scores.set(w, max > 0 ? score[id]! / max : 0);
  return topKeywords(scores, options.topK ?? 10);
}
