/**
 * Small, fast non-cryptographic hashes over UTF-16 code units, used for feature hashing
 * (sentiment model) and SimHash. Stable across runs and platforms: the committed sentiment
 * model depends on them, so changing one means retraining (`npm run train:sentiment`).
 */

/** Final avalanche of MurmurHash3 (fmix32). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the code units of `text`, seeded, then avalanched. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Hash of a pair of code points (character bigram) without building a string. */
export function hashPair(a: number, b: number, seed: number): number {
  return mix32(Math.imul(a ^ seed, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77));
}
