/**
 * Features of the statistical sentiment model, shared by training
 * (scripts/text-analysis/train-sentiment.ts) and analysis, so both see the same thing:
 * the words jieba cuts, single characters and character bigrams of the normalised text
 * (robust where segmentation is not), and the Weibo emoticons of the raw text. Each is hashed
 * into 2^bits buckets; a text's features are a sorted set of bucket numbers (presence, not
 * counts).
 */
import { hashPair, hashString, mix32 } from '../hash';

const SEED_WORD = 0x57a1;
const SEED_CHAR = 0x3c11;
const SEED_BIGRAM = 0x2b9d;
const SEED_EMOTICON = 0x6e07;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/**
 * @param text normalised text (see `normalizeText`), lower-cased
 * @param tokens jieba tokens of `text`
 * @param emoticons emoticon names of the raw text (`[怒]` → `怒`)
 */
export function sentimentFeatures(text: string, tokens: readonly string[], emoticons: readonly string[], bits: number): Uint32Array {
  const mask = (1 << bits) - 1;
  const out: number[] = [];
  for (const t of tokens) out.push(hashString(t, SEED_WORD) & mask);
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      prev = -1;
      continue;
    }
    out.push(mix32(c ^ SEED_CHAR) & mask);
    if (prev >= 0) out.push(hashPair(prev, c, SEED_BIGRAM) & mask);
    prev = c;
  }
  for (const e of emoticons) out.push(hashString(e, SEED_EMOTICON) & mask);
  const sorted = Uint32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** What the analysis of a text already has: its normalised text, jieba tokens and emoticons. */
export interface SentimentInput {
  text: string;
  tokens: readonly string[];
  emoticons: readonly string[];
}

/** Features of prepared input, lower-cased the way training saw them. */
export function featuresOfInput(input: SentimentInput, bits: number): Uint32Array {
  return sentimentFeatures(
    input.text.toLowerCase(),
    input.tokens.map((t) => t.toLowerCase()),
    input.emoticons,
    bits,
  );
}
