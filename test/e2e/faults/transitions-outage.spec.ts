import type { RequestDetailDto } from '@govdesk/contracts';
import type { Client as PgClient } from 'pg';
import { spawnApi, type SpawnedApi } from '../../../apps/api/test/support/spawn-api';
import { sqlClient } from '../../../apps/api/test/support/test-app';
import { startFaultPostgres, type FaultPostgres } from './support/fault-postgres';
import { call, callRetrying, login, pause } from './support/http';
import { checkRequests, drive, educationUnit, newStats, PLAN, registerRequests, type Tokens } from './support/requests';
import { allOrAbort, assertAlive, waitFor } from './support/wait';

/**
 * Faults while requests move through their life (12 transitions each, with a supervisor's urge
 * on the way): PostgreSQL stopped and started again twice (fast, then immediate shutdown), and
 * an API process killed (SIGKILL) in the middle of a burst of transitions. Clients retry what
 * failed without an answer; afterwards no transition is lost or applied twice, and no request
 * is half-changed: status, timeline, version, audit, deadline and notifications agree.
 */
const DOWN_MS = 3000;

describe('faults during request transitions', () => {
  let pg: FaultPostgres | undefined;
  let db = '';
  let a: SpawnedApi | undefined;
  const processes: SpawnedApi[] = [];
  let sql: PgClient | undefined;
  let tokens: Tokens;
  let unitId = '';

  const detailVia = (base: string) => async (id: string) => (await callRetrying<RequestDetailDto>(base, tokens.handler, 'GET', `/api/requests/${id}`)).body;

  beforeAll(async () => {
    pg = await startFaultPostgres();
    db = await pg.createDatabase('faults_transitions');
    a = await spawnApi({ DATABASE_URL: db });
    processes.push(a);
    tokens = { handler: await login(a.url, 'handler'), supervisor: await login(a.url, 'supervisor') };
    unitId = await educationUnit(a.url, tokens.handler);
    sql = await sqlClient(db);
  }, 120_000);

  afterAll(async () => {
    await sql?.end().catch(() => undefined);
    await Promise.all(processes.map((p) => p.stop()));
    await pg?.dispose();
  });

  it('loses and doubles no transition while PostgreSQL is stopped and started again', async () => {
    const requests = await registerRequests(a!.url, tokens.handler, unitId, 24, 'outage');
    const stats = newStats();
    const total = requests.length * PLAN.length;
    const failed = new AbortController();
    const faults = (async () => {
      await waitFor(() => stats.transitions >= total * 0.2, 120_000, 'a fifth of the transitions', failed.signal);
      await pg!.stop('fast');
      await pause(DOWN_MS);
      await pg!.start();
      await waitFor(() => stats.transitions >= total * 0.6, 120_000, 'three fifths of the transitions', failed.signal);
      await pg!.stop('immediate');
      await pause(DOWN_MS);
      await pg!.start();
    })();
    const check = () => assertAlive(a!);
    await allOrAbort(failed, [...requests.map((r) => drive(a!.url, tokens, r.id, r.version, PLAN, stats, { check, urge: true })), faults]);
    expect(a!.child.exitCode).toBeNull();
    expect(stats.transitions).toBe(total);
    await sql!.end().catch(() => undefined);
    sql = await sqlClient(db); // the connection did not survive the restarts

    const states = await checkRequests(
      sql,
      requests.map((r) => r.id),
      detailVia(a!.url),
    );
    // Nothing lost: every request went all the way.
    expect(states.every((s) => s.applied === PLAN.length)).toBe(true);
    const statuses = await sql.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM disclosure_requests WHERE id = ANY($1::uuid[]) GROUP BY status`, [requests.map((r) => r.id)]);
    expect(statuses.rows).toEqual([{ status: 'archived', n: String(requests.length) }]);
    // Urges carry an Idempotency-Key: one whose answer was lost and that was sent again is stored once.
    const urgesStored = states.reduce((s, x) => s + x.urges, 0);
    expect(urgesStored).toBe(stats.urges);
    expect((await call(a!.url, null, 'GET', '/api/health')).status).toBe(200);

    const [first, second] = pg!.outages;
    console.log(
      `transitions under outages: ${requests.length} requests × ${PLAN.length} = ${stats.transitions} transitions applied once each ` +
        `(${stats.appliedUnseen} applied although their answer was lost, ${stats.unclear} failed attempts retried); ` +
        `${stats.urges} urges, ${urgesStored} stored (${stats.urgesRetried} retried, ${stats.urgeAnswersLost} answers lost and reported as such); ` +
        `PostgreSQL down ${first!.upAt! - first!.downAt} ms (fast) and ${second!.upAt! - second!.downAt} ms (immediate)`,
    );
  }, 240_000);

  it('leaves no request half-changed when an API process is killed in the middle of a burst of transitions', async () => {
    const requests = await registerRequests(a!.url, tokens.handler, unitId, 20, 'kill');
    const k = await spawnApi({ DATABASE_URL: db });
    processes.push(k);
    const stats = newStats();
    // Clients talk to K; once it is killed they retry against the same address (refused) until
    // the gate opens on a fresh process F.
    let target = k.url;
    const drives = requests.map((r) => drive(() => target, tokens, r.id, r.version, PLAN, stats));
    const settled = Promise.allSettled(drives);
    await waitFor(() => stats.transitions >= 60, 120_000, '60 transitions through K');
    const beforeKill = stats.transitions;
    await k.kill();
    const killedAt = Date.now();

    const f = await spawnApi({ DATABASE_URL: db });
    processes.push(f);
    // PostgreSQL rolled back what K had open: no session is left in a transaction, no row of the
    // requests is locked.
    let leftovers = { in_tx: '?', locked: '?' };
    for (let i = 0; i < 50; i++) {
      leftovers = (
        await sql!.query<{ in_tx: string; locked: string }>(
          `SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%') AS in_tx,
                  (SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                    WHERE c.relname IN ('disclosure_requests', 'request_events', 'audit_log') AND l.mode <> 'AccessShareLock' AND l.pid <> pg_backend_pid()) AS locked`,
        )
      ).rows[0]!;
      if (leftovers.in_tx === '0' && leftovers.locked === '0') break;
      await pause(100);
    }
    expect(leftovers).toEqual({ in_tx: '0', locked: '0' });
    // And a request no client is driving still moves: nothing waits on a lock K held.
    const spare = (await registerRequests(f.url, tokens.handler, unitId, 1, 'spare'))[0]!;
    expect((await callRetrying(f.url, tokens.handler, 'POST', `/api/requests/${spare.id}/transitions`, { action: 'start_review', version: 1 })).status).toBe(200);
    // The state K left, read through F: every request consistent, whatever step it was at.
    const atKill = await checkRequests(
      sql!,
      requests.map((r) => r.id),
      detailVia(f.url),
    );
    const appliedAtKill = atKill.reduce((s, x) => s + x.applied, 0);
    expect(appliedAtKill).toBeGreaterThanOrEqual(beforeKill);
    expect(appliedAtKill - beforeKill).toBeLessThanOrEqual(requests.length); // at most the calls in flight

    // The clients go on through F and finish every request.
    target = f.url;
    const outcomes = await settled;
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => String(o.reason));
    expect(failures).toEqual([]);
    expect(stats.transitions).toBe(requests.length * PLAN.length);
    const final = await checkRequests(
      sql!,
      requests.map((r) => r.id),
      detailVia(f.url),
    );
    expect(final.every((s) => s.applied === PLAN.length)).toBe(true);

    console.log(
      `API process killed: ${beforeKill} transitions acknowledged by K before SIGKILL, ${appliedAtKill} found applied afterwards ` +
        `(${appliedAtKill - beforeKill} committed with the answer lost or in flight); the clients finished the other ` +
        `${requests.length * PLAN.length - appliedAtKill} through a fresh process ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill ` +
        `(${stats.appliedUnseen} found applied on re-read, ${stats.unclear} failed attempts retried)`,
    );
  }, 240_000);
});
