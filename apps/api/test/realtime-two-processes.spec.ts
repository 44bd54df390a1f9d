import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationDto, RegisteredRequestDto, ServerToClientEvents, UnitDto } from '@govdesk/contracts';
import { createTestDatabase, startTestApp, type TestApp } from './support/test-app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Two API processes on one database: an event raised by one reaches a client of the other. */
describe('live events across two API processes (PostgreSQL adapter)', () => {
  let a: TestApp;
  let b: TestApp;
  let client: Client | undefined;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const url = await createTestDatabase();
    a = await startTestApp({ DATABASE_URL: url });
    b = await startTestApp({ DATABASE_URL: url });
  });
  afterAll(async () => {
    client?.disconnect();
    await b.close();
    await a.close();
  });

  it('delivers an urge made through process A to a handler connected to process B', async () => {
    const handler = await b.login('handler');
    const supervisor = await a.login('supervisor');
    const eduId = ((await a.http.get('/api/units').set(auth(supervisor))).body as UnitDto[]).find((u) => u.name === '县教体局')!.id;
    const request = (
      await a.http
        .post('/api/requests')
        .set(auth(handler))
        .send({ channel: 'in_person', receivedAt: '2026-10-12', unitId: eduId, applicant: { type: 'natural_person', name: '周九', idType: 'other_id', idNumber: 'P-9' }, description: '申请公开学生营养餐供应商名单', form: { medium: 'paper', delivery: 'pickup' } })
        .expect(201)
    ).body as RegisteredRequestDto;

    client = io(b.server.url, { path: '/socket.io', transports: ['websocket'], auth: { token: handler }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => (client!.once('connect', () => resolve()), client!.once('connect_error', reject)));
    const arrived = new Promise<NotificationDto>((resolve) => client!.once('notification.created', resolve));
    const sent = Date.now();
    await a.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).send({ message: '跨进程督办' }).expect(201);
    const n = await arrived;
    expect(n).toMatchObject({ kind: 'urge', receiptNo: request.receiptNo });
    expect(Date.now() - sent).toBeLessThan(2000);
  });
});
