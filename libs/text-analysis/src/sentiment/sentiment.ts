/**
 * Sentiment of a Chinese text: `label` negative, neutral or positive and `score` in
 * [-1, 1], below 0 negative. The statistical model's log-odds (trained on Weibo posts and
 * reviews) plus the weighted scores of the lexicon of complaint language and of the
 * emoticons, squashed with tanh; texts with little evidence either way fall in a neutral band
 * and score exactly 0, so `label` and the sign of `score` always agree.
 */
import { normalizeText } from '../normalize';
import { defaultSegmenter, type Segmenter } from '../segmenter';
import { SENTIMENT_MODEL } from '../model/sentiment-model';
import { featuresOfInput, type SentimentInput } from './features';
import { LexiconScorer, type LexiconOptions } from './lexicon-scorer';
import { decodeModel, modelLogit, type LinearSentimentModel } from './model';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 … 1; below 0 negative, 0 neutral */
  score: number;
}

export interface SentimentDetail extends SentimentResult {
  /** log-odds from the statistical model */
  model: number;
  /** text lexicon score (before its weight) */
  lexicon: number;
  /** emoticon polarity (before its weight) */
  emoticons: number;
}

/** Lexicon scores beyond ±LEXICON_CAP count little more (a rant of twenty complaint words). */
const LEXICON_CAP = 4;

function cap(x: number): number {
  return LEXICON_CAP * Math.tanh(x / LEXICON_CAP);
}

/** Normalises a raw text (keeping its emoticons) and cuts it. */
export function sentimentInputOf(raw: string, segmenter: Segmenter = defaultSegmenter()): SentimentInput {
  const normalized = normalizeText(raw);
  return { text: normalized.text, tokens: segmenter.cut(normalized.text), emoticons: normalized.emoticons };
}

let decoded: LinearSentimentModel | undefined;

/** The committed model, decoded on first use. */
export function defaultSentimentModel(): LinearSentimentModel {
  return (decoded ??= decodeModel(SENTIMENT_MODEL));
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export class SentimentAnalyzer {
  private readonly model: LinearSentimentModel;
  private lexicon: LexiconScorer;

  constructor(options: { model?: LinearSentimentModel; lexicon?: LexiconOptions } = {}) {
    this.model = options.model ?? defaultSentimentModel();
    this.lexicon = new LexiconScorer(options.lexicon);
  }

  setLexicon(options: LexiconOptions): void {
    this.lexicon = new LexiconScorer(options);
  }

  /** Sentiment from parts the caller has already computed (see `Analyzer`). */
  analyzeParts(input: SentimentInput): SentimentDetail {
    if (!input.text && input.emoticons.length === 0) return { label: 'neutral', score: 0, model: 0, lexicon: 0, emoticons: 0 };
    const model = modelLogit(this.model, featuresOfInput(input, this.model.bits));
    const lexicon = this.lexicon.textScore(input.text.toLowerCase());
    const emoticons = this.lexicon.emoticonScore(input.emoticons);
    const raw = Math.tanh((model + this.model.lexiconWeight * cap(lexicon) + this.model.emoticonWeight * cap(emoticons)) / 2);
    const { neutralBelow: below, neutralAbove: above } = this.model;
    const score = raw >= above ? round4((raw - above) / (1 - above)) : raw <= -below ? round4((raw + below) / (1 - below)) || 0 : 0;
    const label: SentimentLabel = score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';
    return { label, score, model: round4(model), lexicon: round4(lexicon), emoticons: round4(emoticons) };
  }

  /** Sentiment of a raw text (Weibo markup, URLs and @-mentions allowed). */
  analyze(raw: string, segmenter: Segmenter = defaultSegmenter()): SentimentDetail {
    return this.analyzeParts(sentimentInputOf(raw, segmenter));
  }
}

let shared: SentimentAnalyzer | undefined;

/** Sentiment with the committed model and the default lexicon. */
export function analyzeSentiment(text: string): SentimentResult {
  const { label, score } = (shared ??= new SentimentAnalyzer()).analyze(text);
  return { label, score };
}
