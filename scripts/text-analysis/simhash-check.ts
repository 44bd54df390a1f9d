/**
 * How far apart the SimHash of `analyzeText` puts near-duplicates and unrelated texts, on
 * Weibo posts of ../shared/data/sentiment/weibo2018-train.txt (the first 1,000 longer than 30
 * characters): each post against five light edits of itself (a "转发：" prefix, an added
 * question, changed punctuation, the last tenth cut, the first three characters cut) and
 * against another post. Guides the distance the hotspot clustering treats as a duplicate.
 * `SWC_NODE_PROJECT=scripts/text-analysis/tsconfig.json node -r @swc-node/register scripts/text-analysis/simhash-check.ts`
 */
import { readFileSync } from 'node:fs';
import { defaultAnalyzer } from '../../libs/text-analysis/src/analyzer';
import { normalizeText } from '../../libs/text-analysis/src/normalize';
import { SENTIMENT_CORPORA } from '../../libs/text-analysis/src/sentiment/corpus';
import { hammingDistance } from '../../libs/text-analysis/src/simhash';
import { sharedDataFile } from './shared-data';

const EDITS: [string, (t: string) => string][] = [
  ['转发 prefix', (t) => `转发：${t}`],
  ['added question', (t) => `${t} 大家怎么看？`],
  ['punctuation', (t) => t.replace(/，/g, ',').replace(/。/g, '！')],
  ['last tenth cut', (t) => t.slice(0, Math.floor(t.length * 0.9))],
  ['first 3 cut', (t) => t.slice(3)],
];

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

function main(): void {
  const weibo = SENTIMENT_CORPORA[0]!;
  const texts = weibo
    .parse(readFileSync(sharedDataFile(`sentiment/${weibo.file}`, 'the SimHash check'), 'utf8'))
    .map((r) => normalizeText(r.text).text)
    .filter((t) => t.length > 30)
    .slice(0, 1000);
  const analyzer = defaultAnalyzer();
  const hash = (t: string) => analyzer.analyze(t).simhash;
  const near: number[] = [];
  const byEdit = new Map<string, number[]>();
  const unrelated: number[] = [];
  texts.forEach((t, i) => {
    const h = hash(t);
    for (const [name, edit] of EDITS) {
      const d = hammingDistance(h, hash(edit(t)));
      near.push(d);
      byEdit.set(name, [...(byEdit.get(name) ?? []), d]);
    }
    unrelated.push(hammingDistance(h, hash(texts[(i * 7 + 13) % texts.length]!)));
  });
  console.log(`${texts.length} Weibo posts, 64-bit SimHash distances`);
  for (const [name, d] of byEdit) console.log(`  ${name.padEnd(15)} median ${quantile(d, 0.5)}, 90th percentile ${quantile(d, 0.9)}`);
  console.log(`  all edits       median ${quantile(near, 0.5)}, 90th percentile ${quantile(near, 0.9)}`);
  console.log(`  unrelated       1st percentile ${quantile(unrelated, 0.01)}, 5th ${quantile(unrelated, 0.05)}, median ${quantile(unrelated, 0.5)}`);
  for (const limit of [3, 6, 10, 12]) {
    const n = near.filter((d) => d <= limit).length / near.length;
    const u = unrelated.filter((d) => d <= limit).length / unrelated.length;
    console.log(`  distance ≤ ${String(limit).padStart(2)}: ${(n * 100).toFixed(1)}% of edits, ${(u * 100).toFixed(1)}% of unrelated pairs`);
  }
}

main();
