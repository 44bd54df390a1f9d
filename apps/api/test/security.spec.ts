import type { HotspotDetailDto, IngestResultDto, MentionDto, RegisteredRequestDto, RequestDetailDto, RequestPageDto, UnitDto } from '@govdesk/contracts';
import { discoverRoutes } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Strings that would do harm if concatenated into SQL or HTML instead of being handled as data. */
const PAYLOADS = [
  `'); DROP TABLE disclosure_requests; --`,
  `" OR 1=1 --`,
  `<script>alert('xss')</script>`,
  `<img src=x onerror="alert(1)">`,
  `{{constructor.constructor('alert(1)')()}}`,
  `\${7*7} %s %n \\x00`,
];

describe('security: unit scoping on every request route, hostile input stored verbatim, headers', () => {
  let t: TestApp;
  let handler: string;
  let otherHandler: string;
  let monitor: string;
  let admin: string;
  let request: RegisteredRequestDto;
  let attachmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [handler, otherHandler, monitor, admin] = await Promise.all([t.login('handler'), t.login('handler.water'), t.login('monitor'), t.login('admin')]);
    const units = (await t.http.get('/api/units').set(auth(admin))).body as UnitDto[];
    const education = units.find((u) => u.name === '县教体局')!;
    request = (
      await t.http
        .post('/api/requests')
        .set(auth(handler))
        .send({ channel: 'in_person', receivedAt: '2026-11-02', unitId: education.id, applicant: { type: 'natural_person', name: '秘密申请人', idType: 'other_id', idNumber: 'SECRET-4711', phone: '13912345678', address: '锦水街道秘密路 9 号' }, description: '申请公开某校食堂承包合同', form: { medium: 'paper', delivery: 'pickup' } })
        .expect(201)
    ).body as RegisteredRequestDto;
    const upload = await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(handler)).attach('file', Buffer.from('%PDF-1.4\n%test\n'), { filename: 'a.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    attachmentId = (upload.body as { id: string }).id;
  });
  afterAll(() => t.close());

  it("answers 404 to a handler of another unit on every route of a request, and lists none of it", async () => {
    const routes = discoverRoutes(t).filter((r) => r.method === 'GET' && r.path.startsWith('/api/requests/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(7);
    const leaks: string[] = [];
    for (const r of routes) {
      const path = r.path.replace(':id', request.id).replace(':kind', 'acknowledgement').replace(':attachmentId', attachmentId);
      const own = await t.http.get(path).set(auth(handler));
      if (own.status !== 200) leaks.push(`own unit: ${path} → ${own.status}`);
      const other = await t.http.get(path).set(auth(otherHandler));
      if (other.status !== 404) leaks.push(`other unit: ${r.path} → ${other.status}`);
    }
    expect(leaks).toEqual([]);

    // Changes are refused alike, and nothing changes.
    const transition = await t.http.post(`/api/requests/${request.id}/transitions`).set(auth(otherHandler)).send({ action: 'start_review', version: 1 });
    expect(transition.status).toBe(404);
    const reveal = await t.http.post(`/api/requests/${request.id}/reveal`).set(auth(otherHandler));
    expect(reveal.status).toBe(404);
    const still = (await t.http.get(`/api/requests/${request.id}`).set(auth(handler))).body as RequestDetailDto;
    expect(still.version).toBe(1);

    const list = (await t.http.get(`/api/requests?q=${encodeURIComponent(request.receiptNo)}`).set(auth(otherHandler))).body as RequestPageDto;
    expect(list.items).toEqual([]);
    const ownList = (await t.http.get(`/api/requests?q=${encodeURIComponent(request.receiptNo)}`).set(auth(handler))).body as RequestPageDto;
    expect(ownList.items.map((i) => i.id)).toEqual([request.id]);
  });

  it('masks personal data unless revealed, and audits every reveal', async () => {
    const shown = [
      JSON.stringify((await t.http.get(`/api/requests/${request.id}`).set(auth(handler))).body),
      JSON.stringify((await t.http.get(`/api/requests?q=${request.receiptNo}`).set(auth(handler))).body),
    ].join('\n');
    for (const secret of ['SECRET-4711', '13912345678', '秘密路']) expect(shown).not.toContain(secret);
    const revealed = await t.http.post(`/api/requests/${request.id}/reveal`).set(auth(handler));
    expect(revealed.status).toBe(200);
    for (const secret of ['SECRET-4711', '13912345678', '秘密路']) expect(JSON.stringify(revealed.body)).toContain(secret);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'request.reveal_personal_data'`, [request.id]);
    expect(audit).toHaveLength(1);
  });

  it('stores injection and script payloads verbatim in every text field and leaves the tables intact', async () => {
    const units = (await t.http.get('/api/units').set(auth(admin))).body as UnitDto[];
    const unitId = units.find((u) => u.name === '县教体局')!.id;
    const created: RegisteredRequestDto[] = [];
    for (const [i, payload] of PAYLOADS.entries()) {
      const res = await t.http
        .post('/api/requests')
        .set(auth(handler))
        .send({
          channel: 'in_person',
          receivedAt: '2026-11-03',
          unitId,
          applicant: { type: 'natural_person', name: payload, idType: 'other_id', idNumber: `X-${i}`, address: payload, phone: '13800000000' },
          description: `${payload} 申请公开`,
          form: { medium: 'paper', delivery: 'pickup' },
        });
      expect(res.status).toBe(201);
      created.push(res.body as RegisteredRequestDto);
      const detail = (await t.http.get(`/api/requests/${res.body.id}`).set(auth(handler))).body as RequestDetailDto;
      expect(detail.description).toBe(`${payload} 申请公开`);
      const revealed = (await t.http.post(`/api/requests/${res.body.id}/reveal`).set(auth(handler))).body as { applicant: { name: string } };
      expect(revealed.applicant.name).toBe(payload);
    }
    // Searching with a payload finds exactly the one request that contains it, not every row.
    const found = (await t.http.get(`/api/requests?q=${encodeURIComponent(PAYLOADS[1]!)}`).set(auth(handler))).body as RequestPageDto;
    expect(found.items.map((i) => i.id)).toEqual([created[1]!.id]);

    const ingest = (
      await t.http
        .post('/api/opinion/mentions')
        .set(auth(monitor))
        .send({ mentions: PAYLOADS.map((p, i) => ({ channel: 'forum', externalId: `hostile-${i}`, title: p, content: `${p} 刁镇卫生院排队太久`, author: p, publishedAt: new Date().toISOString() })) })
        .expect(200)
    ).body as IngestResultDto;
    expect(ingest.results.map((r) => r.error)).toEqual(PAYLOADS.map(() => null));
    expect(ingest.accepted).toBe(PAYLOADS.length);
    const hotspotIds = [...new Set(ingest.results.map((r) => r.hotspotId!))];
    const mentions: MentionDto[] = [];
    for (const id of hotspotIds) {
      const detail = (await t.http.get(`/api/hotspots/${id}`).set(auth(monitor))).body as HotspotDetailDto;
      mentions.push(...detail.mentions);
    }
    for (const [i, p] of PAYLOADS.entries()) {
      const m = mentions.find((x) => x.externalId === `hostile-${i}`)!;
      expect(m.content).toBe(`${p.replace(/\0/g, '')} 刁镇卫生院排队太久`);
    }
    const [tables] = await t.sql<{ n: string }>(`SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name IN ('disclosure_requests', 'mentions', 'audit_log')`);
    expect(tables!.n).toBe('3');
  });

  it('sends security headers and a content-security policy with the console and the API', async () => {
    for (const path of ['/workbench', '/api/health']) {
      const res = await t.http.get(path);
      const csp = res.headers['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
