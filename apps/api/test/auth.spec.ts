import type { LoginResponse } from '@govdesk/contracts';
import { DEMO_PASSWORD, sqlClient, startTestApp, type TestApp } from './support/test-app';

describe('accounts and login (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['admin', ['admin']],
    ['supervisor', ['supervisor']],
    ['monitor', ['monitor']],
    ['handler', ['handler']],
  ])('logs in the demo account %s', async (username, roles) => {
    const res = await t.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const body = res.body as LoginResponse;
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.user).toMatchObject({ username, roles });
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('puts the demo handler in 县教体局', async () => {
    const token = await t.login('handler');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const unit = await t.http.get(`/api/units/${me.body.unitId}`).set('Authorization', `Bearer ${token}`);
    expect(unit.body.name).toBe('县教体局');
  });

  it('answers 401 to a wrong password and to an unknown user, with a readable message', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'monitor', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', messageZh: '用户名或密码错误。' });
    const unknown = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'whatever1' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('answers 401 without a token and with a forged or expired one', async () => {
    expect((await t.http.get('/api/units')).status).toBe(401);
    const forged = await t.http.get('/api/units').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('throttles an account after 10 wrong passwords in a row (429), even for the right password', async () => {
    for (let i = 1; i <= 10; i++) {
      const res = await t.http.post('/api/auth/login').send({ username: 'handler.land', password: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await t.http.post('/api/auth/login').send({ username: 'handler.land', password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_THROTTLED');
    // Other accounts are not affected.
    expect((await t.http.post('/api/auth/login').send({ username: 'handler.env', password: DEMO_PASSWORD })).status).toBe(200);
  });

  // 19 scrypt hashes (N=2^15) in a row: time enough for a busy 2-core CI machine.
  it('resets the count after a good login', async () => {
    for (let i = 0; i < 9; i++) await t.http.post('/api/auth/login').send({ username: 'handler.water', password: 'wrong-pass' });
    expect((await t.http.post('/api/auth/login').send({ username: 'handler.water', password: DEMO_PASSWORD })).status).toBe(200);
    for (let i = 0; i < 9; i++) await t.http.post('/api/auth/login').send({ username: 'handler.water', password: 'wrong-pass' });
    expect((await t.http.post('/api/auth/login').send({ username: 'handler.water', password: DEMO_PASSWORD })).status).toBe(200);
  }, 120_000);

  it('refuses a disabled user at login and revokes their open session at once', async () => {
    const admin = await t.login('admin');
    const created = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'temp.monitor', displayName: '临时监测员', password: 'temporary-pass', roles: ['monitor'] });
    expect(created.status).toBe(201);
    const token = await t.login('temp.monitor', 'temporary-pass');
    expect((await t.http.get('/api/units').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    const disabled = await t.http.patch(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${admin}`).send({ disabled: true });
    expect(disabled.status).toBe(200);
    expect((await t.http.get('/api/units').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const login = await t.http.post('/api/auth/login').send({ username: 'temp.monitor', password: 'temporary-pass' });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('stores passwords as salted scrypt hashes, never in clear', async () => {
    const db = await sqlClient(t.server.databaseUrl);
    try {
      const rows = (await db.query(`SELECT password_hash FROM users`)).rows as { password_hash: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(8);
      for (const r of rows) {
        expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
        expect(r.password_hash).not.toContain(DEMO_PASSWORD);
      }
      expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
    } finally {
      await db.end();
    }
  });

  it('lets tokens expire', async () => {
    const short = await startTestApp({ GOVDESK_TOKEN_TTL: '60', DATABASE_URL: t.server.databaseUrl });
    try {
      const res = await short.http.post('/api/auth/login').send({ username: 'monitor', password: DEMO_PASSWORD });
      expect(res.body.expiresIn).toBe(60);
      const [, payload] = (res.body.accessToken as string).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBe(60);
    } finally {
      await short.close();
    }
  });
});
