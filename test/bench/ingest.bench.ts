/**
 * npm run bench:ingest [-- --mentions 12000 --runs 3 --batch 1000 --concurrency 4 --processes 1]
 *
 * End-to-end ingest throughput through the HTTP API (validation, text analysis, clustering,
 * storage and alert raising in one transaction per call) on an embedded PostgreSQL, and in the
 * same run, as references: jieba's segmentation rate alone on the same texts, and PostgreSQL's
 * rate for batched inserts of the same rows into a copy of the mentions table. Medians of the runs.
 *
 * The mentions go to `--processes` separate API processes (role `api`: alert timers are queued
 * for a worker) on the bench's database, round robin, `--concurrency` calls at a time to each;
 * `--processes 0` ingests through the server inside the bench's own process (for profiling).
 */
import { Client } from 'pg';
import type { MentionInput } from '@govdesk/contracts';
import { Segmenter } from '@govdesk/text-analysis';
import { generateDemoMentions } from '../../apps/api/src/seed/demo-mentions';
import { spawnApi, type SpawnedApi } from '../../apps/api/test/support/spawn-api';
import { arg, BENCH_PASSWORD, cpuSeconds, login, median, postgresPids, startBenchServer } from './support';

const N = arg('mentions', 12_000);
const RUNS = arg('runs', 3);
const BATCH = arg('batch', 1000);
const CONCURRENCY = arg('concurrency', 4);
const PROCESSES = arg('processes', 1);

function dataset(run: number): MentionInput[] {
  // Distinct texts per run (a run tag in each), so every run stores and clusters new mentions.
  return generateDemoMentions({ seed: 1000 + run, now: new Date(), days: 14, count: N }).map((m, i) => ({ ...m, externalId: `bench-${run}-${i}`, content: `${m.content} #${run}-${i}` }));
}

async function ingestRun(urls: string[], token: string, mentions: MentionInput[]): Promise<{ rate: number; accepted: number; duplicates: number }> {
  const batches: MentionInput[][] = [];
  for (let i = 0; i < mentions.length; i += BATCH) batches.push(mentions.slice(i, i + BATCH));
  let accepted = 0;
  let duplicates = 0;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY * urls.length }, async (_, caller) => {
      const url = urls[caller % urls.length]!;
      while (next < batches.length) {
        const batch = batches[next++]!;
        const res = await fetch(`${url}/api/opinion/mentions`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ mentions: batch }) });
        if (!res.ok) throw new Error(`ingest: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { accepted: number; duplicates: number };
        accepted += body.accepted;
        duplicates += body.duplicates;
      }
    }),
  );
  return { rate: mentions.length / ((performance.now() - started) / 1000), accepted, duplicates };
}

function jiebaRate(mentions: MentionInput[]): number {
  const segmenter = new Segmenter();
  const started = performance.now();
  let words = 0;
  for (const m of mentions) words += segmenter.cut(`${m.title ?? ''}${m.content}`).length;
  if (!words) throw new Error('no words');
  return mentions.length / ((performance.now() - started) / 1000);
}

async function pgRate(databaseUrl: string, mentions: MentionInput[], run: number): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS bench_mentions (LIKE mentions INCLUDING ALL)`);
  const started = performance.now();
  for (let i = 0; i < mentions.length; i += 1000) {
    const rows = mentions.slice(i, i + 1000).map((m, j) => ({
      id: run * 10_000_000 + i + j,
      channel: m.channel,
      external_id: m.externalId,
      title: m.title ?? null,
      content: m.content,
      author: m.author ?? null,
      url: m.url ?? null,
      published_at: m.publishedAt,
      reach: m.reach ?? {},
      content_hash: `${run}-${i + j}`,
      simhash: (i + j) % 1000,
      sentiment_score: -0.5,
      keywords: [{ word: '示例', weight: 1 }],
      places: ['玫瑰镇'],
      flags: [],
    }));
    await client.query(
      `INSERT INTO bench_mentions (id, channel, external_id, title, content, author, url, published_at, reach, content_hash, simhash, sentiment_score, keywords, places, flags)
       SELECT id, channel, external_id, title, content, author, url, published_at, reach, convert_to(content_hash, 'UTF8'), simhash, sentiment_score, keywords, places, flags
         FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, channel varchar, external_id varchar, title varchar, content text, author varchar, url varchar,
              published_at timestamptz, reach jsonb, content_hash text, simhash bigint, sentiment_score real, keywords jsonb, places text[], flags text[])`,
      [JSON.stringify(rows)],
    );
  }
  const rate = mentions.length / ((performance.now() - started) / 1000);
  await client.end();
  return rate;
}

