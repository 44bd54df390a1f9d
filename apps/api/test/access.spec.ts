import type { UnitDto } from '@govdesk/contracts';
import { startTestApp, type TestApp } from './support/test-app';

describe('roles, unit scope and API basics', () => {
  let t: TestApp;
  let tokens: Record<'admin' | 'supervisor' | 'monitor' | 'handler', string>;
  let units: UnitDto[];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    tokens = {
      admin: await t.login('admin'),
      supervisor: await t.login('supervisor'),
      monitor: await t.login('monitor'),
      handler: await t.login('handler'),
    };
    units = (await t.http.get('/api/units').set(auth(tokens.handler))).body as UnitDto[];
  });
  afterAll(() => t.close());

  const unit = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (!u) throw new Error(`no unit ${name}`);
    return u;
  };

  it('seeds the county: at least 15 departments and the eight towns and streets', () => {
    const names = units.map((u) => u.name);
    for (const n of ['县政府办公室', '县发改局', '县教体局', '县自然资源局', '县生态环境局', '县住建局', '县水务局', '县民政局', '县人社局', '县卫健局', '县市场监管局', '县司法局', '县行政审批服务局', '县财政局', '县交运局']) {
      expect(names).toContain(n);
    }
    for (const n of ['榆山街道', '锦水街道', '东阿镇', '玫瑰镇', '洪范池镇', '孔村镇', '孝直镇', '安城镇']) expect(names).toContain(n);
  });

  it('lets only admins manage users: 403 for every other role, 200 for admin', async () => {
    for (const role of ['handler', 'monitor', 'supervisor'] as const) {
      const res = await t.http.get('/api/users').set(auth(tokens[role]));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTH_FORBIDDEN');
    }
    const ok = await t.http.get('/api/users').set(auth(tokens.admin));
    expect(ok.status).toBe(200);
    expect(ok.body.map((u: { username: string }) => u.username)).toContain('handler');
    expect(JSON.stringify(ok.body)).not.toMatch(/password/i);
  });

  it('lets only admins create and change units', async () => {
    const body = { code: 'big-data', name: '县大数据中心', kind: 'department' };
    expect((await t.http.post('/api/units').set(auth(tokens.handler)).send(body)).status).toBe(403);
    const created = await t.http.post('/api/units').set(auth(tokens.admin)).send(body);
    expect(created.status).toBe(201);
    const dup = await t.http.post('/api/units').set(auth(tokens.admin)).send(body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('UNIT_DUPLICATE');
    const renamed = await t.http.patch(`/api/units/${created.body.id}`).set(auth(tokens.admin)).send({ letterhead: '平阴县大数据中心' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.letterhead).toBe('平阴县大数据中心');
  });

  it('scopes unit members in the query: a handler sees their own unit and gets 404 for another', async () => {
    const own = await t.http.get(`/api/units/${unit('县教体局').id}/members`).set(auth(tokens.handler));
    expect(own.status).toBe(200);
    expect(own.body.map((m: { username: string }) => m.username).sort()).toEqual(['handler', 'lead.education']);
    const other = await t.http.get(`/api/units/${unit('县水务局').id}/members`).set(auth(tokens.handler));
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('UNIT_NOT_FOUND');
    const supervisor = await t.http.get(`/api/units/${unit('县水务局').id}/members`).set(auth(tokens.supervisor));
    expect(supervisor.status).toBe(200);
    expect(supervisor.body.map((m: { username: string }) => m.username)).toEqual(['handler.water']);
  });

  it('answers validation errors with 400, the field and a readable message', async () => {
    const res = await t.http
      .post('/api/users')
      .set(auth(tokens.admin))
      .send({ username: 'Bad Name', displayName: '某人', password: 'short', roles: ['handler'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'username']);
    expect(res.body.message).toContain('password: at least 8 characters');
  });

  it('refuses a handler without a unit (422) and an unknown unit (422)', async () => {
    const base = { displayName: '某人', password: 'long-enough-1', roles: ['handler'] };
    const noUnit = await t.http.post('/api/users').set(auth(tokens.admin)).send({ ...base, username: 'no.unit' });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.code).toBe('USER_UNIT_REQUIRED');
    const ghost = await t.http
      .post('/api/users')
      .set(auth(tokens.admin))
      .send({ ...base, username: 'ghost.unit', unitId: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.status).toBe(422);
    expect(ghost.body.code).toBe('USER_UNIT_UNKNOWN');
  });

  it('answers malformed JSON with 400 and oversize bodies with 413', async () => {
    const bad = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin",');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('MALFORMED_JSON');
    const huge = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown API routes with 404 JSON and bad ids with 404', async () => {
    const res = await t.http.get('/api/no-such-thing').set(auth(tokens.admin));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
    expect((await t.http.get('/api/users/not-a-uuid').set(auth(tokens.admin))).status).toBe(404);
  });

  it('serves OpenAPI docs, health and security headers', async () => {
    const docs = await t.http.get('/api/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/units']));
    expect((await t.http.get('/api/docs')).status).toBe(200);
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-powered-by']).toBeUndefined();
  });
});
