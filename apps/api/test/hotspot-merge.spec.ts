import type { HotspotDetailDto, IngestResultDto, MentionInput } from '@govdesk/contracts';
import { generateDemoMentions } from '../src/seed/demo-mentions';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * One matter (浪溪河 at 孝直镇: dead fish, black and smelly water) as its first posts describe it:
 * the dead-fish posts and the smell posts start hotspots side by side; the last post names both,
 * and clustering merges the fragments.
 */
const RIVER = [
  '浪溪河孝直镇段河面上漂着不少死鱼',
  '浪溪河胡庄村桥下河面上漂着一片死鱼',
  '浪溪河后屯村附近河面上漂着死鱼，河水发黑',
  '浪溪河孝直镇段河水发黑发臭，味道呛人',
  '浪溪河下游河水又黑又臭，臭气熏天',
  '浪溪河孝直镇段的水这几天发黑了，走近了臭味刺鼻',
  '浪溪河孝直镇段河水发黑，河面上漂着死鱼，臭味刺鼻',
  '浪溪河死鱼越来越多，河水发黑发臭',
  '浪溪河污染严重：死鱼、发黑、发臭',
];

const post = (run: string, i: number, start: number): MentionInput => ({
  channel: 'weibo',
  externalId: `${run}-${i}`,
  content: `${RIVER[i]!}${{ a: '', b: '！', c: '。', e: '！！' }[run] ?? ''}`, // each run's own words (not duplicates of another's)
  author: `${run}-网友${i}`,
  publishedAt: new Date(start + i * 60_000).toISOString(),
});

