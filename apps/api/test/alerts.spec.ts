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
