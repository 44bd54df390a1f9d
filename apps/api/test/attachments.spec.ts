import type { AttachmentDto, RegisteredRequestDto, UnitDto } from '@govdesk/contracts';
import { binaryBody, startTestApp, type TestApp } from './support/test-app';

describe('request attachments', () => {
  let t: TestApp;
  let handler: string;
  let request: RegisteredRequestDto;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% 申请书扫描件\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

  beforeAll(async () => {
    t = await startTestApp();
    handler = await t.login('handler');
    const eduId = ((await t.http.get('/api/units').set(auth(handler))).body as UnitDto[]).find((u) => u.name === '县教体局')!.id;
    request = (
      await t.http
        .post('/api/requests')
        .set(auth(handler))
        .send({
          channel: 'registered_mail',
          receivedAt: '2026-05-11',
          unitId: eduId,
          applicant: { type: 'natural_person', name: '赵六', idType: 'passport', idNumber: 'E12345678' },
          description: '申请公开县教体局2025年度部门决算',
          form: { medium: 'paper', delivery: 'mail' },
        })
    ).body as RegisteredRequestDto;
  });
  afterAll(() => t.close());

  it('stores a scan, lists it, gives it back byte for byte, and records it on the timeline', async () => {
    const up = await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(handler)).field('direction', 'in').attach('file', pdf, '申请书.pdf');
    expect(up.status).toBe(201);
    const a = up.body as AttachmentDto;
    expect(a).toMatchObject({ fileName: '申请书.pdf', contentType: 'application/pdf', size: pdf.length, direction: 'in', uploadedBy: 'handler' });
    const list = await t.http.get(`/api/requests/${request.id}/attachments`).set(auth(handler));
    expect(list.body.map((x: AttachmentDto) => x.id)).toEqual([a.id]);
    const down = await t.http.get(`/api/requests/${request.id}/attachments/${a.id}`).set(auth(handler)).buffer(true).parse(binaryBody);
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, pdf)).toBe(0);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('申请书.pdf'));
    const detail = await t.http.get(`/api/requests/${request.id}`).set(auth(handler));
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('attach');
  });

  it('refuses files whose type is not allowed or whose content does not match the name (422)', async () => {
    const exe = await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(handler)).attach('file', Buffer.from('MZ\x90\x00'), 'tool.exe');
    expect(exe.status).toBe(422);
    expect(exe.body.code).toBe('ATTACHMENT_TYPE');
    const disguised = await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(handler)).attach('file', Buffer.from('<script>alert(1)</script>'), 'scan.pdf');
    expect(disguised.status).toBe(422);
    const none = await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(handler)).field('direction', 'in');
    expect(none.status).toBe(400);
  });

  it('refuses files over 10 MiB with 413 and keeps other units out', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const res = await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(handler)).attach('file', big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    const water = await t.login('handler.water');
    expect((await t.http.get(`/api/requests/${request.id}/attachments`).set(auth(water))).status).toBe(404);
    expect((await t.http.post(`/api/requests/${request.id}/attachments`).set(auth(water)).attach('file', pdf, 'x.pdf')).status).toBe(404);
    const list = await t.http.get(`/api/requests/${request.id}/attachments`).set(auth(handler));
    expect(list.body).toHaveLength(1);
  });
});
