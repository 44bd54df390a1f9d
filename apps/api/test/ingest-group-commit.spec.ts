import type { IngestResultDto, MentionInput } from '@govdesk/contracts';
import { CLUSTER_LOCK, IngestService } from '../src/opinion/ingest.service';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 2, 0) + minute * 60_000).toISOString();

/** A call's mentions: a bus-route matter in 金桥街道, each text its own. */
const call = (tag: string, n: number, extra: Partial<MentionInput> = {}): MentionInput[] =>
  Array.from({ length: n }, (_, i) => ({
    channel: 'hotline_12345',
    externalId: `${tag}-${i}`,
    title: '金桥街道12路公交停运',
    content: `金桥街道12路公交突然停运，老人孩子出行不便，请交通运输局恢复线路。来电${tag}第${i}次`,
    author: `市民${tag}${i}`,
    publishedAt: at(i),
    ...extra,
  }));

/**
 * Calls that arrive while another holds the clustering lock are stored together, in one
 * transaction (group commit). The test holds the lock itself, so that which calls wait and
 * share a transaction is known: the first call's transaction waits for the lock, the later
 * calls queue behind it (`IngestService.queuedCalls`) and are then stored in one transaction.
 */
describe('ingest stores calls that wait for the clustering lock together (real PostgreSQL)', () => {
  let t: TestApp;
  let monitor: string;

  beforeAll(async () => {
    t = await startTestApp();
    monitor = await t.login('monitor');
  });
  afterAll(() => t.close());

  const post = (mentions: MentionInput[], idempotencyKey?: string) =>
    t.http
      .post('/api/opinion/mentions')
      .set({ ...auth(monitor), ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) })
      .send({ mentions })
      .then((res) => res);

  async function until(what: string, condition: () => Promise<boolean> | boolean): Promise<void> {
    for (let tries = 0; !(await condition()); tries++) {
      if (tries > 400) throw new Error(`waited 10 s: ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * Sends `first`, waits until its transaction waits for the lock the test holds (in this
   * test's database: other test files' servers share the PostgreSQL), then sends the rest and
   * waits until they are queued behind it; then releases the lock.
   */
  async function behindTheLock(first: MentionInput[], rest: { mentions: MentionInput[]; key?: string }[], firstKey?: string) {
    const ingest = t.server.app.get(IngestService);
    await t.sql('SELECT pg_advisory_lock($1)', [CLUSTER_LOCK]);
    try {
      const head = post(first, firstKey);
      await until('the first call waits for the clustering lock', async () => {
        const [{ waiting }] = await t.sql<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objid = $1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [CLUSTER_LOCK],
        );
        return waiting === 1;
      });
      const tail = rest.map((r) => post(r.mentions, r.key));
      await until('the later calls are queued', () => ingest.queuedCalls === rest.length);
      await t.sql('SELECT pg_advisory_unlock($1)', [CLUSTER_LOCK]);
      return Promise.all([head, ...tail]);
    } catch (error) {
      await t.sql('SELECT pg_advisory_unlock_all()');
      throw error;
    }
  }

  const transactionsOf = async (prefix: string) =>
    (await t.sql<{ tx: string }>(`SELECT DISTINCT xmin::text AS tx FROM mentions WHERE external_id LIKE $1`, [`${prefix}-%`])).map((r) => r.tx);

  it('answers each call in its own order, finds duplicates across the calls, and audits each call', async () => {
    const first = call('gc-a', 5);
    const second = call('gc-b', 5);
    // The third repeats one of the second's texts under another id, and one of its ids.
    const third = [...call('gc-c', 3), { ...second[1]!, externalId: 'gc-c-repost' }, { ...second[2]!, content: '同一编号的重发' }];
    const fourth = call('gc-d', 4);
    const [a, b, c, d] = await behindTheLock(first, [{ mentions: second, key: 'gc-key-b' }, { mentions: third, key: 'gc-key-c' }, { mentions: fourth }], 'gc-key-a');
    for (const res of [a, b, c, d]) expect(res!.status).toBe(200);
    const bodies = [a, b, c, d].map((res) => res!.body as IngestResultDto);
    expect(bodies.map((x) => x.results.map((r) => r.externalId))).toEqual([first, second, third, fourth].map((m) => m.map((x) => x.externalId)));
    expect(bodies.map((x) => [x.accepted, x.duplicates])).toEqual([
      [5, 0],
      [5, 0],
      [3, 2],
      [4, 0],
    ]);
    const [thirdBody, secondBody] = [bodies[2]!, bodies[1]!];
    expect(thirdBody.results[3]).toMatchObject({ duplicate: true, mentionId: secondBody.results[1]!.mentionId });
    expect(thirdBody.results[4]).toMatchObject({ duplicate: true, mentionId: secondBody.results[2]!.mentionId });
    // One matter: every stored mention in one hotspot, its counts those of its mentions.
    const hotspots = new Set(bodies.flatMap((x) => x.results.map((r) => r.hotspotId)));
    expect(hotspots.size).toBe(1);
    const [h] = await t.sql<{ mentions: number; duplicates: number; stored: number }>(
      `SELECT h.mention_count AS mentions, h.duplicate_count AS duplicates, (SELECT count(*)::int FROM mentions m WHERE m.hotspot_id = h.id) AS stored FROM hotspots h WHERE h.id = $1`,
      [[...hotspots][0]],
    );
    expect(h).toEqual({ mentions: 17, duplicates: 1, stored: 17 });

    // The first call alone, the three that waited behind it in one transaction.
    const [firstTx] = await transactionsOf('gc-a');
    const waited = [...new Set([...(await transactionsOf('gc-b')), ...(await transactionsOf('gc-c')), ...(await transactionsOf('gc-d'))])];
    expect(waited).toHaveLength(1);
    expect(waited[0]).not.toBe(firstTx);

    // Each call's Idempotency-Key is written with its own answer, by the transaction that
    // stored it: a retry gets that answer again and changes nothing.
    const keys = await t.sql<{ key: string; accepted: number }>(`SELECT key, (response->>'accepted')::int AS accepted FROM idempotency_keys WHERE key LIKE 'gc-key-%' ORDER BY key`);
    expect(keys).toEqual([
      { key: 'gc-key-a', accepted: 5 },
      { key: 'gc-key-b', accepted: 5 },
      { key: 'gc-key-c', accepted: 3 },
    ]);
    const retry = await post(third, 'gc-key-c');
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(thirdBody);

    // One audit entry per call, with that call's figures.
    const audits = await t.sql<{ accepted: number; duplicates: number }>(
      `SELECT (after->>'accepted')::int AS accepted, (after->>'duplicates')::int AS duplicates FROM audit_log WHERE action = 'mentions.ingest' ORDER BY (after->>'accepted')::int, id`,
    );
    expect(audits).toEqual([
      { accepted: 3, duplicates: 2 },
      { accepted: 4, duplicates: 0 },
      { accepted: 5, duplicates: 0 },
      { accepted: 5, duplicates: 0 },
    ]);
  });

  it('fails only the call whose mentions the database refuses; the calls stored with it are stored alone', async () => {
    // A real refusal by PostgreSQL for one call's text (a trigger the test installs).
    await t.sql(`CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN IF NEW.content LIKE '%REFUSE-ME%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
    await t.sql(`CREATE TRIGGER refuse_marked BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION refuse_marked()`);
    try {
      const refused = call('gc-refused', 3).map((m, i) => (i === 1 ? { ...m, content: `${m.content} REFUSE-ME` } : m));
      const [first, before, bad, after] = await behindTheLock(call('gc-first', 2), [
        { mentions: call('gc-before', 2), key: 'gc-key-before' },
        { mentions: refused, key: 'gc-key-refused' },
        { mentions: call('gc-after', 2), key: 'gc-key-after' },
      ]);
      expect([first!.status, before!.status, bad!.status, after!.status]).toEqual([200, 200, 500, 200]);
      expect((before!.body as IngestResultDto).accepted).toBe(2);
      expect((after!.body as IngestResultDto).accepted).toBe(2);
      const [{ refusedStored }] = await t.sql<{ refusedStored: number }>(`SELECT count(*)::int AS "refusedStored" FROM mentions WHERE external_id LIKE 'gc-refused-%'`);
      expect(refusedStored).toBe(0);
      // The stored calls' keys are written, the refused call's is not (a retry carries it out again).
      const keys = await t.sql<{ key: string }>(`SELECT key FROM idempotency_keys WHERE key IN ('gc-key-before', 'gc-key-refused', 'gc-key-after') ORDER BY key`);
      expect(keys.map((k) => k.key)).toEqual(['gc-key-after', 'gc-key-before']);
      // Stored alone after the shared transaction failed: each in a transaction of its own.
      const [beforeTx, afterTx] = [await transactionsOf('gc-before'), await transactionsOf('gc-after')];
      expect(beforeTx).toHaveLength(1);
      expect(afterTx).toHaveLength(1);
      expect(beforeTx[0]).not.toBe(afterTx[0]);
      // The hotspot counts only what is stored.
      const [h] = await t.sql<{ mentions: number; stored: number }>(
        `SELECT h.mention_count AS mentions, (SELECT count(*)::int FROM mentions m WHERE m.hotspot_id = h.id) AS stored
           FROM hotspots h WHERE h.id = (SELECT hotspot_id FROM mentions WHERE external_id = 'gc-after-0')`,
      );
      expect(h!.mentions).toBe(h!.stored);
    } finally {
      await t.sql('DROP TRIGGER refuse_marked ON mentions');
      await t.sql('DROP FUNCTION refuse_marked()');
    }
  });
});
