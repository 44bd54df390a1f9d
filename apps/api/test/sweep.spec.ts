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

  async function register(receivedAt: string, by = handler, unit = '县教体局'): Promise<RegisteredRequestDto> {
    const unitId = ((await a.http.get('/api/units').set(auth(by))).body as UnitDto[]).find((u) => u.name === unit)!.id;
    const res = await a.http
      .post('/api/requests')
      .set(auth(by))
      .send({ channel: 'in_person', receivedAt, unitId, applicant: { type: 'natural_person', name: '孙八', idType: 'other_id', idNumber: 'X-1' }, description: '申请公开校车采购合同', form: { medium: 'paper', delivery: 'pickup' } });
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

  const notifications = async (token: string, receiptNo?: string) =>
    ((await a.http.get('/api/notifications').set(auth(token))).body as NotificationDto[]).filter((n) => !receiptNo || n.receiptNo === receiptNo).map((n) => [n.kind, n.receiptNo]);

  it("notifies the handler, the unit's lead and supervisors once per threshold, even when both processes sweep at once, and after a restart", async () => {
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
    // The handler, the unit's lead (lead.education, seeded) and the supervisor, for each.
    expect(ra.notifications + rb.notifications).toBe(6);

    const mine = (await a.http.get('/api/notifications').set(auth(handler))).body as NotificationDto[];
    expect(mine.map((n) => [n.kind, n.receiptNo]).sort()).toEqual(
      [
        ['due_soon', dueSoon!.receiptNo],
        ['overdue', overdue.receiptNo],
      ].sort(),
    );
    const supervisor = await a.login('supervisor');
    expect(((await a.http.get('/api/notifications').set(auth(supervisor))).body as NotificationDto[]).length).toBe(2);
    const lead = await a.login('lead.education');
    expect((await notifications(lead)).sort()).toEqual(
      [
        ['due_soon', dueSoon!.receiptNo],
        ['overdue', overdue.receiptNo],
      ].sort(),
    );

    // A third process after a restart finds nothing new.
    await b.close();
    b = await startTestApp({ DATABASE_URL: a.server.databaseUrl, GOVDESK_JOBS: 'on' });
    const again = await b.server.app.get(DeadlineSweepService).sweep();
    expect(again.notifications).toBe(0);
    expect(await notifications(lead)).toHaveLength(2);
  });

  it('tells a lead who also handles once, and follows the lead the admin sets on the unit', async () => {
    const admin = await a.login('admin');
    const units = (await a.http.get('/api/units').set(auth(admin))).body as UnitDto[];
    expect(units.find((u) => u.name === '县教体局')).toMatchObject({ leadName: '教体局负责人' });
    const water = units.find((u) => u.name === '县水务局')!;
    expect(water.leadUserId).toBeNull();

    // handler.yushan handles and leads 榆山街道 (seeded): one notification.
    const yushan = await a.login('handler.yushan');
    const street = await register(addDays(today, -60), yushan, '榆山街道');
    await a.server.app.get(DeadlineSweepService).sweep();
    expect(await notifications(yushan, street.receiptNo)).toEqual([['overdue', street.receiptNo]]);

    // A lead must be an enabled user of the unit.
    const users = (await a.http.get('/api/users').set(auth(admin))).body as { id: string; username: string }[];
    const refused = await a.http.patch(`/api/units/${water.id}`).set(auth(admin)).send({ leadUserId: users.find((u) => u.username === 'handler.env')!.id });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'leadUserId' })]);
    const created = await a.http
      .post('/api/users')
      .set(auth(admin))
      .send({ username: 'lead.water', displayName: '水务局负责人', password: 'lead-password-1', roles: ['handler'], unitId: water.id });
    expect(created.status).toBe(201);
    const set = await a.http.patch(`/api/units/${water.id}`).set(auth(admin)).send({ leadUserId: created.body.id });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ leadUserId: created.body.id, leadName: '水务局负责人' });

    const r = await register(addDays(today, -60), await a.login('handler.water'), '县水务局');
    await a.server.app.get(DeadlineSweepService).sweep();
    await b.server.app.get(DeadlineSweepService).sweep();
    const leadWater = await a.login('lead.water', 'lead-password-1');
    expect(await notifications(leadWater, r.receiptNo)).toEqual([['overdue', r.receiptNo]]);

    // Moved to another unit, a user leads the old one no more.
    const edu = units.find((u) => u.name === '县教体局')!;
    expect((await a.http.patch(`/api/users/${created.body.id}`).set(auth(admin)).send({ unitId: edu.id })).status).toBe(200);
    expect((await a.http.get(`/api/units/${water.id}`).set(auth(admin))).body).toMatchObject({ leadUserId: null, leadName: null });
    // Set and cleared by the admin.
    const handlerWater = users.find((u) => u.username === 'handler.water')!.id;
    expect((await a.http.patch(`/api/units/${water.id}`).set(auth(admin)).send({ leadUserId: handlerWater })).body).toMatchObject({ leadUserId: handlerWater });
    const cleared = await a.http.patch(`/api/units/${water.id}`).set(auth(admin)).send({ leadUserId: null });
    expect(cleared.body).toMatchObject({ leadUserId: null, leadName: null });
  });
});
