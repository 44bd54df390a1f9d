import type { HotspotDetailDto, HotspotSummaryDto, IngestResultDto, MentionInput, SourceWithKeyDto } from '@govdesk/contracts';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 1, 0) + minute * 60_000).toISOString();

/** A river pollution matter in 玫瑰镇 said many ways, and a school-enrolment matter. */
const river = (i: number): MentionInput => ({
  channel: 'weibo',
  externalId: `wb-river-${i}`,
  title: i % 2 ? '浪溪河玫瑰镇段又发黑发臭' : '玫瑰镇化工厂向浪溪河偷排污水',
  content: [
    `浪溪河玫瑰镇段河水发黑发臭，化工厂晚上偷排污水，附近村民第${i}次反映了，至今没人管！`,
    `玫瑰镇那家化工厂又往浪溪河里排污水，河水臭得没法住人，环保部门管不管？（${i}）`,
    `今天路过浪溪河，水是黑的，味道刺鼻，听说是玫瑰镇化工厂偷排，希望尽快治理。编号${i}`,
  ][i % 3]!,
  author: `村民${i}`,
  publishedAt: at(i),
  reach: { likes: i, reposts: 1, comments: 2, views: 100 },
});
const school = (i: number): MentionInput => ({
  channel: 'message_board',
  externalId: `mb-school-${i}`,
  title: '榆山街道小学划片招生不合理',
  content: `孩子今年上一年级，榆山街道实验小学划片范围调整后我们小区被划出去了，上学要走三公里，请教体局说明划片依据。${i}`,
  author: `家长${i}`,
  publishedAt: at(100 + i),
});

