/**
 * Lexicon score of a text: the sum of the weights of the lexicon phrases it contains, each
 * reversed by a negation word just before it (不满意, 没有污染) and scaled by a degree word
 * (非常满意, 有点臭), plus the polarity of its Weibo emoticons.
 */
import { PhraseMatcher } from '../phrase-matcher';
import { DEFAULT_SENTIMENT_LEXICON, DEGREE_WORDS, EMOTICON_POLARITY, NEGATION_WORDS, type LexiconEntry } from './lexicon';

/** How far before a phrase (in characters) negation and degree words count. */
const LOOK_BACK = 4;
/** A clause ends at punctuation: negation does not reach across it. */
const CLAUSE_END = /[,.!?;:，。！？；：、…~～\s]/;

export interface LexiconHit {
  word: string;
  weight: number;
  negated: boolean;
  degree: number;
  contribution: number;
}

export interface LexiconOptions {
  lexicon?: readonly LexiconEntry[];
  negations?: readonly string[];
  degrees?: Readonly<Record<string, number>>;
  emoticons?: Readonly<Record<string, number>>;
}

type Modifier = { kind: 'negation' } | { kind: 'degree'; factor: number };

export class LexiconScorer {
  private readonly phrases: PhraseMatcher<number>;
  private readonly modifiers: PhraseMatcher<Modifier>;
  private readonly emoticons: ReadonlyMap<string, number>;

  constructor(options: LexiconOptions = {}) {
    this.phrases = new PhraseMatcher((options.lexicon ?? DEFAULT_SENTIMENT_LEXICON).map((e) => [e.word, e.weight] as const));
    const modifiers: [string, Modifier][] = [];
    for (const [word, factor] of Object.entries(options.degrees ?? DEGREE_WORDS)) modifiers.push([word, { kind: 'degree', factor }]);
    for (const word of options.negations ?? NEGATION_WORDS) modifiers.push([word, { kind: 'negation' }]);
    this.modifiers = new PhraseMatcher(modifiers);
    this.emoticons = new Map(Object.entries(options.emoticons ?? EMOTICON_POLARITY));
  }

  /** Phrases found in `text` with their contributions. */
  hits(text: string): LexiconHit[] {
    const hits: LexiconHit[] = [];
    let previousEnd = 0;
    for (const m of this.phrases.findLongest(text)) {
      let from = Math.max(previousEnd, m.start - LOOK_BACK);
      for (let i = m.start - 1; i >= from; i--) {
        if (CLAUSE_END.test(text[i]!)) {
          from = i + 1;
          break;
        }
      }
      let negated = false;
      let degree = 1;
      if (from < m.start) {
        for (const mod of this.modifiers.findLongest(text.slice(from, m.start))) {
          if (mod.value.kind === 'negation') negated = !negated;
          else degree *= mod.value.factor;
        }
      }
      // a denied complaint is faint praise (不臭), a denied praise a complaint (不满意)
      const sign = negated ? (m.value < 0 ? -0.5 : -1) : 1;
      hits.push({ word: m.phrase, weight: m.value, negated, degree, contribution: m.value * sign * degree });
      previousEnd = m.end;
    }
    return hits;
  }

  /** Sum of the phrase contributions of `text`. */
  textScore(text: string): number {
    let sum = 0;
    for (const h of this.hits(text)) sum += h.contribution;
    return sum;
  }

  /** Sum of the polarity of `emoticons` (names without brackets). */
  emoticonScore(emoticons: readonly string[]): number {
    let sum = 0;
    for (const e of emoticons) sum += this.emoticons.get(e) ?? 0;
    return sum;
  }

  /** Both together. */
  score(text: string, emoticons: readonly string[] = []): number {
    return this.textScore(text) + this.emoticonScore(emoticons);
  }
}
