/**
 * Features of the statistical sentiment model, shared by training
 * (scripts/text-analysis/train-sentiment.ts) and analysis, so both see the same thing:
 * the words jieba cuts, single characters and character bigrams of the normalised text
 * (robust where segmentation is not), and the Weibo emoticons of the raw text. Each is hashed
 * into 2^bits buckets; a text's features are the set of its bucket numbers (presence, not
 * counts). Order does not matter to the model.
 */
import { hashPair, hashString, mix32 } from '../hash';

const SEED_WORD = 0x57a1;
const SEED_CHAR = 0x3c11;
const SEED_BIGRAM = 0x2b9d;
const SEED_EMOTICON = 0x6e07;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/** Marks of the buckets already taken by the current text (a generation number per bucket, one byte keeps the table small and cached). */
let marks = new Uint8Array(0);
let generation = 0;

/**
 * @param text normalised text (see `normalizeText`), lower-cased
 * @param tokens jieba tokens of `text`, lower-cased
 * @param emoticons emoticon names of the raw text (`[怒]` → `怒`)
 * @returns the distinct buckets, in order of first appearance
 */
export function sentimentFeatures(text: string, tokens: readonly string[], emoticons: readonly string[], bits: number): Uint32Array {
  const mask = (1 << bits) - 1;
  if (marks.length !== 1 << bits) {
    marks = new Uint8Array(1 << bits);
    generation = 0;
  }
  if (++generation === 256) {
    marks.fill(0);
    generation = 1;
  }
  const g = generation;
  const out = new Uint32Array(tokens.length + 2 * text.length + emoticons.length);
  let n = 0;
  const add = (f: number): void => {
    if (marks[f] !== g) {
      marks[f] = g;
      out[n++] = f;
    }
  };
  for (let i = 0; i < tokens.length; i++) add(hashString(tokens[i]!, SEED_WORD) & mask);
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      prev = -1;
      continue;
    }
    add(mix32(c ^ SEED_CHAR) & mask);
    if (prev >= 0) add(hashPair(prev, c, SEED_BIGRAM) & mask);
    prev = c;
  }
  for (let i = 0; i < emoticons.length; i++) add(hashString(emoticons[i]!, SEED_EMOTICON) & mask);
  return out.subarray(0, n);
}

/** What the analysis of a text already has: its normalised text, jieba tokens and emoticons. */
export interface SentimentInput {
  text: string;
  tokens: readonly string[];
  emoticons: readonly string[];
}

const UPPER = /[A-Z\u00c0-\u024f\u0391-\u03a9\u0410-\u042f\uff21-\uff3a]/;

/** Features of prepared input, lower-cased the way training saw them. */
export function featuresOfInput(input: SentimentInput, bits: number): Uint32Array {
  // most Chinese texts have no capital letter: skip lower-casing every token then
  const upper = UPPER.test(input.text);
  return sentimentFeatures(upper ? input.text.toLowerCase() : input.text, upper ? input.tokens.map((t) => t.toLowerCase()) : input.tokens, input.emoticons, bits);
}
