import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startBuiltServer, type BuiltServer } from './support/built-server';
import { launchChromium, screenshotPath } from './support/chromium';

describe('console shell in Chromium (built product, embedded PostgreSQL)', () => {
  let server: BuiltServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBuiltServer();
  });
  afterAll(async () => {
    await browser?.close();
    const code = await server?.stop();
    // Ctrl-C stops the API and the embedded database cleanly.
    expect(code).toBe(0);
    expect(server.output()).toContain('GovDesk: stopped.');
  });

  async function login(page: Page, username: string, password = DEMO_PASSWORD) {
    await page.goto(server.url);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('logs the handler in to the workbench, in Chinese, with their unit', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await login(page, 'handler');
    await page.waitForURL(/\/workbench$/);
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe('工作台');
    await page.getByText('县教体局').first().waitFor();
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('李经办');
    // A handler's menu has no administration.
    await expect(page.getByRole('menuitem', { name: '系统管理' }).count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('workbench-handler-zh'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe('Workbench');
    await page.screenshot({ path: screenshotPath('workbench-handler-en'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a wrong password as a readable error and stays on the login page', async () => {
    const page = await browser.newPage();
    await login(page, 'handler', 'wrong-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    expect(page.url()).toMatch(/\/login$/);
    await page.close();
  });

  it('gives the admin the unit and user pages and keeps the handler out of them', async () => {
    const admin = await browser.newPage();
    await login(admin, 'admin');
    await admin.waitForURL(/\/workbench$/);
    await admin.getByRole('menuitem', { name: '单位管理' }).click();
    await admin.getByRole('cell', { name: '洪范池镇', exact: true }).waitFor();
    await admin.screenshot({ path: screenshotPath('admin-units-zh'), fullPage: true });
    await admin.getByRole('menuitem', { name: '用户管理' }).click();
    await admin.getByRole('cell', { name: 'handler.water', exact: true }).waitFor();
    await admin.screenshot({ path: screenshotPath('admin-users-zh'), fullPage: true });
    await admin.close();

    const handler = await browser.newPage();
    await login(handler, 'handler');
    await handler.waitForURL(/\/workbench$/);
    await handler.goto(`${server.url}/admin/users`);
    await handler.waitForURL(/\/workbench$/);
    await handler.close();
  });
});
