import { createHash } from 'node:crypto';
import type { RegisteredRequestDto, RequestDetailDto, UrgeDto } from '@govdesk/contracts';
import { registerForEducationBureau } from './support/requests';
import { startTestApp, type TestApp } from './support/test-app';

/** `Idempotency-Key`: a retried change is carried out once and answered as the first time. */
describe('Idempotency-Key on changes (real PostgreSQL)', () => {
  let t: TestApp;
  let handler: string;
  let supervisor: string;
  let request: RegisteredRequestDto;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const urgesOf = async (id: string) => ((await t.http.get(`/api/requests/${id}/urges`).set(auth(supervisor))).body as UrgeDto[]).length;

  beforeAll(async () => {
    t = await startTestApp();
    [handler, supervisor] = await Promise.all([t.login('handler'), t.login('supervisor')]);
    request = await registerForEducationBureau(t, handler, { name: '孙八', idNumber: 'HK-B765432' }, '申请公开校车运营合同');
  });
  afterAll(() => t.close());

  it('stores an urge sent twice with one key once, and answers the retry with the first answer', async () => {
    const before = await urgesOf(request.id);
    const send = () => t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).set('Idempotency-Key', 'urge-1').send({ message: '请本周内答复', target: 'handler' });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await urgesOf(request.id)).toBe(before + 1);
    // Without a key, each call is a new urge.
    await t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).send({ message: '再次督办', target: 'handler' }).expect(201);
    expect(await urgesOf(request.id)).toBe(before + 2);
    // The key and the change committed together: exactly one key row, with the answer kept.
    const rows = await t.sql<{ status: number; response: { id: string } }>(`SELECT status, response FROM idempotency_keys WHERE key = 'urge-1'`);
    expect(rows).toEqual([{ status: 201, response: expect.objectContaining({ id: first.body.id }) }]);
  });

  it('carries out one of two simultaneous requests with the same key; the other gets its answer or 409, never a second change', async () => {
    const before = await urgesOf(request.id);
    const send = () => t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).set('Idempotency-Key', 'urge-race').send({ message: '同时督办', target: 'handler' });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect(await urgesOf(request.id)).toBe(before + 1);
  });

  it('answers a retried transition as the first time instead of a version conflict', async () => {
    const detail = (await t.http.get(`/api/requests/${request.id}`).set(auth(handler))).body as RequestDetailDto;
    const act = () => t.http.post(`/api/requests/${request.id}/transitions`).set(auth(handler)).set('Idempotency-Key', 'accept-1').send({ version: detail.version, action: 'accept' });
    const first = await act();
    expect(first.status).toBe(200);
    const again = await act();
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);
    // Without the key, the same call is the version conflict it always was.
    expect((await t.http.post(`/api/requests/${request.id}/transitions`).set(auth(handler)).send({ version: detail.version, action: 'accept' })).status).toBe(409);
    const events = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM request_events WHERE request_id = $1 AND action = 'accept'`, [request.id]);
    expect(Number(events[0]!.n)).toBe(1);
  });

  it('refuses a key reused for another request (422), a malformed key (400), and a key whose change committed without a kept answer (409)', async () => {
    await t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).set('Idempotency-Key', 'reuse-1').send({ message: '督办', target: 'handler' }).expect(201);
    const reused = await t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).set('Idempotency-Key', 'reuse-1').send({ message: '另一条督办', target: 'handler' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.messageZh ?? reused.body.message).toBeTruthy();
    const bad = await t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).set('Idempotency-Key', 'has spaces and /slashes').send({ message: '督办', target: 'handler' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    // As if the process had died between committing the change and keeping its answer.
    const body = { message: '督办（答复丢失）', target: 'handler' };
    const [{ id: userId }] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE username = 'supervisor'`);
    await t.sql(`INSERT INTO idempotency_keys (caller, key, method, path, body_hash) VALUES ($1, 'lost-1', 'POST', $2, $3)`, [
      `user:${userId}`,
      `/api/requests/${request.id}/urges`,
      createHash('sha256').update(JSON.stringify(body)).digest(),
    ]);
    const lost = await t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).set('Idempotency-Key', 'lost-1').send(body);
    expect(lost.status).toBe(409);
    expect(lost.body.code).toBe('IDEMPOTENCY_NO_ANSWER');
  });

  it('keeps keys per caller: the same key from another user is a new request', async () => {
    const reveals = async () => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'request.reveal_personal_data'`, [request.id]))[0]!.n);
    const before = await reveals();
    const viaHandler = await t.http.post(`/api/requests/${request.id}/reveal`).set(auth(handler)).set('Idempotency-Key', 'shared-key').send({});
    const viaSupervisor = await t.http.post(`/api/requests/${request.id}/reveal`).set(auth(supervisor)).set('Idempotency-Key', 'shared-key').send({});
    expect(viaHandler.status).toBe(200);
    expect(viaSupervisor.status).toBe(200);
    expect(viaSupervisor.headers['idempotent-replayed']).toBeUndefined();
    expect(await reveals()).toBe(before + 2);
    // And the handler's retry reveals (and audits) nothing more.
    const again = await t.http.post(`/api/requests/${request.id}/reveal`).set(auth(handler)).set('Idempotency-Key', 'shared-key').send({});
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await reveals()).toBe(before + 2);
  });
});
