import { io } from 'socket.io-client';
import type { AlertDto, AlertEscalatedPayload, AlertEventPayload, IngestResultDto, MentionInput } from '@govdesk/contracts';
import { burst, connect, next, type Client } from './support/alert-clients';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('alerts and escalation with real socket.io clients and pg-boss timers', () => {
  let t: TestApp;
  let monitor: string;
  let supervisor: string;
  let admin: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ GOVDESK_JOBS: 'on' });
    [monitor, supervisor, admin] = await Promise.all([t.login('monitor'), t.login('supervisor'), t.login('admin')]);
    for (const level of [2, 3]) {
      const res = await t.http
        .put(`/api/escalation-policies/${level}`)
        .set(auth(admin))
        .send({ steps: [{ waitSeconds: 0, notify: { roles: ['monitor'] } }, { waitSeconds: 2, notify: { roles: ['supervisor'] } }], repeat: false, ackTimeoutSeconds: 60 });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await t.close();
  });

  const ingest = async (mentions: MentionInput[]) => (await t.http.post('/api/opinion/mentions').set(auth(monitor)).send({ mentions }).expect(200)).body as IngestResultDto;

  it('raises at least level III for a burst, pushes it to the monitor at once, and escalates to the supervisor after the step wait', async () => {
    const mon = await connect(t.server.url, monitor);
    const sup = await connect(t.server.url, supervisor);
    clients.push(mon, sup);
    const raised = next(mon, 'alert.raised', () => true);
    const sent = Date.now();
    const res = await ingest(burst('bus', '东阿镇', '公交车停运', 0));
    expect(res.accepted).toBe(30);
    const alert = (await raised) as AlertEventPayload;
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(alert.level).toBeLessThanOrEqual(3);
    expect(alert.hotspotId).toBe(res.results[0]!.hotspotId);
    for (const key of ['alertId', 'hotspotId', 'level', 'title', 'raisedAt']) expect(alert).toHaveProperty(key);

    const escalated = (await next(sup, 'alert.escalated', (p) => p.alertId === alert.alertId, 15_000)) as AlertEscalatedPayload;
    expect(escalated).toMatchObject({ alertId: alert.alertId, step: 2, reason: 'step' });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1500);

    // More of the same matter while it is open: counted, not sent again.
    let again = 0;
    mon.on('alert.raised', (p) => p.alertId === alert.alertId && again++);
    await ingest(burst('bus2', '东阿镇', '公交车停运', 5).map((m) => ({ ...m, content: `${m.content}又一次` })));
    await new Promise((r) => setTimeout(r, 500));
    expect(again).toBe(0);
    const stored = (await t.http.get(`/api/alerts/${alert.alertId}`).set(auth(monitor))).body as AlertDto;
    expect(stored.count).toBeGreaterThan(30);
  });

  it('stops every further notification once acknowledged', async () => {
    const mon = await connect(t.server.url, monitor);
    const sup = await connect(t.server.url, supervisor);
    clients.push(mon, sup);
    const raised = next(mon, 'alert.raised', (p) => p.title.includes('路灯'));
    await ingest(burst('light', '锦水街道', '路灯全坏了晚上一片漆黑', 30));
    const alert = (await raised) as AlertEventPayload;
    const acked = next(sup, 'alert.acknowledged', (p) => p.alertId === alert.alertId);
    const res = await t.http.post(`/api/alerts/${alert.alertId}/ack`).set(auth(monitor));
    expect(res.status).toBe(200);
    expect((res.body as AlertDto).status).toBe('acknowledged');
    await acked;
    const late: unknown[] = [];
    sup.on('alert.escalated', (p) => p.alertId === alert.alertId && late.push(p));
    mon.on('alert.escalated', (p) => p.alertId === alert.alertId && late.push(p));
    await new Promise((r) => setTimeout(r, 4000)); // twice the step's wait
    expect(late).toEqual([]);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [alert.alertId]);
    expect(audit.map((a) => a.action)).toEqual(['alert.raise', 'alert.acknowledge']);
  });

  it('gives a client that was disconnected during a burst every event it missed when it reconnects', async () => {
    const first = await connect(t.server.url, monitor);
    const seen: string[] = [];
    first.on('alert.raised', (p) => seen.push(p.eventId));
    const raised = next(first, 'alert.raised', (p) => p.title.includes('供暖'));
    await ingest(burst('heat', '榆山街道', '小区供暖不热', 60));
    const last = ((await raised) as AlertEventPayload).eventId;
    first.disconnect();

    await ingest(burst('water', '孝直镇', '自来水发黄有异味', 90));
    await ingest(burst('noise', '安城镇', '工地夜间施工噪音扰民', 120));

    const again: Client = io(t.server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: monitor, lastEventId: last }, reconnection: false, forceNew: true });
    clients.push(again);
    const missed: AlertEventPayload[] = [];
    again.on('alert.raised', (p) => missed.push(p));
    await new Promise<void>((resolve, reject) => (again.once('connect', () => resolve()), again.once('connect_error', reject)));
    await new Promise((r) => setTimeout(r, 1000));
    const titles = missed.map((m) => m.title).join(' ');
    expect(titles).toMatch(/自来水/);
    expect(titles).toMatch(/噪音/);
    expect(missed.every((m) => BigInt(m.eventId) > BigInt(last))).toBe(true);
    expect(missed.map((m) => m.eventId)).toEqual([...missed.map((m) => m.eventId)].sort((a, b) => Number(BigInt(a) - BigInt(b))));
  });

  it('raises several alerts from one call — each with its event, audit entry and queued timers — and keeps a silenced one quiet', async () => {
    // A quiet start of the third matter, below any rule, so a silence can name its hotspot.
    const quiet = burst('parcel', '洪范池镇', '快递柜乱收费', 200).slice(0, 2);
    const start = await ingest(quiet);
    const silencedHotspot = start.results[0]!.hotspotId!;
    expect(await t.sql(`SELECT id FROM alerts WHERE hotspot_id = $1`, [silencedHotspot])).toEqual([]);
    const silence = await t.http.post('/api/silences').set(auth(monitor)).send({ hotspotId: silencedHotspot, minutes: 60, reason: '已由环保局现场处置' });
    expect(silence.status).toBe(201);

    const mon = await connect(t.server.url, monitor);
    clients.push(mon);
    const raised: AlertEventPayload[] = [];
    mon.on('alert.raised', (p) => raised.push(p));
    const [{ before }] = await t.sql<{ before: string }>(`SELECT coalesce(max(id), 0)::text AS before FROM alert_events`);
    const res = await ingest([...burst('pipe', '桥口镇', '排水管道堵塞污水横流', 210), ...burst('school', '大桥镇', '学校食堂饭菜变质', 215), ...burst('parcel', '洪范池镇', '快递柜乱收费', 200).slice(2)]);
    expect(res.accepted).toBe(88);
    const hotspots = [res.results[0]!.hotspotId!, res.results[30]!.hotspotId!, silencedHotspot];
    expect(new Set(hotspots).size).toBe(3);
    expect(res.results.slice(60).every((r) => r.hotspotId === silencedHotspot)).toBe(true);

    const alerts = await t.sql<{ id: string; hotspot_id: string; level: number; silenced: boolean; discovered_at: Date }>(
      `SELECT id, hotspot_id, level, silenced, discovered_at FROM alerts WHERE hotspot_id = ANY($1::uuid[])`,
      [hotspots],
    );
    expect(alerts.map((a) => [a.hotspot_id, a.silenced]).sort()).toEqual(hotspots.map((h) => [h, h === silencedHotspot]).sort());
    const loud = alerts.filter((a) => !a.silenced);
    await new Promise((r) => setTimeout(r, 500));
    expect(raised.map((p) => p.alertId).sort()).toEqual(loud.map((a) => a.id).sort());

    // One event per loud alert, in the log after what was there; one audit entry per alert.
    // (Timers of earlier tests' alerts may log their own events meanwhile: only this test's alerts count.)
    const events = await t.sql<{ alert_id: string; event: string; payload: AlertEventPayload; id: string }>(
      `SELECT id::text, alert_id, event, payload FROM alert_events WHERE id > $1 AND alert_id = ANY($2::uuid[]) ORDER BY id`,
      [before, alerts.map((a) => a.id)],
    );
    // (A loud alert's step-2 escalation may already have fired: its wait is 2 s here.)
    expect(events.filter((e) => e.event === 'alert.raised').map((e) => e.alert_id).sort()).toEqual(loud.map((a) => a.id).sort());
    expect(events.filter((e) => e.alert_id === alerts.find((a) => a.silenced)!.id)).toEqual([]);
    for (const e of events) expect(e.payload.eventId).toBe(e.id);
    const audit = await t.sql<{ entity_id: string; action: string }>(`SELECT entity_id, action FROM audit_log WHERE entity_id = ANY($1::text[])`, [alerts.map((a) => a.id)]);
    expect(audit.map((a) => [a.entity_id, a.action]).sort()).toEqual(alerts.map((a) => [a.id, 'alert.raise']).sort());

    // Timers queued with the alert: the next escalation step and each response clock's warning (80 %) and expiry.
    const jobs = await t.sql<{ name: string; alert_id: string; kind: string | null; start_after: Date }>(
      `SELECT name, data->>'alertId' AS alert_id, data->>'kind' AS kind, start_after FROM pgboss.job WHERE data->>'alertId' = ANY($1::text[])`,
      [alerts.map((a) => a.id)],
    );
    expect(jobs.some((j) => j.alert_id === alerts.find((a) => a.silenced)!.id)).toBe(false);
    for (const alert of loud) {
      const mine = jobs.filter((j) => j.alert_id === alert.id);
      expect(mine.filter((j) => j.name === 'alert-escalate')).toHaveLength(1);
      const hours = alert.level <= 2 ? [5, 24] : [48];
      for (const [kind, share] of [['warning', 0.8], ['due', 1]] as const) {
        const clocks = mine.filter((j) => j.name === 'alert-response-clock' && j.kind === kind).map((j) => j.start_after.getTime()).sort();
        const expected = hours.map((h) => alert.discovered_at.getTime() + h * 3_600_000 * share).sort();
        expect(clocks).toHaveLength(expected.length);
        clocks.forEach((at, i) => expect(Math.abs(at - expected[i]!)).toBeLessThan(5_000));
      }
    }
  });

  it('raises an open alert to a more serious level when its matter grows: the same alert, a new generation, its event, audit entry and timer', async () => {
    const mentions = burst('lamp', '锦水街道', '小区路灯长期不亮', 400);
    const start = await ingest(mentions.slice(0, 6));
    const hotspotId = start.results[0]!.hotspotId!;
    const [first] = await t.sql<{ id: string; level: number; generation: number }>(`SELECT id, level, generation FROM alerts WHERE hotspot_id = $1`, [hotspotId]);
    expect(first).toMatchObject({ level: 4, generation: 0 });

    const mon = await connect(t.server.url, monitor);
    clients.push(mon);
    const raised = next(mon, 'alert.raised', (p) => p.alertId === first!.id);
    const rest = await ingest(mentions.slice(6));
    expect(rest.results.every((r) => r.hotspotId === hotspotId)).toBe(true);
    expect((await raised).level).toBeLessThanOrEqual(3);

    const [now] = await t.sql<{ id: string; level: number; generation: number; count: number; dedup_key: string; status: string; step: number }>(
      `SELECT id, level, generation, count, dedup_key, status, step FROM alerts WHERE hotspot_id = $1`,
      [hotspotId],
    );
    expect(now).toMatchObject({ id: first!.id, generation: 1, count: 30, status: 'open', step: 0 });
    expect(now!.level).toBeLessThanOrEqual(3);
    expect(now!.dedup_key).toBe(`${hotspotId}:${now!.level}`);
    const audit = await t.sql<{ action: string; level: number }>(`SELECT action, (after->>'level')::int AS level FROM audit_log WHERE entity_id = $1 ORDER BY at`, [first!.id]);
    expect(audit).toEqual([
      { action: 'alert.raise', level: 4 },
      { action: 'alert.raise_level', level: now!.level },
    ]);
    // The escalation timer of the new generation (the old generation's timer no longer fires).
    const steps = await t.sql<{ generation: number }>(`SELECT (data->>'generation')::int AS generation FROM pgboss.job WHERE name = 'alert-escalate' AND data->>'alertId' = $1`, [first!.id]);
    expect(steps.map((s) => s.generation)).toContain(1);
  });

  it('tells a client that has seen no alert event where the log stands, so it can ask for what it misses', async () => {
    const fresh: Client = io(t.server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: monitor }, reconnection: false, forceNew: true });
    clients.push(fresh);
    const cursor = await new Promise<{ eventId: string }>((resolve) => fresh.once('events.cursor', resolve));
    const [{ max }] = await t.sql<{ max: string }>(`SELECT max(id)::text AS max FROM alert_events`);
    expect(cursor.eventId).toBe(max);
    fresh.disconnect();

    await ingest(burst('gas', '刁镇', '燃气管道漏气', 150));
    const back: Client = io(t.server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: monitor, lastEventId: cursor.eventId }, reconnection: false, forceNew: true });
    clients.push(back);
    const missed = await next(back, 'alert.raised', (p) => p.title.includes('燃气'), 5000);
    expect(BigInt(missed.eventId)).toBeGreaterThan(BigInt(cursor.eventId));
  });

  it('refuses an unauthenticated socket and a bad policy', async () => {
    await expect(connect(t.server.url, 'not-a-token')).rejects.toThrow();
    const bad = await t.http.put('/api/escalation-policies/5').set(auth(admin)).send({ steps: [{ waitSeconds: 0, notify: { roles: ['monitor'] } }], ackTimeoutSeconds: 60 });
    expect(bad.status).toBe(404);
    const empty = await t.http.put('/api/escalation-policies/1').set(auth(admin)).send({ steps: [], ackTimeoutSeconds: 60 });
    expect(empty.status).toBe(400);
    expect((await t.http.put('/api/escalation-policies/1').set(auth(monitor)).send({})).status).toBe(403);
  });
});
