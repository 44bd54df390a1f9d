/**
 * Similarity of two short Chinese texts by their character bigrams (Dice coefficient), after
 * normalisation and with stop characters and boilerplate of applications removed. Robust for
 * Chinese without segmentation; good for "is this the same ask?" on one-sentence descriptions.
 */
import { toHalfWidth } from './normalize';

const BOILERPLATE = /申请公开|请求公开|要求公开|申请|公开|信息|政府|关于|有关|相关|情况|文件/g;
const NOISE = /[\s\p{P}\p{S}的了和及与或等在对为是]/gu;

export function bigrams(text: string): Map<string, number> {
  const chars = Array.from(toHalfWidth(text).toLowerCase().replace(BOILERPLATE, ' ').replace(NOISE, ''));
  const grams = new Map<string, number>();
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** 0 (nothing shared) … 1 (same bigrams). */
export function textSimilarity(a: string | Map<string, number>, b: string | Map<string, number>): number {
  const x = typeof a === 'string' ? bigrams(a) : a;
  const y = typeof b === 'string' ? bigrams(b) : b;
  let sizeX = 0;
  let sizeY = 0;
  let shared = 0;
  for (const n of x.values()) sizeX += n;
  for (const [g, n] of y) {
    sizeY += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return sizeX + sizeY === 0 ? 0 : (2 * shared) / (sizeX + sizeY);
}
