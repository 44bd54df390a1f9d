/**
 * The one call the opinion pipeline makes per mention: `analyzeText(text)` answers
 * `{sentiment, keywords, category, places, flags, simhash}`, the body of
 * `POST /api/opinion/analyze`. The text is normalised and segmented once; everything else
 * works on that. An `Analyzer` holds what admins edit (user dictionary, stop words,
 * taxonomy, sensitive words, sentiment lexicon) and can replace each at run time.
 */
import { DEFAULT_USER_DICTIONARY, type UserDictionaryEntry } from './dictionary/user-dictionary';
import { IdfTable, textRankKeywords, tfidfWeights, topKeywords, type Keyword } from './keywords';
import { normalizeText } from './normalize';
import { PlaceFinder, type PlaceMention } from './places';
import { Segmenter, toWellFormed } from './segmenter';
import { DEFAULT_SENSITIVE_WORDS, SensitiveWordFlagger, type SensitiveFlag, type SensitiveWordGroup } from './sensitive-words';
import type { LexiconOptions } from './sentiment/lexicon-scorer';
import { SentimentAnalyzer, type SentimentResult } from './sentiment/sentiment';
import { simhash } from './simhash';
import { DEFAULT_TAXONOMY } from './taxonomy/default-taxonomy';
import { Categorizer, type CategoryMatch, type TaxonomyCategory } from './taxonomy/taxonomy';

export interface TextAnalysis {
  sentiment: SentimentResult;
  /** best first; weight is TF-IDF (or TextRank, 0 … 1) */
  keywords: Keyword[];
  category: CategoryMatch | null;
  places: PlaceMention[];
  flags: SensitiveFlag[];
  /** 64-bit SimHash as 16 hex digits (see `simhashToBigInt`, `hammingDistance`) */
  simhash: string;
}

export interface AnalyzerOptions {
  userDictionary?: readonly UserDictionaryEntry[];
  stopWords?: Iterable<string>;
  taxonomy?: readonly TaxonomyCategory[];
  sensitiveWords?: readonly SensitiveWordGroup[];
  lexicon?: LexiconOptions;
  /** `tfidf` (default) or `textrank` */
  keywordMethod?: 'tfidf' | 'textrank';
  /** number of keywords (default 8) */
  topK?: number;
  /** characters analysed from the start of a longer text (default 10,000) */
  maxChars?: number;
}

/**
 * IDF given to user-dictionary words that jieba's table does not know: local names are rare
 * in general text and specific to a matter, like the rarest words of the table.
 */
