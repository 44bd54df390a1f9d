/**
 * npm run bench:clustering [-- --mentions 3000 --min-similarity 0.42 --merge-similarity 0.45]
 *
 * How well online clustering keeps each matter of the demo generator in one hotspot, and how
 * fast it runs, without a database: the demo mentions (apps/api/src/seed/demo-mentions.ts, each
 * written about a known matter) are analysed and assigned by `HotspotIndex` in time order.
 * Prints per matter how many hotspots hold its mentions and the share of its largest one, then
 * for clustering with merging and, as the reference in the same run, without: the share of each
 * matter in its largest hotspot (weighted by mentions; 1 = no matter split), the purity of the
 * hotspots (weighted share of each hotspot's main matter; 1 = no matters mixed), and the
 * clustering rate alone (mentions per second, analysis excluded; the analysis rate is printed too).
 *
 * npm run bench:clustering -- --file FILE.xlsx|FILE.csv [--top 10]   (--top 0: every hotspot of more than one message)
 *
 * A real export instead (read as the import page reads it; no labels): its messages clustered
 * in time order, with merging and without, and the largest hotspots of each with their sizes
 * and their first titles, to judge by eye whether each is one matter. Without labels, three
 * checks stand in for them (pairs of messages within the clustering window):
 * - the same subject: pairs whose titles are alike (character-bigram Dice ≥ 0.7) — how many
 *   are in one hotspot;
 * - the same answer: when the file has the official replies (a column 答复意见 or 回复), pairs
 *   whose replies are near-duplicates once the greetings are left out (character-trigram
 *   Jaccard ≥ 0.5, at least 60 characters) and whose titles share something (Dice ≥ 0.3): an
 *   office answering two messages with one text is usually answering one matter — how many
 *   are in one hotspot;
 * - suspect pairs: in one hotspot, with titles unlike (Dice < 0.25) and replies unlike
 *   (Jaccard < 0.3): likely two matters.
 */
import { Analyzer, DEFAULT_TAXONOMY, simhashToBigInt } from '@govdesk/text-analysis';
import { DEFAULT_CLUSTER_OPTIONS, GENERIC_COMPLAINT_WORDS, HotspotIndex, mergeTargets, type ClusterMention } from '../../apps/api/src/opinion/clustering/hotspot-index';
import { analysisTextOf } from '../../apps/api/src/opinion/ingest.service';
import { DEMO_MATTER, generateDemoMentions } from '../../apps/api/src/seed/demo-mentions';
import { readFileSync } from 'node:fs';
import type { MentionInput } from '@govdesk/contracts';
import { readTable, rowsToMentions, suggestMapping } from '../../apps/api/src/opinion/import/spreadsheet';
import { arg } from './support';

const N = arg('mentions', 3000);
const MIN_SIMILARITY = arg('min-similarity', DEFAULT_CLUSTER_OPTIONS.minSimilarity);
/** Centroid similarity at which fragments merge (above 1: never); the run without merging is printed as the reference. */
const MERGE_SIMILARITY = arg('merge-similarity', DEFAULT_CLUSTER_OPTIONS.mergeSimilarity);

const sum = (xs: Iterable<number>): number => [...xs].reduce((s, v) => s + v, 0);

const FILE = process.argv.includes('--file') ? process.argv[process.argv.indexOf('--file') + 1] : undefined;
const TOP = arg('top', 10);

function clusterOptions() {
  return { ...DEFAULT_CLUSTER_OPTIONS, minSimilarity: MIN_SIMILARITY, genericWords: new Set([...GENERIC_COMPLAINT_WORDS, ...DEFAULT_TAXONOMY.flatMap((c) => c.keywords)]) };
}

function toCluster(analyzer: Analyzer, m: MentionInput): ClusterMention {
  const a = analyzer.analyze(analysisTextOf(m));
  return { publishedAt: Date.parse(m.publishedAt), simhash: simhashToBigInt(a.simhash), keywords: a.keywords, places: a.places.map((p) => p.name), category: a.category?.code ?? null };
}

