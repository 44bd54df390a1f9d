import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startBuiltServer, type BuiltServer } from './support/built-server';
import { launchChromium, screenshotPath } from './support/chromium';

/** Hostile text typed into GovDesk is shown as text: no markup from data ever runs in the console. */
const PAYLOADS = [`<img src=x onerror="window.__xss=(window.__xss||0)+1">`, `<script>window.__xss=(window.__xss||0)+1</script>`, `'); DROP TABLE mentions; --`];

describe('hostile input is rendered inert in the console (built product, Chromium)', () => {
  let server: BuiltServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBuiltServer({ GOVDESK_DEMO_REQUESTS: '0', GOVDESK_DEMO_MENTIONS: '0' });
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });

  async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  async function token(username: string): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    return ((await res.json()) as { accessToken: string }).accessToken;
  }
  async function loggedIn(username: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return { page, dialogs, errors };
  }

  it('shows script and markup payloads in a request and a hotspot as plain text, under a content-security policy', async () => {
    const [handler, monitor, admin] = await Promise.all([token('handler'), token('monitor'), token('admin')]);
    const units = await api<{ id: string; name: string }[]>(admin, 'GET', '/api/units');
    const request = await api<{ id: string }>(handler, 'POST', '/api/requests', {
      channel: 'in_person',
      receivedAt: '2026-11-20',
      unitId: units.find((u) => u.name === '县教体局')!.id,
      applicant: { type: 'natural_person', name: PAYLOADS[0], idType: 'other_id', idNumber: 'X-1' },
      description: PAYLOADS.join(' '),
      form: { medium: 'paper', delivery: 'pickup' },
    });
    const ingest = await api<{ results: { hotspotId: string }[] }>(monitor, 'POST', '/api/opinion/mentions', {
      mentions: PAYLOADS.map((p, i) => ({ channel: 'forum', externalId: `xss-${i}`, title: `${p} 玫瑰镇集市占道`, content: `${p} 玫瑰镇集市占道经营，车辆无法通行`, author: p, publishedAt: new Date().toISOString() })),
    });

    const { page, dialogs, errors } = await loggedIn('handler');
    const response = await page.goto(`${server.url}/requests/${request.id}`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText(PAYLOADS[2]!, { exact: false }).first().waitFor();
    expect(await page.getByText(PAYLOADS[0]!, { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('security-request-payloads'), fullPage: true });

    const watcher = await loggedIn('monitor');
    await watcher.page.goto(`${server.url}/hotspots/${ingest.results[0]!.hotspotId}`);
    await watcher.page.getByText(PAYLOADS[1]!, { exact: false }).first().waitFor();
    await watcher.page.screenshot({ path: screenshotPath('security-hotspot-payloads'), fullPage: true });

    for (const p of [page, watcher.page]) {
      expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
      // The payloads' markup never became elements.
      expect(await p.locator('img[src="x"]').count()).toBe(0);
      expect(await p.locator('script:not([src])').evaluateAll((s) => s.filter((x) => x.textContent?.includes('__xss')).length)).toBe(0);
    }
    expect([...dialogs, ...watcher.dialogs]).toEqual([]);
    expect([...errors, ...watcher.errors]).toEqual([]);
  }, 120000);
});
