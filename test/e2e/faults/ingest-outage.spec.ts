import type { AlertEscalatedPayload, AlertEventPayload, IngestResultDto, MentionInput } from '@govdesk/contracts';
import type { Client as PgClient } from 'pg';
import { generateDemoMentions } from '../../../apps/api/src/seed/demo-mentions';
import { burst, connect, connectResuming, next, type Client } from '../../../apps/api/test/support/alert-clients';
import { spawnApi, type SpawnedApi } from '../../../apps/api/test/support/spawn-api';
import { sqlClient } from '../../../apps/api/test/support/test-app';
import { startFaultPostgres, type FaultPostgres } from './support/fault-postgres';
import { call, callRetrying, login, pause } from './support/http';
import { allOrAbort, assertAlive, waitFor, within } from './support/wait';

/**
 * Fault: PostgreSQL goes down twice while two API processes ingest — a fast shutdown (sessions
 * terminated, open transactions rolled back) and an immediate one (as in a crash: WAL recovery
 * at the next start), each for about 3 s. The clients retry every call that fails without an
 * answer. Nothing may be lost or stored twice, and the processes must come back by themselves:
 * pools, pg-boss and the socket.io adapter's LISTEN connection.
 */
const BATCHES = 40;
const PER_BATCH = 50;
const DOWN_MS = 3000;

