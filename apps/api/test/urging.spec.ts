import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationDto, RegisteredRequestDto, ServerToClientEvents, UrgeDto } from '@govdesk/contracts';
import { registerForEducationBureau } from './support/requests';
import { startTestApp, type TestApp } from './support/test-app';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('urging (督办) over the live channel, with real socket.io clients', () => {
  let t: TestApp;
  let handler: string;
  let supervisor: string;
  let request: RegisteredRequestDto;
  const clients: Client[] = [];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  function connect(token?: string): Client {
    const socket: Client = io(t.server.url, { path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
    clients.push(socket);
    return socket;
  }
  const connected = (s: Client) => new Promise<void>((resolve, reject) => (s.connected ? resolve() : (s.once('connect', () => resolve()), s.once('connect_error', reject))));
  const refused = (s: Client) => new Promise<string>((resolve) => s.once('connect_error', (e) => resolve(e.message)));

  beforeAll(async () => {
    t = await startTestApp();
    [handler, supervisor] = await Promise.all([t.login('handler'), t.login('supervisor')]);
    request = await registerForEducationBureau(t, handler, { name: '钱七', idNumber: 'HK-A123456' }, '申请公开学校食堂招标文件');
  });
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await t.close();
  });

  it('refuses a connection without a token or with a bad one', async () => {
    await expect(refused(connect())).resolves.toBe('AUTH_REQUIRED');
    await expect(refused(connect('not-a-token'))).resolves.toBe('AUTH_TOKEN_INVALID');
  });

  it('puts a client in its user, role and unit rooms', async () => {
    const s = connect(handler);
    await connected(s);
    const me = await s.timeout(2000).emitWithAck('ping');
    expect(me.rooms).toEqual(expect.arrayContaining([`user:${me.userId}`, 'role:handler', expect.stringMatching(/^unit:/)]));
  });

  it('delivers an urge to the handler live within a second, not to other units, with a read receipt', async () => {
    const mine = connect(handler);
    const other = connect(await t.login('handler.water'));
    await Promise.all([connected(mine), connected(other)]);
    const received: NotificationDto[] = [];
    other.on('notification.created', (n) => received.push(n));
    const arrived = new Promise<{ n: NotificationDto; at: number }>((resolve) => mine.once('notification.created', (n) => resolve({ n, at: Date.now() })));

    const sent = Date.now();
    const res = await t.http.post(`/api/requests/${request.id}/urges`).set(auth(supervisor)).send({ message: '请抓紧办理，本周内答复', target: 'handler' })
    expect(res.status).toBe(201);
    const { n, at } = await arrived;
    expect(at - sent).toBeLessThan(1000);
    expect(n).toMatchObject({ kind: 'urge', receiptNo: request.receiptNo, requestId: request.id, readAt: null });
    expect(n.body).toContain('请抓紧办理');

    const list = (await t.http.get('/api/notifications?unread=true').set(auth(handler))).body as NotificationDto[];
    expect(list.map((x) => x.id)).toContain(n.id);
    const readEvent = new Promise<{ id: string }>((resolve) => mine.once('notification.read', resolve));
    await t.http.post(`/api/notifications/${n.id}/read`).set(auth(handler)).expect(200);
    await expect(readEvent).resolves.toMatchObject({ id: n.id });

    const urges = (await t.http.get(`/api/requests/${request.id}/urges`).set(auth(supervisor))).body as UrgeDto[];
    expect(urges[0]!.recipients).toEqual([{ userId: expect.any(String), displayName: '李经办（县教体局）', readAt: expect.any(String) }]);
    const detail = await t.http.get(`/api/requests/${request.id}`).set(auth(handler));
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('urge');
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([]);
  });

  it('lets only supervisors urge, and only requests they can see', async () => {
    expect((await t.http.post(`/api/requests/${request.id}/urges`).set(auth(handler)).send({ message: '自己督办自己' })).status).toBe(403);
    expect((await t.http.post('/api/requests/00000000-0000-4000-8000-000000000000/urges').set(auth(supervisor)).send({ message: '不存在' })).status).toBe(404);
    expect((await t.http.post('/api/notifications/00000000-0000-4000-8000-000000000000/read').set(auth(handler))).status).toBe(404);
  });
});