const LOCAL_NAME_IDF = 12;

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export class Analyzer {
  readonly segmenter: Segmenter;
  private readonly idf: IdfTable;
  private readonly sentiment: SentimentAnalyzer;
  private categorizer: Categorizer;
  private flagger: SensitiveWordFlagger;
  private placeFinder: PlaceFinder;
  private idfBoost: Map<string, number>;
  private readonly keywordMethod: 'tfidf' | 'textrank';
  private readonly topK: number;
  private readonly maxChars: number;

  constructor(options: AnalyzerOptions = {}) {
    this.segmenter = new Segmenter({ userDictionary: options.userDictionary ?? DEFAULT_USER_DICTIONARY, ...(options.stopWords ? { stopWords: options.stopWords } : {}) });
    this.idf = IdfTable.default();
    this.sentiment = new SentimentAnalyzer(options.lexicon ? { lexicon: options.lexicon } : {});
    this.categorizer = new Categorizer(options.taxonomy ?? DEFAULT_TAXONOMY);
    this.flagger = new SensitiveWordFlagger(options.sensitiveWords ?? DEFAULT_SENSITIVE_WORDS);
    this.placeFinder = new PlaceFinder(this.segmenter.userDictionary);
    this.idfBoost = this.boostOf(this.segmenter.userDictionary);
    this.keywordMethod = options.keywordMethod ?? 'tfidf';
    this.topK = options.topK ?? 8;
    this.maxChars = options.maxChars ?? 10_000;
  }

  private boostOf(dictionary: readonly UserDictionaryEntry[]): Map<string, number> {
    const boost = new Map<string, number>();
    for (const e of dictionary) {
      const word = e.word.toLowerCase();
      if (!this.idf.has(word)) boost.set(word, LOCAL_NAME_IDF);
    }
    return boost;
  }

  /** Replaces the user dictionary (segmentation and places). */
  setUserDictionary(words: readonly UserDictionaryEntry[]): void {
    this.segmenter.setUserDictionary(words);
    this.placeFinder = new PlaceFinder(this.segmenter.userDictionary);
    this.idfBoost = this.boostOf(this.segmenter.userDictionary);
  }

  get userDictionary(): readonly UserDictionaryEntry[] {
    return this.segmenter.userDictionary;
  }

  setStopWords(words: Iterable<string>): void {
    this.segmenter.setStopWords(words);
  }

  setTaxonomy(taxonomy: readonly TaxonomyCategory[]): void {
    this.categorizer = new Categorizer(taxonomy);
  }

  get taxonomy(): readonly TaxonomyCategory[] {
    return this.categorizer.taxonomy;
  }

  setSensitiveWords(groups: readonly SensitiveWordGroup[]): void {
    this.flagger = new SensitiveWordFlagger(groups);
  }

  get sensitiveWords(): readonly SensitiveWordGroup[] {
    return this.flagger.groups;
  }

  setLexicon(lexicon: LexiconOptions): void {
    this.sentiment.setLexicon(lexicon);
  }

  /** Keywords of a text alone (the same words `analyze` reports, or TextRank's). */
  keywords(raw: string, options: { method?: 'tfidf' | 'textrank'; topK?: number } = {}): Keyword[] {
    const normalized = normalizeText(toWellFormed(raw.length > this.maxChars ? raw.slice(0, this.maxChars) : raw));
    const text = normalized.topics.length ? `${normalized.text} ${normalized.topics.join(' ')}` : normalized.text;
    const words = this.segmenter.words(text);
    const topK = options.topK ?? this.topK;
    const keywords = (options.method ?? this.keywordMethod) === 'textrank' ? textRankKeywords(words, { topK }) : topKeywords(tfidfWeights(words, this.idf, { boost: this.idfBoost }), topK);
    return keywords.map((k) => ({ word: k.word, weight: round(k.weight) }));
  }

  analyze(raw: string): TextAnalysis {
    const input = toWellFormed(raw.length > this.maxChars ? raw.slice(0, this.maxChars) : raw);
    const normalized = normalizeText(input);
    const tokens = this.segmenter.cut(normalized.text);
    // topics ({%…%}: hashtags, places) describe what a post is about, not how it feels
    const topicText = normalized.topics.join(' ');
    const topicTokens = topicText ? this.segmenter.cut(topicText) : [];
    const words = this.segmenter.contentWords(topicTokens.length ? tokens.concat(topicTokens) : tokens);
    const weights = tfidfWeights(words, this.idf, { boost: this.idfBoost });
    const keywords =
      this.keywordMethod === 'textrank'
        ? textRankKeywords(words, { topK: this.topK })
        : topKeywords(weights, this.topK);
    const about = topicText ? `${normalized.text} ${topicText}` : normalized.text;
    const { label, score } = this.sentiment.analyzeParts({ text: normalized.text, tokens, emoticons: normalized.emoticons });
    return {
      sentiment: { label, score },
      keywords: keywords.map((k) => ({ word: k.word, weight: round(k.weight) })),
      category: this.categorizer.categorize(about),
      places: this.placeFinder.find(about),
      flags: this.flagger.flag(about),
      simhash: simhash(weights).hex,
    };
  }
}

let shared: Analyzer | undefined;

/** The analyzer with the default dictionary, taxonomy and lists, created on first use (about 1 s). */
export function defaultAnalyzer(): Analyzer {
  return (shared ??= new Analyzer());
}

/** Analysis of one text with the default analyzer. */
export function analyzeText(text: string): TextAnalysis {
  return defaultAnalyzer().analyze(text);
}
