import type { AuditEntryDto } from '@govdesk/contracts';
import { sqlClient, startTestApp, type TestApp } from './support/test-app';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('records who changed what, from where, with before and after', async () => {
    const created = await t.http
      .post('/api/units')
      .set('Authorization', `Bearer ${admin}`)
      .send({ code: 'archives', name: '县档案馆', kind: 'department' });
    expect(created.status).toBe(201);
    await t.http.patch(`/api/units/${created.body.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false });

    const res = await t.http.get(`/api/audit?entityType=unit&entityId=${created.body.id}`).set('Authorization', `Bearer ${admin}`);
    const entries = res.body as AuditEntryDto[];
    expect(entries.map((e) => e.action)).toEqual(['unit.update', 'unit.create']);
    const [update] = entries;
    expect(update).toMatchObject({ actorName: 'admin', before: { active: true }, after: { active: false } });
    expect(update!.ip).toMatch(/127\.0\.0\.1/);
  });

  it('never records a password, even when one is changed', async () => {
    const users = await t.http.get('/api/users').set('Authorization', `Bearer ${admin}`);
    const monitor = users.body.find((u: { username: string }) => u.username === 'monitor');
    await t.http.patch(`/api/users/${monitor.id}`).set('Authorization', `Bearer ${admin}`).send({ password: 'a-new-password-1' });
    const res = await t.http.get(`/api/audit?entityType=user&entityId=${monitor.id}`).set('Authorization', `Bearer ${admin}`);
    const text = JSON.stringify(res.body);
    expect(text).toContain('passwordChanged');
    expect(text).not.toContain('a-new-password-1');
    expect(text).not.toContain('scrypt$');
  });

  it('writes nothing when the change fails', async () => {
    const db = await sqlClient(t.server.databaseUrl);
    try {
      const count = async () => Number((await db.query('SELECT count(*) FROM audit_log')).rows[0].count);
      const before = await count();
      const dup = await t.http
        .post('/api/units')
        .set('Authorization', `Bearer ${admin}`)
        .send({ code: 'edu-copy', name: '县教体局', kind: 'department' });
      expect(dup.status).toBe(409);
      expect(await count()).toBe(before);
    } finally {
      await db.end();
    }
  });

  it('is refused UPDATE, DELETE and TRUNCATE by PostgreSQL itself', async () => {
    const db = await sqlClient(t.server.databaseUrl);
    try {
      await expect(db.query(`UPDATE audit_log SET actor_name = 'someone else'`)).rejects.toThrow(/append-only: UPDATE/);
      await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
      await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
      const rows = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'someone else'`);
      expect(rows.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('is readable by supervisors but not by handlers', async () => {
    const supervisor = await t.login('supervisor');
    const handler = await t.login('handler');
    expect((await t.http.get('/api/audit').set('Authorization', `Bearer ${supervisor}`)).status).toBe(200);
    expect((await t.http.get('/api/audit').set('Authorization', `Bearer ${handler}`)).status).toBe(403);
  });
});
