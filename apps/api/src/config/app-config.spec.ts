import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.demo).toBe(true);
    expect(c.dataDir).toMatch(/\.govdesk$/);
  });

  it('fails fast on a bad variable and names it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ GOVDESK_DEMO: 'yes' })).toThrow(/GOVDESK_DEMO/);
  });

  it('requires the admin password when the demo is off', () => {
    expect(() => loadConfig({ GOVDESK_DEMO: 'off' })).toThrow(/GOVDESK_ADMIN_PASSWORD/);
    expect(loadConfig({ GOVDESK_DEMO: 'off', GOVDESK_ADMIN_PASSWORD: 'long-enough' }).demo).toBe(false);
  });
});