describe('mention ingest and hotspots (real PostgreSQL)', () => {
  let t: TestApp;
  let monitor: string;
  let admin: string;
  let handler: string;

  beforeAll(async () => {
    t = await startTestApp();
    [monitor, admin, handler] = await Promise.all([t.login('monitor'), t.login('admin'), t.login('handler')]);
  });
  afterAll(() => t.close());

  const ingest = (mentions: unknown[], headers: Record<string, string> = auth(monitor)) => t.http.post('/api/opinion/mentions').set(headers).send({ mentions });

  it('stores each mention once, groups one matter into one hotspot, and keeps two matters apart', async () => {
    const batch = [...Array.from({ length: 12 }, (_, i) => river(i)), ...Array.from({ length: 6 }, (_, i) => school(i))];
    const res = await ingest(batch);
    expect(res.status).toBe(200);
    const body = res.body as IngestResultDto;
    expect(body).toMatchObject({ accepted: 18, duplicates: 0, rejected: 0 });
    expect(body.results).toHaveLength(18);
    expect(body.results.map((r) => r.externalId)).toEqual(batch.map((m) => m.externalId));
    const riverHotspots = new Set(body.results.slice(0, 12).map((r) => r.hotspotId));
    const schoolHotspots = new Set(body.results.slice(12).map((r) => r.hotspotId));
    expect(riverHotspots.size).toBe(1);
    expect(schoolHotspots.size).toBe(1);
    expect([...riverHotspots][0]).not.toBe([...schoolHotspots][0]);

    // Again: every item is a duplicate, nothing new is stored.
    const again = (await ingest(batch)).body as IngestResultDto;
    expect(again).toMatchObject({ accepted: 0, duplicates: 18, rejected: 0 });
    expect(again.results.map((r) => r.mentionId)).toEqual(body.results.map((r) => r.mentionId));
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE 'wb-river-%' OR external_id LIKE 'mb-school-%'`);
    expect(n).toBe(18);
  });

  it('counts the same content under another id as a duplicate on the hotspot, not a second mention', async () => {
    const original = river(0);
    const repost = { ...original, channel: 'wechat' as const, externalId: 'wx-repost-1', publishedAt: at(30) };
    const res = (await ingest([repost])).body as IngestResultDto;
    expect(res).toMatchObject({ accepted: 0, duplicates: 1 });
    const hotspot = (await t.http.get(`/api/hotspots/${res.results[0]!.hotspotId}`).set(auth(monitor))).body as HotspotDetailDto;
    expect(hotspot.duplicateCount).toBe(1);
    expect(hotspot.mentionCount).toBe(12);
    expect(hotspot.mentions.find((m) => m.id === res.results[0]!.mentionId)?.duplicateCount).toBe(1);
  });

  it('rejects a bad item alone, with its reason, and stores the others', async () => {
    const good = { ...school(50), externalId: 'mb-good-1', content: '榆山街道实验小学门口早上堵车严重，建议交警高峰期疏导。' };
    const res = await ingest([good, { channel: 'weibo', content: '' }, { channel: 'fax', content: 'x', publishedAt: at(1) }, 'not an object', { ...river(99), url: 'javascript:alert(1)' }]);
    expect(res.status).toBe(200);
    const body = res.body as IngestResultDto;
    expect(body).toMatchObject({ accepted: 1, rejected: 4 });
    expect(body.results[0]!.error).toBeNull();
    expect(body.results[1]!.error).toMatch(/content|publishedAt/);
    expect(body.results[2]!.error).toMatch(/channel/);
    expect(body.results[4]!.error).toMatch(/url/);
  });

  it('answers 413 for more than 1,000 mentions, 400 for invalid UTF-8, 401 for an unknown key', async () => {
    const big = await ingest(Array.from({ length: 1001 }, (_, i) => ({ ...school(i), externalId: `big-${i}` })));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('INGEST_TOO_MANY');
    const bad = Buffer.concat([Buffer.from('{"mentions":[{"channel":"weibo","content":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`","publishedAt":"${at(1)}"}]}`)]);
    // Raw bytes over plain HTTP (supertest would serialise a Buffer as JSON).
    const enc = await fetch(`${t.server.url}/api/opinion/mentions`, { method: 'POST', headers: { ...auth(monitor), 'Content-Type': 'application/json' }, body: bad });
    expect(enc.status).toBe(400);
    expect(((await enc.json()) as { code: string }).code).toBe('INVALID_ENCODING');
    const key = await ingest([school(1)], { 'X-Api-Key': 'gdk_not-a-key' });
    expect(key.status).toBe(401);
    expect(key.body.code).toBe('API_KEY_INVALID');
    expect((await ingest([school(1)], auth(handler))).status).toBe(403);
  });

  it('accepts a source API key, stores a 200,000-character text and script as plain text', async () => {
    const created = await t.http.post('/api/opinion/sources').set(auth(admin)).send({ name: '县融媒体中心', kind: 'api', channel: 'news' });
    expect(created.status).toBe(201);
    const { apiKey, source } = created.body as SourceWithKeyDto;
    expect(apiKey).toMatch(/^gdk_/);
    const long = '孝直镇污水处理厂项目进展如何？'.repeat(14_000).slice(0, 200_000);
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)> 锦水街道路灯不亮\'; DROP TABLE mentions; --';
    const res = await ingest(
      [
        { channel: 'news', externalId: 'n-long', content: long, publishedAt: at(300) },
        { channel: 'news', externalId: 'n-script', title: '<b>标题</b>', content: script, publishedAt: at(301) },
      ],
      { 'X-Api-Key': apiKey! },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 0 });
    const rows = await t.sql<{ content: string; source_id: string }>(`SELECT content, source_id FROM mentions WHERE external_id IN ('n-long', 'n-script') ORDER BY external_id`);
    expect(rows[0]!.content).toHaveLength(200_000);
    expect(rows[1]!.content).toBe(script);
    expect(rows.every((r) => r.source_id === source.id)).toBe(true);
    const tooLong = await ingest([{ channel: 'news', externalId: 'n-too-long', content: `${long}多`, publishedAt: at(302) }]);
    expect(tooLong.body.results[0].error).toMatch(/200000/);
    // A deleted source's key stops working.
    expect((await t.http.delete(`/api/opinion/sources/${source.id}`).set(auth(admin))).status).toBe(204);
    expect((await ingest([school(77)], { 'X-Api-Key': apiKey! })).status).toBe(401);
  });

  it('lists hotspots by heat, size and recency with the fields a board needs', async () => {
    const res = await t.http.get('/api/hotspots?sort=size&limit=5').set(auth(monitor));
    expect(res.status).toBe(200);
    expect(Number(res.headers['x-total-count'])).toBeGreaterThanOrEqual(2);
    const list = res.body as HotspotSummaryDto[];
    expect(list[0]).toMatchObject({ mentionCount: 12, status: 'open' });
    for (const h of list) {
      for (const key of ['id', 'title', 'level', 'heat', 'mentionCount', 'firstSeenAt', 'lastSeenAt']) expect(h).toHaveProperty(key);
    }
    expect(list[0]!.title).toMatch(/浪溪河/);
    expect(list[0]!.authorCount).toBe(12);
    expect(list[0]!.places).toEqual(expect.arrayContaining(['浪溪河', '玫瑰镇']));
    expect(list[0]!.flags).toContain('pollution');
    expect(list[0]!.level).not.toBeNull();
    const byHeat = (await t.http.get('/api/hotspots?sort=heat').set(auth(monitor))).body as HotspotSummaryDto[];
    expect(byHeat.length).toBeGreaterThanOrEqual(2);
    expect((await t.http.get('/api/hotspots').set(auth(handler))).status).toBe(403);
  });

  it('merges and splits hotspots under audit, and lets a monitor set the level by hand', async () => {
    const list = (await t.http.get('/api/hotspots?sort=size&limit=2').set(auth(monitor))).body as HotspotSummaryDto[];
    const [a, b] = list as [HotspotSummaryDto, HotspotSummaryDto];
    const bMentions = ((await t.http.get(`/api/hotspots/${b.id}/mentions`).set(auth(monitor))).body as { id: string }[]).map((m) => m.id);
    expect(bMentions).toHaveLength(b.mentionCount);
    const openAlerts = (id: string) => t.sql<{ id: string }>(`SELECT id FROM alerts WHERE hotspot_id = $1 AND status <> 'resolved'`, [id]);
    const [bAlert] = await openAlerts(b.id);
    const aHadAlert = (await openAlerts(a.id)).length > 0;
    expect(bAlert).toBeDefined(); // both matters are alerts already (sensitive words, several negative voices)
    const merged = await t.http.post(`/api/hotspots/${a.id}/merge`).set(auth(monitor)).send({ hotspotIds: [b.id] });
    expect(merged.status).toBe(201);
    expect((merged.body as HotspotDetailDto).mentionCount).toBe(a.mentionCount + b.mentionCount);
    expect((merged.body as HotspotDetailDto).mergedFrom).toEqual([{ id: b.id, title: b.title, mergedAt: expect.any(String), automatic: false }]);
    const gone = (await t.http.get(`/api/hotspots/${b.id}`).set(auth(monitor))).body as HotspotDetailDto;
    expect(gone).toMatchObject({ status: 'merged', mergedInto: a.id });
    // The merged hotspot's alert follows its matter: onto the survivor, or resolved by the system when that has its own.
    expect(await openAlerts(b.id)).toEqual([]);
    const [followed] = await t.sql<{ hotspot_id: string; status: string; resolved_by: string | null }>(`SELECT hotspot_id, status, resolved_by FROM alerts WHERE id = $1`, [bAlert!.id]);
    expect(followed).toEqual(aHadAlert ? { hotspot_id: b.id, status: 'resolved', resolved_by: 'system' } : { hotspot_id: a.id, status: 'open', resolved_by: null });
    expect(await openAlerts(a.id)).toHaveLength(1);

    const split = await t.http.post(`/api/hotspots/${a.id}/split`).set(auth(monitor)).send({ mentionIds: bMentions });
    expect(split.status).toBe(201);
    expect((split.body as HotspotDetailDto).mentionCount).toBe(bMentions.length);
    // Splitting off every mention, or mentions of another hotspot, is refused.
    expect((await t.http.post(`/api/hotspots/${a.id}/split`).set(auth(monitor)).send({ mentionIds: bMentions })).status).toBe(422);
    expect((await t.http.get(`/api/hotspots/${a.id}`).set(auth(monitor))).body.mentionCount).toBe(a.mentionCount);

    const level = await t.http.put(`/api/hotspots/${a.id}/level`).set(auth(monitor)).send({ level: 2, reason: '涉及饮用水源' });
    expect(level.status).toBe(200);
    expect(level.body).toMatchObject({ level: 2, levelManual: true });
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'hotspot' AND entity_id = $1 ORDER BY id`, [a.id]);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['hotspot.merge', 'hotspot.split', 'hotspot.level']));
    expect((await t.http.put(`/api/hotspots/${a.id}/level`).set(auth(handler)).send({ level: 1, reason: 'x' })).status).toBe(403);
  });
});
