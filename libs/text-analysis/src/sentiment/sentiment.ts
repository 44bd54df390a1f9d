/**
 * Sentiment of a Chinese text: `label` negative, neutral or positive and `score` in
 * [-1, 1], below 0 negative. The statistical model's log-odds (trained on Weibo posts and
 * reviews) plus the lexicon of complaint language, squashed with tanh; texts with little
 * evidence either way fall in a neutral band and score 0.
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
  /** lexicon score (before its weight) */
  lexicon: number;
}

/** Lexicon scores beyond ±LEXICON_CAP count little more (a rant of twenty complaint words). */
const LEXICON_CAP = 4;

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
    const text = input.text.toLowerCase();
    if (!text && input.emoticons.length === 0) return { label: 'neutral', score: 0, model: 0, lexicon: 0 };
    const model = modelLogit(this.model, featuresOfInput(input, this.model.bits));
    const lexicon = this.lexicon.score(text, input.emoticons);
    const capped = LEXICON_CAP * Math.tanh(lexicon / LEXICON_CAP);
    const raw = Math.tanh((model + this.model.lexiconWeight * capped) / 2);
    const band = this.model.neutralBand;
    const score = Math.abs(raw) <= band ? 0 : round4((Math.sign(raw) * (Math.abs(raw) - band)) / (1 - band)) || 0;
    const label: SentimentLabel = score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral';
    return { label, score, model: round4(model), lexicon: round4(lexicon) };
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