async function realFile(file: string): Promise<void> {
  const table = await readTable(readFileSync(file), file);
  const rows = rowsToMentions(table.rows, suggestMapping(table.columns), 'message_board');
  const replyColumn = table.columns.find((c) => /答复意见|回复/.test(c));
  const replyOf = new Map<MentionInput, string>();
  rows.forEach((r, i) => r.input && replyColumn && replyOf.set(r.input, String(table.rows[i]!.cells[replyColumn] ?? '')));
  const mentions = rows.flatMap((r) => (r.input ? [r.input] : [])).sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
  const analyzer = new Analyzer();
  const prepared = mentions.map((m) => ({ cluster: toCluster(analyzer, m), matter: '' }));
  console.log(`bench:clustering — ${file}: ${mentions.length} messages (${rows.length - mentions.length} rows unreadable), minSimilarity ${MIN_SIMILARITY}; node ${process.version}`);
  for (const mergeSimilarity of [MERGE_SIMILARITY, Number.POSITIVE_INFINITY]) {
    const index = new HotspotIndex({ ...clusterOptions(), mergeSimilarity });
    let next = 0;
    const assigned = prepared.map((p) => index.assign(p.cluster, () => `h${next++}`).hotspotId);
    const merges = index.takeMerges();
    const target = mergeTargets(merges);
    const members = new Map<string, MentionInput[]>();
    assigned.forEach((id, i) => members.set(target(id), [...(members.get(target(id)) ?? []), mentions[i]!]));
    const largest = [...members.values()].sort((a, b) => b.length - a.length);
    console.log(`\n${Number.isFinite(mergeSimilarity) ? `merging at ${mergeSimilarity}` : 'without merging'}: ${members.size} hotspots, ${merges.length} merges, ${largest.filter((m) => m.length > 1).length} with more than one message`);
    printPairChecks(mentions, assigned.map(target), replyColumn ? (m) => replyOf.get(m) ?? '' : null);
    largest.slice(0, TOP > 0 ? TOP : largest.filter((x) => x.length > 1).length).forEach((m, i) => {
      const titles = m.map((x) => `${x.publishedAt.slice(0, 10)} ${x.title ?? x.content.slice(0, 40)}`);
      console.log(`${String(i + 1).padStart(3)}. ${m.length} messages\n       ${titles.slice(0, 4).join('\n       ')}${m.length > 4 ? `\n       … ${m.length - 4} more` : ''}`);
    });
  }
}

const grams = (text: string, n: number): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) out.add(text.slice(i, i + n));
  return out;
};
function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const g of a) if (b.has(g)) n++;
  return n;
}
const dice = (a: Set<string>, b: Set<string>): number => (2 * overlap(a, b)) / (a.size + b.size || 1);
const jaccard = (a: Set<string>, b: Set<string>): number => overlap(a, b) / (a.size + b.size - overlap(a, b) || 1);
/** A reply without what every reply says (greeting, receipt, thanks, date) and white space. */
const replyBody = (reply: string): string =>
  reply
    .replace(/网友[：:]?\s*您好[！!，,。]?|您的留言已?收悉[。，,]?|现将有关情况(回复|答复)如下[：:]?|感谢您对我们工作的(关心|支持|理解)[^。]*。?|\d{4}年\d{1,2}月\d{1,2}日/g, '')
    .replace(/\s+/g, '');

/** The label-free checks of a real export (see the top of this file). */
function printPairChecks(mentions: MentionInput[], hotspotOf: string[], replyOf: ((m: MentionInput) => string) | null): void {
  const titles = mentions.map((m) => grams((m.title ?? m.content.slice(0, 40)).replace(/\s+/g, ''), 2));
  const replies = replyOf ? mentions.map((m) => replyBody(replyOf(m))) : null;
  const replyGrams = replies?.map((r) => grams(r, 3)) ?? null;
  const times = mentions.map((m) => Date.parse(m.publishedAt));
  const window = DEFAULT_CLUSTER_OPTIONS.windowMs;
  const count = { subject: 0, subjectTogether: 0, answer: 0, answerTogether: 0, together: 0, suspect: 0 };
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length && times[j]! - times[i]! <= window; j++) {
      const together = hotspotOf[i] === hotspotOf[j];
      const titleDice = dice(titles[i]!, titles[j]!);
      const replyJaccard = replyGrams ? jaccard(replyGrams[i]!, replyGrams[j]!) : 0;
      if (titleDice >= 0.7) {
        count.subject++;
        if (together) count.subjectTogether++;
      }
      if (replies && replies[i]!.length >= 60 && replies[j]!.length >= 60 && replyJaccard >= 0.5 && titleDice >= 0.3) {
        count.answer++;
        if (together) count.answerTogether++;
      }
      if (together) {
        count.together++;
        if (titleDice < 0.25 && (!replyGrams || replyJaccard < 0.3)) count.suspect++;
      }
    }
  }
  const share = (a: number, b: number) => `${a} of ${b}${b ? ` (${(a / b).toFixed(2)})` : ''}`;
  console.log(`  pairs with alike titles in one hotspot: ${share(count.subjectTogether, count.subject)}`);
  if (replies) console.log(`  pairs answered with one reply in one hotspot: ${share(count.answerTogether, count.answer)}`);
  console.log(`  pairs in one hotspot: ${count.together}, of them suspect (titles${replies ? ' and replies' : ''} unlike): ${count.suspect}`);
}

