import type { PortalReceiptDto, PortalSubmissionDto, RequestDetailDto, UnitDto } from '@govdesk/contracts';
import { startTestApp, type TestApp } from './support/test-app';

describe('public portal: online applications (real PostgreSQL)', () => {
  let t: TestApp;
  let handler: string;
  let waterHandler: string;
  let eduId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const body = () => ({
    unitId: eduId,
    applicant: { type: 'natural_person', name: '王五', idType: 'resident_id', idNumber: '370124198507150013', phone: '13912345678' },
    description: '申请公开本县2026年学前教育资助资金的分配结果',
    form: { medium: 'electronic', delivery: 'online' },
  });

  beforeAll(async () => {
    t = await startTestApp();
    [handler, waterHandler] = await Promise.all([t.login('handler'), t.login('handler.water')]);
    eduId = ((await t.http.get('/api/units').set(auth(handler))).body as UnitDto[]).find((u) => u.name === '县教体局')!.id;
  });
  afterAll(() => t.close());

  it('lists units and takes an application without login, answering a receipt number and a query code', async () => {
    const units = await t.http.get('/api/public/units');
    expect(units.status).toBe(200);
    expect(units.body.map((u: { name: string }) => u.name)).toContain('县教体局');
    expect(units.body[0]).not.toHaveProperty('letterhead');

    const res = await t.http.post('/api/public/requests').send(body());
    expect(res.status).toBe(201);
    const receipt = res.body as PortalReceiptDto;
    expect(receipt.receiptNo).toMatch(/^YSQ-\d{4}-\d{5}$/);
    expect(receipt.queryCode).toHaveLength(8);

    const status = await t.http.get('/api/public/requests/status').query({ receiptNo: receipt.receiptNo, queryCode: receipt.queryCode });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ receiptNo: receipt.receiptNo, unitName: '县教体局', status: 'submitted', receivedOn: null, dueDate: null });
    expect(JSON.stringify(status.body)).not.toMatch(/王五|370124|13912345678/);
  });

  it('answers a wrong code and an unknown number alike, with 404', async () => {
    const receipt = (await t.http.post('/api/public/requests').send(body())).body as PortalReceiptDto;
    const wrong = await t.http.get('/api/public/requests/status').query({ receiptNo: receipt.receiptNo, queryCode: 'AAAAAAAA' });
    const unknown = await t.http.get('/api/public/requests/status').query({ receiptNo: 'YSQ-1999-00001', queryCode: receipt.queryCode });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('becomes a request when staff of the unit confirm it; that day is the date of receipt (Art. 31)', async () => {
    const receipt = (await t.http.post('/api/public/requests').send(body())).body as PortalReceiptDto;
    const pending = (await t.http.get('/api/portal-submissions?status=pending').set(auth(handler))).body as PortalSubmissionDto[];
    const submission = pending.find((s) => s.receiptNo === receipt.receiptNo)!;
    expect(submission.applicant.idNumber).toBe('3701**********0013');
    expect((await t.http.get('/api/portal-submissions').set(auth(waterHandler))).body.find((s: PortalSubmissionDto) => s.id === submission.id)).toBeUndefined();
    expect((await t.http.post(`/api/portal-submissions/${submission.id}/confirm`).set(auth(waterHandler))).status).toBe(404);

    const confirmed = await t.http.post(`/api/portal-submissions/${submission.id}/confirm`).set(auth(handler));
    expect(confirmed.status).toBe(200);
    const request = confirmed.body as RequestDetailDto;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(request).toMatchObject({ receiptNo: receipt.receiptNo, channel: 'online', status: 'registered', receivedOn: today });
    const due = (await t.http.get(`/api/calendar/add-working-days?from=${today}&days=20`).set(auth(handler))).body.date;
    expect(request.dueDate).toBe(due);

    const status = await t.http.get('/api/public/requests/status').query({ receiptNo: receipt.receiptNo, queryCode: receipt.queryCode });
    expect(status.body).toMatchObject({ status: 'registered', receivedOn: today, dueDate: due });
    expect((await t.http.post(`/api/portal-submissions/${submission.id}/confirm`).set(auth(handler))).status).toBe(409);
  });

  it('refuses bad input with 400 and stops a flood with 429', async () => {
    const bad = await t.http.post('/api/public/requests').send({ ...body(), applicant: { ...body().applicant, idNumber: '123' } });
    expect(bad.status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.http.post('/api/public/requests').send(body())).status);
    expect(statuses).toContain(429);
    const limited = await t.http.post('/api/public/requests').send(body());
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
