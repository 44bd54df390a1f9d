/**
 * npm run bench:alerts [-- --alerts 250 --rate 200 --runs 3]
 *
 * Alert latency: the time from an ingest call's response to a monitor's socket.io client
 * receiving `alert.raised` for that call's new hotspot, while background ingest runs at
 * `--rate` mentions per second. Each measured call carries one TV-inquiry (电视问政) mention
 * about a matter of its own, which the default rules raise at once as a level IV alert.
 * Negative times mean the event arrived before the HTTP response did. In the same run, as the
 * reference, a bare socket.io round trip (an event with an acknowledgement) on this machine.
 */
import { Agent, request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type { AlertEventPayload, ClientToServerEvents, IngestResultDto, MentionInput, ServerToClientEvents } from '@govdesk/contracts';
import { generateDemoMentions } from '../../apps/api/src/seed/demo-mentions';
import { arg, login, median, percentile, startBenchServer } from './support';

const ALERTS = arg('alerts', 250);
const RATE = arg('rate', 200);
const RUNS = arg('runs', 3);
const TICK_MS = 100;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** POST JSON; ingest is idempotent by (channel, external id), so a reset connection is retried once. */
async function post<T>(url: string, token: string, body: unknown, retry = true): Promise<T> {
  const data = Buffer.from(JSON.stringify(body));
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': data.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`POST ${url}: ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text) as T);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(data);
    });
  } catch (error) {
    if (retry && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return post<T>(url, token, body, false);
    throw error;
  }
}

// Every measured matter is new (words drawn at random from a pool of characters), so it starts
// a hotspot of its own and raises a new alert instead of joining an earlier one.
const POOL = '澜岫蘅芷苈荇蓼菘苌茛蘩芡蕺荠菰蒹葭杞棠榛桤楝椿槭樗栎柞枳榧桫椤琮璜瑗珩玦琚璋瑄珧琊瓒璩甬邕郗邴郜邶鄞鄱酃鄯峤崧嵊嵋峄岙岈嵇嶂巉'.split('');
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function matter(run: number, i: number): MentionInput {
  const n = run * 100_000 + i;
  const random = seeded(n + 1);
  const word = () => Array.from({ length: 2 }, () => POOL[Math.floor(random() * POOL.length)]!).join('');
  const words = Array.from({ length: 8 }, word);
  return {
    channel: 'tv_inquiry',
    externalId: `bench-alert-${run}-${i}`,
    title: `${words[0]}${words[1]}${words[2]}`,
    content: `${words.slice(3).join('，')}（${n}）`,
    author: `电视问政栏目组-${n}`,
    publishedAt: new Date().toISOString(),
  };
}

function connect(url: string, token: string): Promise<Client> {
  const client: Client = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, forceNew: true });
  return new Promise((resolve, reject) => (client.once('connect', () => resolve(client)), client.once('connect_error', reject)));
}

async function roundTrips(client: Client, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await new Promise<void>((resolve) => client.emit('ping', () => resolve()));
    times.push(performance.now() - started);
  }
  return times;
}

/** Background ingest at `RATE` mentions per second, in calls every `TICK_MS`. */
function background(url: string, token: string, run: number): { stop(): Promise<{ sent: number; seconds: number }> } {
  const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
  const pool = generateDemoMentions({ seed: 500 + run, now: new Date(), days: 3, count: 20_000 });
  let next = 0;
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  const started = performance.now();
  const timer = setInterval(() => {
    const batch = Array.from({ length: perTick }, () => {
      const m = pool[next++ % pool.length]!;
      return { ...m, externalId: `bg-${run}-${next}`, content: `${m.content}（${run}-${next}）` };
    });
    const call = post<IngestResultDto>(`${url}/api/opinion/mentions`, token, { mentions: batch }).then(() => (sent += batch.length));
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  }, TICK_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { sent, seconds: (performance.now() - started) / 1000 };
    },
  };
}

async function measuredRun(url: string, token: string, client: Client, run: number): Promise<{ latencies: number[]; joined: number; missing: number; backgroundRate: number }> {
  const arrivals = new Map<string, number>();
  const onRaised = (p: AlertEventPayload) => arrivals.set(p.hotspotId, performance.now());
  client.on('alert.raised', onRaised);
  const load = background(url, token, run);
  await new Promise((r) => setTimeout(r, 1000)); // let the background load settle
  const latencies: number[] = [];
  const seen = new Set<string>();
  let joined = 0;
  let missing = 0;
  for (let i = 0; latencies.length < ALERTS; i++) {
    if (joined + missing > ALERTS) throw new Error(`${joined} calls joined an existing hotspot and ${missing} raised no new alert: the measured matters are not distinct enough`);
    const res = await post<IngestResultDto>(`${url}/api/opinion/mentions`, token, { mentions: [matter(run, i)] });
    const answered = performance.now();
    const hotspotId = res.results[0]?.hotspotId;
    if (!hotspotId || seen.has(hotspotId)) {
      joined++;
      continue;
    }
    seen.add(hotspotId);
    const deadline = answered + 2000;
    while (!arrivals.has(hotspotId) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    const arrived = arrivals.get(hotspotId);
    if (arrived === undefined) {
      missing++; // no new alert within 2 s: it joined a background hotspot that was already alerted
      continue;
    }
    latencies.push(arrived - answered);
    await new Promise((r) => setTimeout(r, 10 + (i % 4) * 10));
  }
  const bg = await load.stop();
  client.off('alert.raised', onRaised);
  return { latencies, joined, missing, backgroundRate: bg.sent / bg.seconds };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log(`bench:alerts — ${ALERTS} alerts per run, ${RUNS} runs, background ingest ${RATE} mentions/s; node ${process.version}`);
  const server = await startBenchServer({ GOVDESK_JOBS: 'on' });
  try {
    const token = await login(server.url, 'monitor');
    const client = await connect(server.url, token);
    await roundTrips(client, 200); // warm-up
    await post(`${server.url}/api/opinion/mentions`, token, { mentions: generateDemoMentions({ seed: 1, now: new Date(), days: 3, count: 500 }) });
    const p50s: number[] = [];
    const p99s: number[] = [];
    const rtts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { latencies, joined, missing, backgroundRate } = await measuredRun(server.url, token, client, run);
      const rtt = median(await roundTrips(client, 500));
      p50s.push(percentile(latencies, 50));
      p99s.push(percentile(latencies, 99));
      rtts.push(rtt);
      console.log(
        `run ${run + 1}: ${latencies.length} alerts · response → alert p50 ${fmt(percentile(latencies, 50))}, p99 ${fmt(percentile(latencies, 99))}, max ${fmt(Math.max(...latencies))}, ` +
          `before the response ${latencies.filter((l) => l < 0).length} · background ${backgroundRate.toFixed(0)} mentions/s · ` +
          `calls that joined an existing hotspot ${joined} · joined an already alerted background hotspot ${missing} · bare socket.io round trip median ${rtt.toFixed(3)} ms`,
      );
    }
    client.disconnect();
    const p99 = median(p99s);
    console.log(`\nmedian over runs: p50 ${fmt(median(p50s))}, p99 ${fmt(p99)} (target p99 ≤ 200 ms: ${p99 <= 200 ? 'met' : 'NOT met'})`);
    console.log(`reference: bare socket.io round trip ${median(rtts).toFixed(3)} ms (p99 = ${(p99 / median(rtts)).toFixed(0)} × round trip)`);
  } finally {
    agent.destroy();
    await server.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
