import { createServer, type Server } from 'node:net';
import { loadConfig } from '../src/config/app-config';
import { startServer } from '../src/server';
import { startTestApp } from './support/test-app';

describe('starting the server', () => {
  it('fails at once, naming the port and what to do, when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const started = Date.now();
    try {
      await expect(
        startServer(loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: 'postgres://x:y@127.0.0.1:1/none', GOVDESK_DEMO_PASSWORD: 'whatever-1' })),
      ).rejects.toThrow(`Port ${port} is already in use`);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      blocker.close();
    }
  });

  it('fails within seconds, saying what to do, when the database cannot be reached', async () => {
    const started = Date.now();
    await expect(
      startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'postgres://govdesk:secret@127.0.0.1:9/govdesk', GOVDESK_DEMO_PASSWORD: 'whatever-1' })),
    ).rejects.toThrow(/Cannot reach the database at 127\.0\.0\.1:9\/govdesk.*DATABASE_URL/);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('seeds only an admin with GOVDESK_DEMO=off, and seeds nothing on the next start', async () => {
    const t = await startTestApp({ GOVDESK_DEMO: 'off', GOVDESK_ADMIN_PASSWORD: 'the-admin-password' });
    try {
      expect(t.server.seed).toMatchObject({ seeded: true, demo: false });
      const admin = await t.login('admin', 'the-admin-password');
      const users = await t.http.get('/api/users').set('Authorization', `Bearer ${admin}`);
      expect(users.body.map((u: { username: string }) => u.username)).toEqual(['admin']);
      expect((await t.http.get('/api/units').set('Authorization', `Bearer ${admin}`)).body).toEqual([]);
    } finally {
      await t.close();
    }
    const again = await startTestApp({ GOVDESK_DEMO: 'off', GOVDESK_ADMIN_PASSWORD: 'other-password', DATABASE_URL: t.server.databaseUrl });
    try {
      expect(again.server.seed.seeded).toBe(false);
      expect(again.server.migrations).toEqual([]);
      await expect(again.login('admin', 'other-password')).rejects.toThrow(/401/);
    } finally {
      await again.close();
    }
  });
});
