import type { NotificationDto, RegisteredRequestDto, UnitDto } from '@govdesk/contracts';
import { DeadlineSweepService } from '../src/supervision/deadline-sweep.service';
import { createTestDatabase, sqlClient, startTestApp, type TestApp } from './support/test-app';

/** Two API processes on one database, both with durable jobs: each threshold notifies once. */
describe('deadline sweeps (pg-boss) with two API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let handler: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  async function register(receivedAt: string): Promise<RegisteredRequestDto> {
    const eduId = ((await a.http.get('/api/units').set(auth(handler))).body as UnitDto[]).find((u) => u.name === '县教体局')!.id;
    const res = await a.http
      .post('/api/requests')
      .set(auth(handler))
      .send({ channel: 'in_person', receivedAt, unitId: eduId, applicant: { type: 'natural_person', name: '孙八', idType: 'other_id', idNumber: 'X-1' }, description: '申请公开校车采购合同', form: { medium: 'paper', delivery: 'pickup' } });
    expect(res.status).toBe(201);
    return res.body as RegisteredRequestDto;
  }

  beforeAll(async () => {
    const url = await createTestDatabase();
    a = await startTestApp({ DATABASE_URL: url, GOVDESK_JOBS: 'on' });
    b = await startTestApp({ DATABASE_URL: url, GOVDESK_JOBS: 'on' });
    handler = await a.login('handler');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('schedules the sweep as a durable job in PostgreSQL', async () => {
    const db = await sqlClient(a.server.databaseUrl);
    try {
      const rows = await db.query(`SELECT name, cron FROM pgboss.schedule WHERE name = 'deadline-sweep'`);
      expect(rows.rows).toEqual([{ name: 'deadline-sweep', cron: '*/5 * * * *' }]);
    } finally {
      await db.end();
    }
  });

  it('notifies the handler and supervisors once per threshold, even when both processes sweep at once, and after a restart', async () => {
    const overdue = await register(addDays(today, -60));
    // A request that is due within 3 working days: the latest receipt date whose due date is not before today.
    let dueSoon: RegisteredRequestDto | null = null;
    for (let back = 25; back <= 35 && !dueSoon; back++) {
      const r = await register(addDays(today, -back));
      if (r.deadline.state === 'due_soon') dueSoon = r;
    }
    expect(dueSoon).not.toBeNull();
    expect(overdue.deadline.state).toBe('overdue');

    const [ra, rb] = await Promise.all([a.server.app.get(DeadlineSweepService).sweep(), b.server.app.get(DeadlineSweepService).sweep()]);
    expect(ra.overdue + rb.overdue).toBe(1);
    expect(ra.dueSoon + rb.dueSoon).toBe(1);
    expect(ra.notifications + rb.notifications).toBe(4);

    const mine = (await a.http.get('/api/notifications').set(auth(handler))).body as NotificationDto[];
    expect(mine.map((n) => [n.kind, n.receiptNo]).sort()).toEqual(
      [
        ['due_soon', dueSoon!.receiptNo],
        ['overdue', overdue.receiptNo],
      ].sort(),
    );
    const supervisor = await a.login('supervisor');
    expect(((await a.http.get('/api/notifications').set(auth(supervisor))).body as NotificationDto[]).length).toBe(2);

    // A third process after a restart finds nothing new.
    await b.close();
    b = await startTestApp({ DATABASE_URL: a.server.databaseUrl, GOVDESK_JOBS: 'on' });
    const again = await b.server.app.get(DeadlineSweepService).sweep();
    expect(again.notifications).toBe(0);
  });
});
