/**
 * Micro benchmark of the text analysis: `analyzeText` per second on 2,000 real texts, the
 * median of 5 runs, with jieba's bare `cut` on the same texts in the same run as the
 * reference. Texts: the citizen messages of ../shared/data/gov-messages/messages-with-replies.xlsx
 * (subject and body, as a mention's title and content) and Weibo posts of
 * ../shared/data/sentiment/weibo2018-train.txt.
 * Run: `SWC_NODE_PROJECT=scripts/text-analysis/tsconfig.json node -r @swc-node/register scripts/text-analysis/bench.ts`
 * (one heavy command at a time on a shared machine: other load shows in the spread of the runs).
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { defaultAnalyzer } from '../../libs/text-analysis/src/analyzer';
import { SENTIMENT_CORPORA } from '../../libs/text-analysis/src/sentiment/corpus';
import { sharedDataFile } from './shared-data';
import { readXlsxRecords } from './xlsx';

const COUNT = 2000;
const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function rate(texts: readonly string[], fn: (text: string) => unknown): number {
  const started = process.hrtime.bigint();
  for (const t of texts) fn(t);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return texts.length / seconds;
}

function bench(name: string, texts: string[]): void {
  const analyzer = defaultAnalyzer();
  const jieba = Jieba.withDict(dict);
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  // warm up (JIT, lazy tables)
  rate(texts.slice(0, 200), (t) => analyzer.analyze(t));
  rate(texts.slice(0, 200), (t) => jieba.cut(t, true));
  const analysis: number[] = [];
  const cut: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    analysis.push(rate(texts, (t) => analyzer.analyze(t)));
    cut.push(rate(texts, (t) => jieba.cut(t, true)));
  }
  const a = median(analysis);
  const c = median(cut);
  console.log(`${name}: ${texts.length} texts, ${chars.toFixed(0)} characters on average`);
  console.log(`  analyzeText  ${a.toFixed(0).padStart(6)} texts/s  (${(1000 / a).toFixed(3)} ms each; median of ${RUNS} runs: ${analysis.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  jieba cut    ${c.toFixed(0).padStart(6)} texts/s  (${(1000 / c).toFixed(3)} ms each; median of ${RUNS} runs: ${cut.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  analysis costs ${(c / a).toFixed(1)}× a bare cut`);
}

function main(): void {
  const started = Date.now();
  defaultAnalyzer();
  console.log(`analyzer ready in ${Date.now() - started} ms (jieba dictionary, IDF table, sentiment model)`);
  const messages = readXlsxRecords(sharedDataFile('gov-messages/messages-with-replies.xlsx', 'the text-analysis benchmark'))
    .map((r) => `${String(r['留言主题'] ?? '')}\n${String(r['留言详情'] ?? '').trim()}`)
    .slice(0, COUNT);
  bench('government messages (messages-with-replies.xlsx)', messages);
  const weiboFile = SENTIMENT_CORPORA[0]!;
  const weibo = weiboFile.parse(readFileSync(sharedDataFile(`sentiment/${weiboFile.file}`, 'the text-analysis benchmark'), 'utf8')).map((r) => r.text).slice(0, COUNT);
  bench('Weibo posts (weibo2018-train.txt)', weibo);
}

main();