describe('clustering merges the fragments of one matter (real PostgreSQL)', () => {
  let t: TestApp;
  let monitor: string;

  beforeAll(async () => {
    t = await startTestApp({ GOVDESK_LOG_LEVEL: 'error' });
    monitor = await t.login('monitor');
  });
  afterAll(() => t.close());

  const ingest = async (mentions: MentionInput[]): Promise<IngestResultDto> => {
    const res = await t.http.post('/api/opinion/mentions').set(auth(monitor)).send({ mentions });
    expect([res.status, res.body]).toEqual([200, expect.anything()]);
    return res.body as IngestResultDto;
  };
  const hotspot = async (id: string): Promise<HotspotDetailDto> => (await t.http.get(`/api/hotspots/${id}`).set(auth(monitor))).body as HotspotDetailDto;

  it('merges stored fragments when a later call joins them: mentions, authors, alert and audit follow', async () => {
    const start = Date.UTC(2026, 10, 20, 1, 0);
    const first = await ingest(RIVER.slice(0, 8).map((_, i) => post('a', i, start)));
    const fragments = [...new Set(first.results.map((r) => r.hotspotId!))];
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    const openBefore = await t.sql<{ hotspot_id: string; id: string }>(`SELECT hotspot_id, id FROM alerts WHERE status <> 'resolved' AND hotspot_id = ANY($1::uuid[])`, [fragments]);

    const second = await ingest([post('a', 8, start)]);
    const survivor = second.results[0]!.hotspotId!;
    expect(fragments).toContain(survivor);
    const merged: string[] = [];
    for (const id of fragments) if (id !== survivor && (await hotspot(id)).status === 'merged') merged.push(id);
    expect(merged.length).toBeGreaterThanOrEqual(1);

    // The survivor holds its own and the merged fragments' mentions and authors, each once.
    const expected = first.results.filter((r) => r.hotspotId === survivor || merged.includes(r.hotspotId!)).length + 1;
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mentions WHERE hotspot_id = $1`, [survivor]);
    expect(n).toBe(expected);
    const detail = await hotspot(survivor);
    expect(detail).toMatchObject({ status: 'open', mentionCount: expected, authorCount: expected });
    expect(detail.mergedFrom.map((m) => [m.id, m.automatic]).sort()).toEqual(merged.map((id) => [id, true]).sort());
    const [{ authors }] = await t.sql<{ authors: number }>(`SELECT count(*)::int AS authors FROM hotspot_authors WHERE hotspot_id = $1`, [survivor]);
    expect(authors).toBe(expected);
    for (const id of merged) {
      expect(await hotspot(id)).toMatchObject({ status: 'merged', mergedInto: survivor, mentionCount: 0, authorCount: 0, heat: 0, channels: {} });
      const [{ left }] = await t.sql<{ left: number }>(`SELECT (SELECT count(*) FROM mentions WHERE hotspot_id = $1) + (SELECT count(*) FROM hotspot_authors WHERE hotspot_id = $1) AS left`, [id]);
      expect(Number(left)).toBe(0);
    }
    // The board lists the matter once.
    const list = (await t.http.get('/api/hotspots?sort=size&limit=50').set(auth(monitor))).body as { id: string }[];
    expect(list.map((h) => h.id)).toContain(survivor);
    for (const id of merged) expect(list.map((h) => h.id)).not.toContain(id);

    // Each fragment had an open alert (sensitive words): the merged one's is resolved by the
    // system, its matches counted on the survivor's, which stays the matter's one open alert.
    const involved = [survivor, ...merged];
    const before = new Map(openBefore.map((a) => [a.hotspot_id, a.id]));
    expect(involved.every((id) => before.has(id))).toBe(true);
    const openAfter = await t.sql<{ hotspot_id: string; id: string }>(`SELECT hotspot_id, id FROM alerts WHERE status <> 'resolved' AND hotspot_id = ANY($1::uuid[])`, [involved]);
    expect(openAfter).toEqual([{ hotspot_id: survivor, id: before.get(survivor) }]);
    const alerts = await t.sql<{ id: string; status: string; resolved_by: string | null; count: number }>(`SELECT id, status, resolved_by, count FROM alerts WHERE id = ANY($1::uuid[])`, [[...before.values()]]);
    const byId = new Map(alerts.map((a) => [a.id, a]));
    for (const id of merged) expect(byId.get(before.get(id)!)).toMatchObject({ status: 'resolved', resolved_by: 'system' });
    const [{ events }] = await t.sql<{ events: number }>(`SELECT count(*)::int AS events FROM alert_events WHERE event = 'alert.resolved' AND alert_id = ANY($1::uuid[])`, [merged.map((id) => before.get(id))]);
    expect(events).toBe(merged.length);
    const counted = alerts.reduce((n, a) => n + a.count, 0) - byId.get(before.get(survivor)!)!.count;
    expect(byId.get(before.get(survivor)!)!.count).toBeGreaterThanOrEqual(counted + 1);

    const audits = await t.sql<{ entity_id: string; after: { merged: string } }>(`SELECT entity_id, after FROM audit_log WHERE action = 'hotspot.auto_merge'`);
    expect(audits.map((a) => a.after.merged).sort()).toEqual([...merged].sort());
    expect(audits.every((a) => a.entity_id === survivor)).toBe(true);
  });

  it("moves a merged fragment's open alert to the survivor when the survivor has none", async () => {
    const start = Date.UTC(2027, 11, 20, 1, 0); // another 200 days on: a matter of its own
    const first = await ingest(RIVER.slice(0, 8).map((_, i) => post('c', i, start)));
    const sizes = new Map<string, number>();
    for (const r of first.results) sizes.set(r.hotspotId!, (sizes.get(r.hotspotId!) ?? 0) + 1);
    const largest = [...sizes].sort((a, b) => b[1] - a[1])[0]![0];
    // A monitor settles the largest fragment's alert; the others stay open.
    const [own] = await t.sql<{ id: string }>(`SELECT id FROM alerts WHERE hotspot_id = $1 AND status <> 'resolved'`, [largest]);
    expect((await t.http.post(`/api/alerts/${own!.id}/resolve`).set(auth(monitor)).send({})).status).toBe(200);
    const openBefore = await t.sql<{ hotspot_id: string; id: string }>(`SELECT hotspot_id, id FROM alerts WHERE status <> 'resolved' AND hotspot_id = ANY($1::uuid[])`, [[...sizes.keys()]]);

    const survivor = (await ingest([post('c', 8, start)])).results[0]!.hotspotId!;
    expect(survivor).toBe(largest);
    const merged = (await t.sql<{ id: string }>(`SELECT id FROM hotspots WHERE merged_into = $1`, [survivor])).map((h) => h.id);
    expect(merged.length).toBeGreaterThanOrEqual(1);
    const followed = openBefore.find((a) => a.hotspot_id === merged[0]);
    expect(followed).toBeDefined();
    const [alert] = await t.sql<{ hotspot_id: string; status: string }>(`SELECT hotspot_id, status FROM alerts WHERE id = $1`, [followed!.id]);
    expect(alert).toEqual({ hotspot_id: survivor, status: 'open' });
    const [{ audits }] = await t.sql<{ audits: number }>(`SELECT count(*)::int AS audits FROM audit_log WHERE action = 'alert.follow_merge' AND entity_id = $1`, [followed!.id]);
    expect(audits).toBe(1);
  });

  it('keeps a fragment merged within one call out of the database, its mentions in the survivor', async () => {
    const start = Date.UTC(2028, 6, 8, 1, 0); // 200 days after the last run: a matter of its own
    const body = await ingest(RIVER.map((_, i) => post('b', i, start)));
    const hotspots = [...new Set(body.results.map((r) => r.hotspotId))];
    // As in the first run, the matter's posts end in fewer hotspots than they started (the one
    // merged away in the call is never stored); every stored hotspot holds what the answer says.
    const stored = await t.sql<{ id: string; mention_count: number; status: string }>(`SELECT id, mention_count, status FROM hotspots WHERE first_seen_at >= $1`, [new Date(start).toISOString()]);
    expect(stored.every((h) => h.status === 'open')).toBe(true);
    expect(stored.map((h) => h.id).sort()).toEqual([...hotspots].sort());
    for (const h of stored) expect(h.mention_count).toBe(body.results.filter((r) => r.hotspotId === h.id).length);
    const [{ audits }] = await t.sql<{ audits: number }>(`SELECT count(*)::int AS audits FROM audit_log WHERE action = 'mentions.ingest' AND (after->>'merged')::int > 0`);
    expect(audits).toBe(3);
  });

  it('leaves the two sides of a monitor\'s split apart as more mentions arrive', async () => {
    const start = Date.UTC(2029, 0, 20, 1, 0); // 200 days after the other runs: a matter of its own
    const body = await ingest(RIVER.map((_, i) => post('d', i, start)));
    const [survivor] = [...new Set(body.results.map((r) => r.hotspotId!))];
    const detail = await hotspot(survivor!);
    // The monitor decides the dead-fish posts are a matter of their own.
    const fish = detail.mentions.filter((m) => m.content.includes('漂着')).map((m) => m.id);
    expect(fish.length).toBeGreaterThan(0);
    expect(fish.length).toBeLessThan(detail.mentionCount);
    const split = await t.http.post(`/api/hotspots/${survivor}/split`).set(auth(monitor)).send({ mentionIds: fish });
    expect(split.status).toBe(201);
    const sides = [survivor!, (split.body as HotspotDetailDto).id];
    const mergesBefore = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'hotspot.auto_merge'`))[0]!.n;

    // Posts naming both again, enough to reach the merge checks of both sides.
    const more = Array.from({ length: 8 }, (_, i): MentionInput => ({
      channel: 'weibo',
      externalId: `d-more-${i}`,
      content: `浪溪河污染严重：死鱼、发黑、发臭（第${i + 1}次反映）`,
      author: `d-more-${i}`,
      publishedAt: new Date(start + (30 + i) * 60_000).toISOString(),
    }));
    const after = await ingest(more);
    expect(after.rejected).toBe(0);
    const mergesAfter = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'hotspot.auto_merge'`))[0]!.n;
    expect(mergesAfter).toBe(mergesBefore);
    for (const id of sides) expect(await hotspot(id)).toMatchObject({ status: 'open' });
    const [{ kept }] = await t.sql<{ kept: number }>(`SELECT count(*)::int AS kept FROM hotspots WHERE id = ANY($1::uuid[]) AND keep_apart`, [sides]);
    expect(kept).toBe(2);
  });

  it('lets a monitor undo an automatic merge: the mentions it moved go back, and the two stay apart', async () => {
    const start = Date.UTC(2030, 0, 10, 1, 0); // far from the other runs: a matter of its own
    await ingest(RIVER.slice(0, 8).map((_, i) => post('e', i, start)));
    const survivor = (await ingest([post('e', 8, start)])).results[0]!.hotspotId!;
    const before = await hotspot(survivor);
    const merged = before.mergedFrom.find((m) => m.automatic)!;
    expect(merged).toBeDefined();
    const moved = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mentions WHERE hotspot_id = $1 AND merged_from = $2`, [survivor, merged.id]))[0]!.n;
    expect(moved).toBeGreaterThan(0);

    const unmerge = (id: string, body: object, token = monitor) => t.http.post(`/api/hotspots/${id}/unmerge`).set(auth(token)).send(body);
    expect((await unmerge(survivor, { hotspotId: merged.id }, await t.login('handler'))).status).toBe(403);
    expect((await unmerge(survivor, { hotspotId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await unmerge(survivor, { hotspotId: 'not-a-uuid' })).status).toBe(400);
    const self = await unmerge(survivor, { hotspotId: survivor });
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ code: 'HOTSPOT_UNMERGE_INVALID' });

    const res = await unmerge(survivor, { hotspotId: merged.id });
    expect(res.status).toBe(201);
    const after = res.body as HotspotDetailDto;
    expect(after.mentionCount).toBe(before.mentionCount - moved);
    expect(after.mergedFrom.map((m) => m.id)).not.toContain(merged.id);
    const back = await hotspot(merged.id);
    expect(back).toMatchObject({ status: 'open', mergedInto: null, mentionCount: moved });
    for (const id of [survivor, merged.id]) {
      const [row] = await t.sql<{ keep_apart: boolean; mention_count: number; mentions: number; author_count: number; authors: number }>(
        `SELECT keep_apart, mention_count, author_count, (SELECT count(*)::int FROM mentions WHERE hotspot_id = $1) AS mentions,
                (SELECT count(*)::int FROM hotspot_authors WHERE hotspot_id = $1) AS authors FROM hotspots WHERE id = $1`,
        [id],
      );
      expect(row).toMatchObject({ keep_apart: true, mentions: row!.mention_count, authors: row!.author_count });
    }
    expect((await unmerge(survivor, { hotspotId: merged.id })).status).toBe(422); // not merged any more
    const [{ audits }] = await t.sql<{ audits: number }>(`SELECT count(*)::int AS audits FROM audit_log WHERE action = 'hotspot.unmerge' AND entity_id = $1`, [survivor]);
    expect(audits).toBe(1);

    // More posts naming both do not merge them again.
    const merges = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'hotspot.auto_merge'`))[0]!.n;
    await ingest(Array.from({ length: 6 }, (_, i): MentionInput => ({ channel: 'weibo', externalId: `e-more-${i}`, content: `浪溪河死鱼、发黑、发臭，第${i + 1}次反映`, author: `e-more-${i}`, publishedAt: new Date(start + (40 + i) * 60_000).toISOString() })));
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'hotspot.auto_merge'`))[0]!.n).toBe(merges);
  });

  it('keeps every figure true to the stored mentions through a stream of calls that merge stored and new hotspots', async () => {
    // Three weeks of the demo county, 500 mentions a call: merges chain through hotspots stored
    // earlier and hotspots new in the call.
    const mentions = generateDemoMentions({ seed: 11, now: new Date(Date.UTC(2029, 3, 1)), days: 21, count: 3000 });
    for (let i = 0; i < mentions.length; i += 500) {
      const body = await ingest(mentions.slice(i, i + 500));
      expect(body.rejected).toBe(0);
      // Every answer names a hotspot that holds the mention.
      const ids = body.results.filter((r) => !r.duplicate).map((r) => r.mentionId);
      const [{ wrong }] = await t.sql<{ wrong: number }>(
        `SELECT count(*)::int AS wrong FROM mentions m JOIN unnest($1::bigint[], $2::uuid[]) AS x(id, hotspot) ON x.id = m.id WHERE m.hotspot_id <> x.hotspot`,
        [ids, body.results.filter((r) => !r.duplicate).map((r) => r.hotspotId)],
      );
      expect(wrong).toBe(0);
    }
    const [{ merges }] = await t.sql<{ merges: number }>(`SELECT count(*)::int AS merges FROM audit_log WHERE action = 'hotspot.auto_merge'`);
    expect(merges).toBeGreaterThan(20);
    const bad = await t.sql<{ id: string; status: string; mention_count: number; mentions: number; author_count: number; authors: number; alerts: number }>(
      `SELECT h.id, h.status, h.mention_count, h.author_count,
              (SELECT count(*)::int FROM mentions m WHERE m.hotspot_id = h.id) AS mentions,
              (SELECT count(*)::int FROM hotspot_authors a WHERE a.hotspot_id = h.id) AS authors,
              (SELECT count(*)::int FROM alerts a WHERE a.hotspot_id = h.id AND a.status <> 'resolved') AS alerts
         FROM hotspots h`,
    );
    const wrong = bad.filter((h) => h.mention_count !== h.mentions || h.author_count !== h.authors || (h.status === 'merged' && (h.mentions > 0 || h.alerts > 0)) || h.alerts > 1);
    expect(wrong).toEqual([]);
    expect(bad.filter((h) => h.status === 'merged').length).toBeGreaterThan(0);
  });
});