async function main(): Promise<void> {
  const where = PROCESSES ? `${PROCESSES} API process(es)` : 'the bench process';
  console.log(`bench:ingest — ${N} mentions per run, ${RUNS} runs, batches of ${BATCH}, ${CONCURRENCY} concurrent calls to each of ${where}; node ${process.version}`);
  // As API processes of a deployment: alert timers are queued in pg-boss (a worker would run them).
  const role = { GOVDESK_JOBS: 'on', GOVDESK_ROLE: 'api' };
  const server = await startBenchServer(role);
  const processes: SpawnedApi[] = [];
  try {
    for (let i = 0; i < PROCESSES; i++) {
      processes.push(await spawnApi({ ...role, DATABASE_URL: server.databaseUrl, NODE_ENV: 'production', GOVDESK_DEMO_PASSWORD: BENCH_PASSWORD, GOVDESK_LOG_LEVEL: 'error' }));
    }
    const urls = PROCESSES ? processes.map((p) => p.url) : [server.url];
    const token = await login(server.url, 'monitor');
    // Warm-up: the analyser and the JIT of every process.
    for (const url of urls) await ingestRun([url], token, dataset(99 - urls.indexOf(url)).slice(0, 1000));
    const pgPort = Number(new URL(server.databaseUrl).port);
    const apiCpu = (): number => (PROCESSES ? cpuSeconds(processes.map((p) => p.child.pid!)) : process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6);
    const apiPerMention: number[] = [];
    const pgPerMention: number[] = [];
    const e2e: number[] = [];
    const jieba: number[] = [];
    const pg: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const mentions = dataset(run);
      const before = { api: apiCpu(), pg: cpuSeconds(postgresPids(pgPort)) };
      const r = await ingestRun(urls, token, mentions);
      apiPerMention.push(((apiCpu() - before.api) / mentions.length) * 1e6);
      pgPerMention.push(((cpuSeconds(postgresPids(pgPort)) - before.pg) / mentions.length) * 1e6);
      const j = jiebaRate(mentions);
      const p = await pgRate(server.databaseUrl, mentions, run);
      e2e.push(r.rate);
      jieba.push(j);
      pg.push(p);
      console.log(
        `run ${run + 1}: ingest ${r.rate.toFixed(0)}/s (accepted ${r.accepted}, duplicates ${r.duplicates}; CPU per mention: API ${apiPerMention.at(-1)!.toFixed(0)} µs, ` +
          `PostgreSQL ${pgPerMention.at(-1)!.toFixed(0)} µs) · jieba alone ${j.toFixed(0)}/s · PostgreSQL batched insert ${p.toFixed(0)}/s`,
      );
    }
    const [hotspots] = (await (async () => {
      const c = new Client({ connectionString: server.databaseUrl });
      await c.connect();
      const r = await c.query(`SELECT count(*)::int AS n, max(mention_count) AS biggest FROM hotspots`);
      await c.end();
      return r.rows;
    })()) as { n: number; biggest: number }[];
    console.log(`\nmedian end-to-end ingest: ${median(e2e).toFixed(0)} mentions/s (target ≥ 3000)`);
    console.log(
      `median CPU per mention: API processes ${median(apiPerMention).toFixed(0)} µs (all threads${PROCESSES ? '' : ', and the bench client'}), PostgreSQL ${median(pgPerMention).toFixed(0)} µs — ` +
        `${(1e6 / (median(apiPerMention) + median(pgPerMention))).toFixed(0)} mentions per CPU-second`,
    );
    console.log(`median jieba segmentation alone: ${median(jieba).toFixed(0)} mentions/s (ingest = ${(median(e2e) / median(jieba)).toFixed(2)} × jieba)`);
    console.log(`median PostgreSQL batched insert: ${median(pg).toFixed(0)} rows/s (ingest = ${(median(e2e) / median(pg)).toFixed(2)} × raw insert)`);
    console.log(`hotspots: ${hotspots!.n}, largest ${hotspots!.biggest} mentions`);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await server.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
