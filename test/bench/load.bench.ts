/**
 * npm run bench:load [-- --requests 1000000 --duration 10 --connections 10 --processes 1]
 *
 * Load on the request list and detail with `--requests` disclosure requests in the database
 * (generated inside PostgreSQL by request-generator.ts), driven by autocannon over HTTP with
 * `--connections` concurrent connections for `--duration` seconds per case, against one API
 * process or `--processes 2` on the same database (round robin). As the reference in the same
 * run: GET /api/health (a bare HTTP round trip through the same stack, no query). Prints
 * requests per second and latency percentiles (autocannon reports p90, p97.5 and p99: the
 * p95 target is met when p97.5 is under it).
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { generateRequests } from './request-generator';
import { arg, login, startBenchServer } from './support';

const N = arg('requests', 1_000_000);
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
const PROCESSES = arg('processes', 1);
const TARGET_P95_MS = 50;

interface Case {
  name: string;
  /** Paths tried in turn by every connection. */
  paths: string[];
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function run(urls: string[], token: string, c: Case): Promise<AutocannonResult> {
  // One autocannon instance per process, run at the same time; their figures are merged below.
  return Promise.all(
    urls.map(
      (url) =>
        new Promise<AutocannonResult>((resolve, reject) => {
          autocannon(
            {
              url,
              connections: Math.max(1, Math.round(CONNECTIONS / urls.length)),
              duration: DURATION,
              headers: { Authorization: `Bearer ${token}` },
              requests: c.paths.map((path) => ({ method: 'GET', path })),
            },
            (error: Error | null, result: AutocannonResult) => (error ? reject(error) : resolve(result)),
          );
        }),
    ),
  ).then((results) => ({
    requests: { average: results.reduce((s, r) => s + r.requests.average, 0), total: results.reduce((s, r) => s + r.requests.total, 0) },
    latency: {
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p90: Math.max(...results.map((r) => r.latency.p90)),
      p97_5: Math.max(...results.map((r) => r.latency.p97_5)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      max: Math.max(...results.map((r) => r.latency.max)),
    },
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
    timeouts: results.reduce((s, r) => s + r.timeouts, 0),
  }));
}

async function sample(databaseUrl: string): Promise<{ ids: string[]; unitId: string; receiptNo: string; handlerId: string }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>(`SELECT id FROM disclosure_requests TABLESAMPLE SYSTEM (1) LIMIT 200`)).rows.map((r) => r.id);
    const [busiest] = (await client.query<{ unit_id: string; handler_id: string }>(
      `SELECT unit_id, (SELECT handler_id FROM disclosure_requests WHERE unit_id = r.unit_id AND handler_id IS NOT NULL LIMIT 1) AS handler_id
         FROM disclosure_requests r GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1`,
    )).rows;
    const [receipt] = (await client.query<{ receipt_no: string }>(`SELECT receipt_no FROM disclosure_requests WHERE id = $1`, [ids[0]])).rows;
    return { ids, unitId: busiest!.unit_id, handlerId: busiest!.handler_id, receiptNo: receipt!.receipt_no };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`bench:load — ${N.toLocaleString('en')} requests, ${PROCESSES} API process(es), ${CONNECTIONS} connections, ${DURATION} s per case; node ${process.version}`);
  const first = await startBenchServer();
  const servers = [first];
  try {
    for (let i = 1; i < PROCESSES; i++) servers.push(await startBenchServer({ DATABASE_URL: first.databaseUrl }));
    const started = performance.now();
    const gen = await generateRequests(first.databaseUrl, { count: N, seed: 7, years: 2 });
    console.log(`generated ${gen.count.toLocaleString('en')} requests, ${gen.events.toLocaleString('en')} timeline events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const supervisor = await login(first.url, 'supervisor');
    const { ids, unitId, handlerId, receiptNo } = await sample(first.databaseUrl);

    // The cursor of the second page, as the console's "load more" asks for it.
    const page1 = (await (await fetch(`${first.url}/api/requests?limit=50`, { headers: { Authorization: `Bearer ${supervisor}` } })).json()) as { nextCursor: string | null };
    const cases: Case[] = [
      { name: 'reference: GET /api/health', paths: ['/api/health'] },
      { name: 'list: first page (open, by due date)', paths: ['/api/requests?limit=50'] },
      { name: 'list: second page (keyset cursor)', paths: [`/api/requests?limit=50&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`] },
      { name: 'list: one unit, handling', paths: [`/api/requests?limit=50&unitId=${unitId}&status=handling`] },
      { name: 'list: one handler, by received', paths: [`/api/requests?limit=50&handlerId=${handlerId}&sort=received&order=desc`] },
      { name: 'list: overdue', paths: ['/api/requests?limit=50&overdue=true'] },
      { name: 'list: search by receipt number', paths: [`/api/requests?limit=50&q=${encodeURIComponent(receiptNo)}`] },
      { name: 'detail: 200 different requests', paths: ids.map((id) => `/api/requests/${id}`) },
    ];
    const reference = { p50: 0 };
    const failures: string[] = [];
    console.log(`\n${'case'.padEnd(42)} ${'req/s'.padStart(8)} ${'p50'.padStart(7)} ${'p90'.padStart(7)} ${'p97.5'.padStart(7)} ${'p99'.padStart(7)}  errors  target`);
    for (const c of cases) {
      const r = await run(
        servers.map((s) => s.url),
        supervisor,
        c,
      );
      if (c.name.startsWith('reference')) reference.p50 = r.latency.p50;
      const bad = r.non2xx + r.errors + r.timeouts;
      const verdict = c.name.startsWith('list') ? (r.latency.p97_5 < TARGET_P95_MS ? `p95 < ${TARGET_P95_MS} ms met` : `p95 < ${TARGET_P95_MS} ms NOT met`) : '';
      console.log(
        `${c.name.padEnd(42)} ${r.requests.average.toFixed(0).padStart(8)} ${r.latency.p50.toFixed(0).padStart(7)} ${r.latency.p90.toFixed(0).padStart(7)} ${r.latency.p97_5.toFixed(0).padStart(7)} ${r.latency.p99.toFixed(0).padStart(7)}  ${String(bad).padStart(6)}  ${verdict}`,
      );
      if (bad) failures.push(`${c.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts (autocannon's timeout is 10 s)`);
    }
    if (failures.length) {
      console.log(`\nFAILED CALLS:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
    console.log(`\nlatencies in ms; reference p50 ${reference.p50} ms (HTTP round trip through the same stack without a query)`);
  } finally {
    for (const s of servers.reverse()) await s.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
