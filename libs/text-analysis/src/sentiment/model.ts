/**
 * The statistical half of sentiment: a linear model over hashed features (see features.ts),
 * trained as NB-weighted logistic regression (NBSVM, Wang & Manning 2012) by
 * scripts/text-analysis/train-sentiment.ts. Stored as one signed byte per bucket (square-root
 * companding keeps small weights), deflated and base64-encoded in model/sentiment-model.ts
 * so that it is compiled and shipped with the code.
 */
import { inflateRawSync } from 'node:zlib';

export interface EncodedSentimentModel {
  format: 1;
  /** number of hash buckets is 2^bits */
  bits: number;
  /** log-odds of a text with no features */
  bias: number;
  /** largest absolute weight; byte q decodes to sign(q)·(q/127)²·scale */
  scale: number;
  /** weight of the text lexicon's score added to the model's log-odds */
  lexiconWeight: number;
  /** weight of the emoticons' polarity added to the model's log-odds */
  emoticonWeight: number;
  /**
   * tanh(z/2) in (−neutralBelow, neutralAbove) is neutral (score 0). Wider above zero: the
   * training data label texts negative or not, so calm texts lean slightly positive.
   */
  neutralBelow: number;
  neutralAbove: number;
  /** where it was trained from, for the record */
  sources: readonly string[];
  /** base64 of the deflate-raw bytes */
  weights: string;
}

export interface LinearSentimentModel {
  bits: number;
  bias: number;
  /** one byte per bucket (1 MiB for 2^20: small enough to stay in cache); `table` decodes them */
  weights: Int8Array;
  /** weight of byte q at index q + 128 */
  table: Float32Array;
  lexiconWeight: number;
  emoticonWeight: number;
  neutralBelow: number;
  neutralAbove: number;
}

export function quantize(weights: Float32Array | Float64Array): { bytes: Int8Array; scale: number } {
  let scale = 0;
  for (const w of weights) scale = Math.max(scale, Math.abs(w));
  const bytes = new Int8Array(weights.length);
  if (scale === 0) return { bytes, scale: 1 };
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    bytes[i] = Math.sign(w) * Math.round(Math.sqrt(Math.abs(w) / scale) * 127);
  }
  return { bytes, scale };
}

export function dequantizationTable(scale: number): Float32Array {
  const table = new Float32Array(256);
  for (let q = -128; q < 128; q++) table[q + 128] = Math.sign(q) * (q / 127) ** 2 * scale;
  return table;
}

export function dequantize(bytes: Int8Array, scale: number): Float32Array {
  const table = dequantizationTable(scale);
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i]! + 128]!;
  return out;
}

export function decodeModel(encoded: EncodedSentimentModel): LinearSentimentModel {
  const raw = inflateRawSync(Buffer.from(encoded.weights, 'base64'));
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes.length !== 1 << encoded.bits) throw new Error(`sentiment model: ${bytes.length} weights, expected 2^${encoded.bits}`);
  return {
    bits: encoded.bits,
    bias: encoded.bias,
    weights: bytes,
    table: dequantizationTable(encoded.scale),
    lexiconWeight: encoded.lexiconWeight,
    emoticonWeight: encoded.emoticonWeight,
    neutralBelow: encoded.neutralBelow,
    neutralAbove: encoded.neutralAbove,
  };
}

/** The model's log-odds of "not negative" for a feature set: bias + Σ w / √n. */
export function modelLogit(model: LinearSentimentModel, features: Uint32Array): number {
  if (features.length === 0) return model.bias;
  const { weights, table } = model;
  let sum = 0;
  for (let i = 0; i < features.length; i++) sum += table[weights[features[i]!]! + 128]!;
  return model.bias + sum / Math.sqrt(features.length);
}