function main(): void {
  const analyzer = new Analyzer();
  const mentions = generateDemoMentions({ seed: 7, now: new Date('2026-11-20T08:00:00Z'), days: 14, count: N });
  const started = performance.now();
  const prepared: { cluster: ClusterMention; matter: string }[] = mentions.map((m) => ({ cluster: toCluster(analyzer, m), matter: DEMO_MATTER.get(m) ?? 'unknown' }));
  const analysisRate = N / ((performance.now() - started) / 1000);

  const options = clusterOptions();
  // The reference in the same run: the same clustering without merging. Each is run three
  // times, alternately (the first runs warm the code up); the median rate is printed.
  const configs = [
    { name: `merging at ${MERGE_SIMILARITY}`, mergeSimilarity: MERGE_SIMILARITY },
    { name: 'without merging', mergeSimilarity: Number.POSITIVE_INFINITY },
  ];
  const results = configs.map(() => [] as ReturnType<typeof cluster>[]);
  for (let round = 0; round < 3; round++) configs.forEach((c, i) => results[i]!.push(cluster(prepared, new HotspotIndex({ ...options, mergeSimilarity: c.mergeSimilarity }))));
  const runs = configs.map((c, i) => ({ name: c.name, ...results[i]![0]!, rate: results[i]!.map((r) => r.rate).sort((a, b) => a - b)[1]! }));

  console.log(`bench:clustering — ${N} demo mentions, minSimilarity ${MIN_SIMILARITY}, mergeSimilarity ${MERGE_SIMILARITY}; node ${process.version}\n`);
  const { byMatter, byHotspot } = runs[0]!;
  console.log(`${'matter'.padEnd(14)} ${'mentions'.padStart(8)} ${'hotspots'.padStart(8)}  largest share  largest five`);
  for (const [matter, hotspots] of [...byMatter].sort((a, b) => sum(b[1].values()) - sum(a[1].values()))) {
    const sizes = [...hotspots.values()].sort((a, b) => b - a);
    const total = sum(sizes);
    console.log(`${matter.padEnd(14)} ${String(total).padStart(8)} ${String(hotspots.size).padStart(8)}  ${(sizes[0]! / total).toFixed(2).padStart(13)}  ${sizes.slice(0, 5).join(', ')}`);
  }
  const mixed = [...byHotspot].filter(([, m]) => m.size > 1).sort((a, b) => sum(b[1].values()) - sum(a[1].values()));
  console.log(`\nlargest hotspots holding more than one matter:`);
  for (const [, m] of mixed.slice(0, 8)) console.log(`  ${[...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`\n${'run'.padEnd(20)} ${'in largest'.padStart(10)} ${'purity'.padStart(7)} ${'hotspots'.padStart(8)} ${'merges'.padStart(6)} ${'mentions/s'.padStart(10)}`);
  for (const r of runs) {
    const inLargest = sum([...r.byMatter.values()].map((m) => Math.max(...m.values())));
    const pure = sum([...r.byHotspot.values()].map((m) => Math.max(...m.values())));
    console.log(`${r.name.padEnd(20)} ${(inLargest / N).toFixed(3).padStart(10)} ${(pure / N).toFixed(3).padStart(7)} ${String(r.byHotspot.size).padStart(8)} ${String(r.merges).padStart(6)} ${r.rate.toFixed(0).padStart(10)}`);
  }
  console.log(`in largest: share of each matter in its largest hotspot (1 = no matter split); purity: share of each hotspot's main matter (1 = none mixed); both weighted by mentions`);
  console.log(`mentions/s: clustering alone, median of 3 runs · text analysis in the same run: ${analysisRate.toFixed(0)} mentions/s`);
}

/** Assigns the mentions in time order; each mention counted where its hotspot ended up (after merges). */
function cluster(prepared: { cluster: ClusterMention; matter: string }[], index: HotspotIndex) {
  let next = 0;
  const started = performance.now();
  const assigned = prepared.map((p) => index.assign(p.cluster, () => `h${next++}`).hotspotId);
  const rate = prepared.length / ((performance.now() - started) / 1000);
  const merges = index.takeMerges();
  const target = mergeTargets(merges);
  const byMatter = new Map<string, Map<string, number>>();
  const byHotspot = new Map<string, Map<string, number>>();
  const count = (map: Map<string, Map<string, number>>, outer: string, inner: string) => {
    const m = map.get(outer) ?? new Map<string, number>();
    m.set(inner, (m.get(inner) ?? 0) + 1);
    map.set(outer, m);
  };
  assigned.forEach((id, i) => {
    const hotspot = target(id);
    count(byMatter, prepared[i]!.matter, hotspot);
    count(byHotspot, hotspot, prepared[i]!.matter);
  });
  return { byMatter, byHotspot, merges: merges.length, rate };
}

if (FILE) void realFile(FILE);
else main();