describe('PostgreSQL stopped and restarted during ingest', () => {
  let pg: FaultPostgres | undefined;
  const processes: SpawnedApi[] = [];
  const sockets: Client[] = [];
  let sql: PgClient | undefined;
  let a: SpawnedApi;
  let b: SpawnedApi;
  let monitorA = '';
  let monitorB = '';

  beforeAll(async () => {
    pg = await startFaultPostgres();
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await sql?.end().catch(() => undefined);
    await Promise.all(processes.map((p) => p.stop()));
    await pg?.dispose();
  });

  it('stores every mention exactly once, keeps hotspots and audit in step, and recovers pools, pg-boss and LISTEN', async () => {
    const db = await pg!.createDatabase('faults_ingest');
    a = await spawnApi({ DATABASE_URL: db });
    processes.push(a);
    b = await spawnApi({ DATABASE_URL: db });
    processes.push(b);
    [monitorA, monitorB] = await Promise.all([login(a.url, 'monitor'), login(b.url, 'monitor')]);

    // A client of B that stays connected through both outages (socket.io does not need the database).
    const early = await connectResuming(b.url, monitorB);
    sockets.push(early);

    // 2,000 demo mentions, each with its own external id and its own words (no content duplicates).
    const mentions: MentionInput[] = generateDemoMentions({ seed: 4242, now: new Date(), days: 7, count: BATCHES * PER_BATCH }).map((m, i) => ({
      ...m,
      externalId: `fault-ingest-${i}`,
      content: `${m.content}（编号${i}）`,
    }));
    const batches = Array.from({ length: BATCHES }, (_, i) => mentions.slice(i * PER_BATCH, (i + 1) * PER_BATCH));
    const answers: (IngestResultDto | undefined)[] = new Array(BATCHES);
    let unclear = 0;
    let retried = 0;
    let inFlight = 0;
    const inFlightAtStop: number[] = [];
    let nextBatch = 0;

    // Two clients, one per process, each taking the next batch until all are acknowledged.
    const client = async (base: string, token: string) => {
      while (nextBatch < BATCHES) {
        const i = nextBatch++;
        inFlight++;
        const res = await callRetrying<IngestResultDto>(base, token, 'POST', '/api/opinion/mentions', { mentions: batches[i] }, { check: () => assertAlive(a, b) });
        inFlight--;
        expect(res.status).toBe(200);
        unclear += res.unclear;
        if (res.unclear) retried++;
        answers[i] = res.body;
      }
    };
    const acknowledged = () => answers.filter(Boolean).length;
    const failed = new AbortController();
    let stuckClosed: Promise<string> | undefined;
    const faults = (async () => {
      await waitFor(() => acknowledged() >= 8, 120_000, 'eight acknowledged batches', failed.signal);
      // A monitor connecting to B just then: its handshake (the replay query on alert_events,
      // locked here) is waiting on the database when it goes down.
      const blocker = await sqlClient(db);
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE alert_events IN ACCESS EXCLUSIVE MODE');
      const stuck = await connect(b.url, monitorB); // connected: the handshake's replay runs after
      sockets.push(stuck);
      stuckClosed = new Promise((done) => stuck.once('disconnect', (reason) => done(reason)));
      await pause(300);
      inFlightAtStop.push(inFlight);
      await pg!.stop('fast');
      void blocker.end().catch(() => undefined);
      await pause(DOWN_MS);
      await pg!.start();
      await waitFor(() => acknowledged() >= 24, 120_000, '24 acknowledged batches', failed.signal);
      inFlightAtStop.push(inFlight);
      await pg!.stop('immediate');
      await pause(DOWN_MS);
      await pg!.start();
    })();
    await allOrAbort(failed, [client(a.url, monitorA), client(b.url, monitorB), faults]);

    // Both processes lived through it; the stuck handshake was closed (the client may reconnect).
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    expect(await within(stuckClosed!, 20_000, 'the stuck handshake to be closed')).toBe('transport close');
    expect(pg!.outages).toHaveLength(2);

    // Every batch answered for all its items: stored now, or already stored by an attempt whose answer was lost.
    const accepted = answers.reduce((s, r) => s + r!.accepted, 0);
    const duplicates = answers.reduce((s, r) => s + r!.duplicates, 0);
    expect(answers.every((r) => r!.rejected === 0 && r!.accepted + r!.duplicates === PER_BATCH)).toBe(true);
    expect(accepted + duplicates).toBe(mentions.length);
    // Only a retried batch can meet its own mentions again.
    expect(duplicates).toBeLessThanOrEqual(retried * PER_BATCH);

    sql = await sqlClient(db);
    const stored = await sql.query<{ n: string; distinct_keys: string; sent_found: string }>(
      `SELECT count(*) AS n, count(DISTINCT (channel, external_id)) AS distinct_keys,
              count(*) FILTER (WHERE (channel, external_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))) AS sent_found
         FROM mentions`,
      [mentions.map((m) => m.channel), mentions.map((m) => m.externalId)],
    );
    expect(stored.rows[0]).toEqual({ n: String(mentions.length), distinct_keys: String(mentions.length), sent_found: String(mentions.length) });
    // The ids the answers gave are the stored rows.
    const answeredIds = new Set(answers.flatMap((r) => r!.results.map((x) => x.mentionId)));
    expect(answeredIds.size).toBe(mentions.length);
    const idsFound = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM mentions WHERE id = ANY($1::bigint[])`, [[...answeredIds]]);
    expect(idsFound.rows[0]!.n).toBe(String(mentions.length));

    // Hotspots and audit agree with the mentions: no ingest was half-applied.
    const hotspots = await sql.query<{ id: string; mention_count: number; n: string }>(
      `SELECT h.id, h.mention_count, count(m.id) AS n FROM hotspots h LEFT JOIN mentions m ON m.hotspot_id = h.id
        GROUP BY h.id HAVING h.mention_count <> count(m.id)`,
    );
    expect(hotspots.rows).toEqual([]);
    const figures = await sql.query<{ in_hotspots: string; unassigned: string; audited: string }>(
      `SELECT (SELECT coalesce(sum(mention_count), 0) FROM hotspots)::text AS in_hotspots,
              (SELECT count(*) FROM mentions WHERE hotspot_id IS NULL)::text AS unassigned,
              (SELECT coalesce(sum((after->>'accepted')::int), 0) FROM audit_log WHERE action = 'mentions.ingest')::text AS audited`,
    );
    expect(figures.rows[0]).toEqual({ in_hotspots: String(mentions.length), unassigned: '0', audited: String(mentions.length) });

    // Both processes are healthy again.
    expect((await call(a.url, null, 'GET', '/api/health')).status).toBe(200);
    expect((await call(b.url, null, 'GET', '/api/health')).status).toBe(200);

    // Live events after the restarts: an alert raised through A reaches B's clients only through
    // PostgreSQL NOTIFY/LISTEN, so B's adapter must have listened again (and A's must publish);
    // its escalation step is a pg-boss job, so pg-boss must be polling again.
    const admin = await login(a.url, 'admin');
    for (const level of [2, 3]) {
      const res = await callRetrying(a.url, admin, 'PUT', `/api/escalation-policies/${level}`, {
        steps: [{ waitSeconds: 0, notify: { roles: ['monitor'] } }, { waitSeconds: 2, notify: { roles: ['supervisor'] } }],
        repeat: false,
        ackTimeoutSeconds: 600,
      });
      expect(res.status).toBe(200);
    }
    // Each process LISTENs again after the adapter's reconnection delay (1–3 s): wait for both
    // (the API then has its clients reconnect and replay what they missed: see the last test).
    const deadline = Date.now() + 30_000;
    for (;;) {
      const listening = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`);
      if (listening.rows[0]!.n === '2') break;
      if (Date.now() > deadline) throw new Error(`${listening.rows[0]!.n} of 2 processes LISTEN again 30 s after the restart`);
      await pause(100);
    }
    const late = await connectResuming(b.url, monitorB);
    const supervisor = await connectResuming(b.url, await login(b.url, 'supervisor'));
    const local = await connectResuming(a.url, monitorA);
    sockets.push(late, supervisor, local);
    const isOurs = (p: AlertEventPayload) => p.title.includes('垃圾填埋场');
    const raisedLate = next(late, 'alert.raised', isOurs, 20_000);
    const raisedEarly = next(early, 'alert.raised', isOurs, 20_000);
    const raisedLocal = next(local, 'alert.raised', isOurs, 20_000);
    const escalated = next(supervisor, 'alert.escalated', isOurs, 30_000);
    const res = await callRetrying<IngestResultDto>(a.url, monitorA, 'POST', '/api/opinion/mentions', { mentions: burst('after-restart', '孝里镇', '垃圾填埋场臭气熏天', 0) });
    expect(res.status).toBe(200);
    const [alert] = (await Promise.all([raisedLate, raisedEarly, raisedLocal])) as AlertEventPayload[];
    expect((await escalated) as AlertEscalatedPayload).toMatchObject({ alertId: alert!.alertId, step: 2, reason: 'step' });
    const timerRuns = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM alert_events WHERE alert_id = $1 AND event = 'alert.escalated'`, [alert!.alertId]);
    expect(timerRuns.rows[0]!.n).toBe('1');

    const [first, second] = pg!.outages;
    console.log(
      `ingest under outages: ${mentions.length} mentions sent in ${BATCHES} batches, ${stored.rows[0]!.n} stored once each; ` +
        `${retried} batches retried (${unclear} failed attempts, ${duplicates} items answered as already stored); ` +
        `PostgreSQL down ${first!.upAt! - first!.downAt} ms (fast) and ${second!.upAt! - second!.downAt} ms (immediate), ` +
        `batches in flight at the stops: ${inFlightAtStop.join(', ')}`,
    );
  }, 300_000);

  /**
   * After the database restarts, the adapter LISTENs again only after its reconnection delay
   * (1–3 s): what another process publishes meanwhile never reaches this process directly. The
   * API then closes its clients' connections; a client that reconnects as the console does (the
   * last event id it saw, or the server's cursor, in the handshake) gets the missed events replayed.
   */
  it('delivers an alert raised on another process right after a restart to a client that stayed connected', async () => {
    const stayed = await connectResuming(b.url, monitorB);
    sockets.push(stayed);
    await pg!.stop('fast');
    await pause(1000);
    await pg!.start();
    const raised = next(stayed, 'alert.raised', (p) => p.title.includes('养殖场'), 15_000);
    const res = await callRetrying<IngestResultDto>(a.url, monitorA, 'POST', '/api/opinion/mentions', { mentions: burst('listen-gap', '东阿镇', '养殖场污水直排河道', 30) });
    expect(res.status).toBe(200);
    await raised.catch((e: Error) => {
      console.log(b.output().split('\n').filter((l) => !l.startsWith('{') || /adapter|socket/.test(l)).slice(-40).join('\n'));
      throw e;
    });
  }, 60_000);
});
