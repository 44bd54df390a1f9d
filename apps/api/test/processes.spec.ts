import type { AlertEscalatedPayload, AlertEventPayload, HotspotUpdatedPayload, IngestResultDto, MentionInput, NotificationDto, RegisteredRequestDto, RequestDetailDto, UnitDto } from '@govdesk/contracts';
import { generateDemoMentions } from '../src/seed/demo-mentions';
import { burst, connect, next, type Client } from './support/alert-clients';
import { spawnApi, type SpawnedApi } from './support/spawn-api';
import { createTestDatabase, DEMO_PASSWORD, sqlClient } from './support/test-app';

/**
 * Separate API processes (each its own Node process, pools, pg-boss and socket.io server) on
 * one database, as behind a load balancer: events cross processes through the PostgreSQL
 * adapter, timers are pg-boss jobs that run once wherever a worker is alive.
 */
const json = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

async function call<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, { method, headers: { ...json(token), Connection: 'close' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Level II and III alerts: the monitor at once, the supervisor after `waitSeconds` if nobody acknowledges. */
async function shortPolicies(base: string, admin: string, waitSeconds: number): Promise<void> {
  for (const level of [2, 3]) {
    const res = await call(base, admin, 'PUT', `/api/escalation-policies/${level}`, {
      steps: [{ waitSeconds: 0, notify: { roles: ['monitor'] } }, { waitSeconds, notify: { roles: ['supervisor'] } }],
      repeat: false,
      ackTimeoutSeconds: 600,
    });
    expect(res.status).toBe(200);
  }
}

/** One register and one transition audited per request, plus the one urge. */
const AUDITED = [
  { action: 'request.register', n: '16' },
  { action: 'request.start_review', n: '16' },
  { action: 'request.urge', n: '1' },
];

/** The escalation step's wait in the first test: long enough to kill the scheduling process before it. */
const STEP_WAIT_SECONDS = 6;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('several API processes on one database', () => {
  const processes: SpawnedApi[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(processes.map((p) => p.stop()));
  });

  it('sends an alert raised by process A to a client of process B, and its timer fires once on B after A is killed', async () => {
    const db = await createTestDatabase();
    const a = await spawnApi({ DATABASE_URL: db });
    const b = await spawnApi({ DATABASE_URL: db });
    processes.push(a, b);
    const [admin, monitor, supervisor] = await Promise.all([login(a.url, 'admin'), login(a.url, 'monitor'), login(b.url, 'supervisor')]);
    await shortPolicies(a.url, admin, STEP_WAIT_SECONDS);

    const mon = await connect(b.url, monitor);
    const sup = await connect(b.url, supervisor);
    clients.push(mon, sup);
    const escalations: AlertEscalatedPayload[] = [];
    sup.on('alert.escalated', (p) => escalations.push(p));
    let raisedAt = 0;
    const raised = next(mon, 'alert.raised', () => ((raisedAt = Date.now()), true));
    const updates: HotspotUpdatedPayload[] = [];
    mon.on('hotspot.updated', (p) => updates.push(p));
    const sent = Date.now();
    const res = await call<IngestResultDto>(a.url, monitor, 'POST', '/api/opinion/mentions', { mentions: burst('procs', '孝里镇', '垃圾填埋场臭气熏天', 0) });
    const answered = Date.now();
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(30);
    const alert = (await raised) as AlertEventPayload;
    // Pushed through PostgreSQL to B's client at once: by the time A answered, give or take a round trip.
    expect(raisedAt - answered).toBeLessThan(1500);
    // The hotspot's new figures came across too (the batch of updates travels as one message).
    for (let waited = 0; !updates.some((u) => u.id === alert.hotspotId && u.mentionCount === 30) && waited < 1500; waited += 50) await pause(50);
    expect(updates.filter((u) => u.id === alert.hotspotId).map((u) => u.mentionCount)).toContain(30);
    // A, which raised the alert and scheduled its escalation, dies before the step's wait is over.
    await a.kill();
    expect(Date.now() - sent).toBeLessThan(STEP_WAIT_SECONDS * 1000);

    const escalated = (await next(sup, 'alert.escalated', (p) => p.alertId === alert.alertId, 20_000)) as AlertEscalatedPayload;
    expect(escalated).toMatchObject({ step: 2, reason: 'step' });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(STEP_WAIT_SECONDS * 1000 - 500);
    await pause(4000);
    expect(escalations.filter((e) => e.alertId === alert.alertId)).toHaveLength(1);
    const sql = await sqlClient(db);
    try {
      const events = await sql.query<{ event: string; n: string }>(`SELECT event, count(*) AS n FROM alert_events WHERE alert_id = $1 GROUP BY event ORDER BY event`, [alert.alertId]);
      expect(events.rows).toEqual([
        { event: 'alert.escalated', n: '1' },
        { event: 'alert.raised', n: '1' },
      ]);
    } finally {
      await sql.end();
    }
  }, 150_000);

  it('runs a mixed workload through two API-role processes while a worker (GOVDESK_ROLE=worker) runs the timers', async () => {
    const db = await createTestDatabase();
    const c = await spawnApi({ DATABASE_URL: db, GOVDESK_ROLE: 'api' });
    const [d, worker] = await Promise.all([spawnApi({ DATABASE_URL: db, GOVDESK_ROLE: 'api' }), spawnApi({ DATABASE_URL: db, GOVDESK_ROLE: 'worker' })]);
    processes.push(c, d, worker);
    expect(worker.url).toBe('');
    const nodes = [c.url, d.url];
    const [admin, monitor, supervisor, handler] = await Promise.all([login(c.url, 'admin'), login(d.url, 'monitor'), login(c.url, 'supervisor'), login(d.url, 'handler')]);
    await shortPolicies(d.url, admin, 2);
    const units = (await call<UnitDto[]>(c.url, admin, 'GET', '/api/units')).body;
    const unitId = units.find((u) => u.name === '县教体局')!.id;

    const sup = await connect(c.url, supervisor);
    const hand = await connect(d.url, handler);
    clients.push(sup, hand);

    // Requests registered through one process and moved on through the other, at the same time as ingest.
    const register = async (i: number) => {
      const node = nodes[i % 2]!;
      const other = nodes[(i + 1) % 2]!;
      const created = await call<RegisteredRequestDto>(node, handler, 'POST', '/api/requests', {
        channel: 'in_person',
        receivedAt: '2026-11-20',
        unitId,
        applicant: { type: 'natural_person', name: `并发申请人${i}`, idType: 'other_id', idNumber: `P-${i}` },
        description: `申请公开 2026 年第 ${i} 批校舍维修项目的招标文件`,
        form: { medium: 'paper', delivery: 'pickup' },
      });
      expect(created.status).toBe(201);
      const moved = await call<RequestDetailDto>(other, handler, 'POST', `/api/requests/${created.body.id}/transitions`, { action: 'start_review', version: 1 });
      expect(moved.status).toBe(200);
      return created.body;
    };
    const mentions = generateDemoMentions({ seed: 77, now: new Date(), days: 7, count: 1200 });
    const ingestBatch = async (batch: MentionInput[], i: number) => {
      const res = await call<IngestResultDto>(nodes[i % 2]!, monitor, 'POST', '/api/opinion/mentions', { mentions: batch });
      expect(res.status).toBe(200);
      return res.body;
    };
    const batches = Array.from({ length: 6 }, (_, i) => mentions.slice(i * 200, (i + 1) * 200));

    const escalated = next(sup, 'alert.escalated', (p) => p.title.includes('幼儿园'), 30_000);
    const [requests, results] = await Promise.all([
      Promise.all(Array.from({ length: 16 }, (_, i) => register(i))),
      Promise.all([...batches.map((b, i) => ingestBatch(b, i)), ingestBatch(burst('worker', '湖溪镇', '幼儿园食堂饭菜变质', 0), 1)]),
    ]);

    // The escalation timer can only have run in the worker: the API-role processes run no jobs.
    const alert = (await escalated) as AlertEscalatedPayload;
    expect(alert).toMatchObject({ step: 2, reason: 'step' });

    // An urge through C reaches the handler's client on D.
    const urged = next(hand, 'notification.created', (n) => n.receiptNo === requests[0]!.receiptNo, 5000);
    expect((await call(c.url, supervisor, 'POST', `/api/requests/${requests[0]!.id}/urges`, { message: '请加快办理' })).status).toBe(201);
    expect(((await urged) as NotificationDto).kind).toBe('urge');

    const sql = await sqlClient(db);
    try {
      const receipts = await sql.query<{ n: string; distinct_no: string; reviewing: string }>(
        `SELECT count(*) AS n, count(DISTINCT receipt_no) AS distinct_no, count(*) FILTER (WHERE status = 'reviewing' AND version = 2) AS reviewing FROM disclosure_requests`,
      );
      expect(receipts.rows[0]).toEqual({ n: '16', distinct_no: '16', reviewing: '16' });
      const audit = await sql.query<{ action: string; n: string }>(`SELECT action, count(*) AS n FROM audit_log WHERE entity_id = ANY($1::text[]) GROUP BY action ORDER BY action`, [requests.map((r) => r.id)]);
      expect(audit.rows).toEqual(AUDITED);
      const stored = results.reduce((s, r) => s + r.accepted, 0);
      const figures = await sql.query<{ mentions: string; in_hotspots: string; escalations: string }>(
        `SELECT (SELECT count(*) FROM mentions) AS mentions, (SELECT coalesce(sum(mention_count), 0) FROM hotspots) AS in_hotspots,
                (SELECT count(*) FROM alert_events WHERE alert_id = $1 AND event = 'alert.escalated') AS escalations`,
        [alert.alertId],
      );
      expect(figures.rows[0]).toEqual({ mentions: String(stored), in_hotspots: String(stored), escalations: '1' });

      // The public portal's limit (30 reads a minute per address) holds across both processes, not 30 each.
      const statuses: number[] = [];
      for (let i = 0; i < 34; i++) statuses.push((await fetch(`${nodes[i % 2]}/api/public/units`, { headers: { Connection: 'close' } })).status);
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
      expect(statuses.slice(30)).toEqual([429, 429, 429, 429]);
    } finally {
      await sql.end();
    }
  }, 180_000);
});
