/**
 * npm run bench:clustering [-- --mentions 3000 --min-similarity 0.42]
 *
 * How well online clustering keeps each matter of the demo generator in one hotspot, and how
 * fast it runs, without a database: the demo mentions (apps/api/src/seed/demo-mentions.ts, each
 * written about a known matter) are analysed and assigned by `HotspotIndex` in time order.
 * Prints per matter how many hotspots hold its mentions and the share of its largest one, then
 * two summaries: the share of each matter in its largest hotspot (weighted by mentions; 1 = no
 * matter split) and the purity of the hotspots (weighted share of each hotspot's main matter;
 * 1 = no matters mixed), and the clustering rate alone (mentions per second, analysis excluded)
 * with the analysis rate in the same run as the reference.
 */
import { Analyzer, DEFAULT_TAXONOMY, simhashToBigInt } from '@govdesk/text-analysis';
import { DEFAULT_CLUSTER_OPTIONS, GENERIC_COMPLAINT_WORDS, HotspotIndex, type ClusterMention } from '../../apps/api/src/opinion/clustering/hotspot-index';
import { analysisTextOf } from '../../apps/api/src/opinion/ingest.service';
import { DEMO_MATTER, generateDemoMentions } from '../../apps/api/src/seed/demo-mentions';
import { arg } from './support';

const N = arg('mentions', 3000);
const MIN_SIMILARITY = arg('min-similarity', DEFAULT_CLUSTER_OPTIONS.minSimilarity);

const sum = (xs: Iterable<number>): number => [...xs].reduce((s, v) => s + v, 0);

function main(): void {
  const analyzer = new Analyzer();
  const mentions = generateDemoMentions({ seed: 7, now: new Date('2026-11-20T08:00:00Z'), days: 14, count: N });
  let started = performance.now();
  const prepared: { cluster: ClusterMention; matter: string }[] = mentions.map((m) => {
    const a = analyzer.analyze(analysisTextOf(m));
    const cluster = { publishedAt: Date.parse(m.publishedAt), simhash: simhashToBigInt(a.simhash), keywords: a.keywords, places: a.places.map((p) => p.name), category: a.category?.code ?? null };
    return { cluster, matter: DEMO_MATTER.get(m) ?? 'unknown' };
  });
  const analysisRate = N / ((performance.now() - started) / 1000);

  const index = new HotspotIndex({ ...DEFAULT_CLUSTER_OPTIONS, minSimilarity: MIN_SIMILARITY, genericWords: new Set([...GENERIC_COMPLAINT_WORDS, ...DEFAULT_TAXONOMY.flatMap((c) => c.keywords)]) });
  const byMatter = new Map<string, Map<string, number>>();
  const byHotspot = new Map<string, Map<string, number>>();
  const count = (map: Map<string, Map<string, number>>, outer: string, inner: string) => {
    const m = map.get(outer) ?? new Map<string, number>();
    m.set(inner, (m.get(inner) ?? 0) + 1);
    map.set(outer, m);
  };
  let next = 0;
  started = performance.now();
  const assigned = prepared.map((p) => index.assign(p.cluster, () => `h${next++}`).hotspotId);
  const clusteringRate = N / ((performance.now() - started) / 1000);
  assigned.forEach((hotspot, i) => {
    count(byMatter, prepared[i]!.matter, hotspot);
    count(byHotspot, hotspot, prepared[i]!.matter);
  });

  console.log(`bench:clustering — ${N} demo mentions, minSimilarity ${MIN_SIMILARITY}; node ${process.version}\n`);
  console.log(`${'matter'.padEnd(14)} ${'mentions'.padStart(8)} ${'hotspots'.padStart(8)}  largest share  largest five`);
  let inLargest = 0;
  for (const [matter, hotspots] of [...byMatter].sort((a, b) => sum(b[1].values()) - sum(a[1].values()))) {
    const sizes = [...hotspots.values()].sort((a, b) => b - a);
    const total = sum(sizes);
    inLargest += sizes[0]!;
    console.log(`${matter.padEnd(14)} ${String(total).padStart(8)} ${String(hotspots.size).padStart(8)}  ${(sizes[0]! / total).toFixed(2).padStart(13)}  ${sizes.slice(0, 5).join(', ')}`);
  }
  const pure = sum([...byHotspot.values()].map((m) => Math.max(...m.values())));
  console.log(`\nshare of each matter in its largest hotspot (weighted): ${(inLargest / N).toFixed(3)} (1 = no matter split)`);
  console.log(`purity of hotspots (weighted): ${(pure / N).toFixed(3)} (1 = no matters mixed) · ${byHotspot.size} hotspots`);
  console.log(`clustering alone: ${clusteringRate.toFixed(0)} mentions/s · text analysis in the same run: ${analysisRate.toFixed(0)} mentions/s`);
}

main();
