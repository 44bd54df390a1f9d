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
  /** weight of the lexicon score added to the model's log-odds */
  lexiconWeight: number;
  /** |tanh(z/2)| below this is neutral (score 0) */
  neutralBand: number;
  /** where it was trained from, for the record */
  sources: readonly string[];
  /** base64 of the deflate-raw bytes */
  weights: string;
}

export interface LinearSentimentModel {
  bits: number;
  bias: number;
  weights: Float32Array;
  lexiconWeight: number;
  neutralBand: number;
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

export function dequantize(bytes: Int8Array, scale: number): Float32Array {
  const table = new Float32Array(256);
  for (let q = -128; q < 128; q++) table[q + 128] = Math.sign(q) * (q / 127) ** 2 * scale;
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
    weights: dequantize(bytes, encoded.scale),
    lexiconWeight: encoded.lexiconWeight,
    neutralBand: encoded.neutralBand,
  };
}

/** The model's log-odds of "not negative" for a feature set: bias + Σ w / √n. */
export function modelLogit(model: LinearSentimentModel, features: Uint32Array): number {
  if (features.length === 0) return model.bias;
  let sum = 0;
  for (let i = 0; i < features.length; i++) sum += model.weights[features[i]!]!;
  return model.bias + sum / Math.sqrt(features.length);
}
