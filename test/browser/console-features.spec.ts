import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, REPO_ROOT, startBuiltServer, type BuiltServer } from './support/built-server';
import { launchChromium, screenshotPath } from './support/chromium';

/**
 * The console's supervision, urging with live notifications, the public portal with staff
 * confirmation, and the holiday calendar, against the built product. One server; each test
 * uses its own browser contexts.
 */
describe('console features in Chromium (built product, embedded PostgreSQL)', () => {
  let server: BuiltServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBuiltServer({ GOVDESK_DEMO_REQUESTS: '60' });
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    const code = await server?.stop();
    expect(code).toBe(0);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    // Expected answers here: 404 for a year without a calendar, 422 for a refused calendar.
    page.on('console', (m) => m.type() === 'error' && !/status of (404|422)/.test(m.text()) && errors.push(m.text()));
    return page;
  }

  async function login(page: Page, username: string) {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/workbench$/);
  }

  /** Waits until the request queue lists exactly `n` rows. */
  async function queueRows(page: Page, n: number) {
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="request-queue"] tbody tr.ant-table-row').length === count, n, { timeout: 10000 });
  }

  it('supervisor: timeliness table with every number drilling into the queue, annual report with balance check, drill-down of parts three and four', async () => {
    const page = await newPage();
    await login(page, 'supervisor');
    await page.goto(`${server.url}/supervision`);
    await page.locator('[data-testid="timeliness-table"] tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('timeliness-trend').waitFor();
    await page.screenshot({ path: screenshotPath('features-supervision-timeliness'), fullPage: true });

    // A number other than the overdue ones: the requests replied late (on time if none was late), as many as the cell says.
    const table = page.getByTestId('timeliness-table');
    const metric = (await table.locator('[data-testid="drill-late"]').count()) > 0 ? 'late' : 'on_time';
    const cell = table.locator(`[data-testid="drill-${metric}"]`).first();
    const expected = Number(await cell.getAttribute('data-count'));
    expect(expected).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(new RegExp(`/workbench\\?.*timeliness=${metric}`));
    const chip = page.locator('[data-testid="drill-chip"][data-chip="timeliness"]');
    await chip.waitFor();
    await queueRows(page, expected);
    await page.screenshot({ path: screenshotPath('features-supervision-drill-queue'), fullPage: true });
    // Its chip removed, the queue lists the unit's requests of the period again.
    await chip.locator('.ant-tag-close-icon').click();
    await chip.waitFor({ state: 'detached' });
    await page.waitForURL(/\/workbench$/);

    // A reconsideration on one of this year's requests, for part four.
    await page.evaluate(async () => {
      const headers = { Authorization: `Bearer ${sessionStorage.getItem('govdesk.token')}`, 'Content-Type': 'application/json' };
      const page = (await (await fetch('/api/requests?sort=received&order=desc&limit=1', { headers })).json()) as { items: { id: string }[] };
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const res = await fetch(`/api/requests/${page.items[0]!.id}/reviews`, { method: 'POST', headers, body: JSON.stringify({ kind: 'reconsideration', filedOn: today }) });
      if (res.status !== 201) throw new Error(`review: ${res.status}`);
    });
    await page.goto(`${server.url}/supervision`);
    await page.getByTestId('tab-report').click();
    const balance = page.getByTestId('balance-check');
    await balance.waitFor();
    expect(['true', 'false']).toContain(await balance.getAttribute('data-ok'));
    await page.locator('[data-testid="report-part3"] tbody tr.ant-table-row').first().waitFor();
    await page.screenshot({ path: screenshotPath('features-supervision-report'), fullPage: true });
    await page.getByTestId('report-cell').first().click();
    const drill = page.locator('[data-testid="drill-table"] tbody tr.ant-table-row a');
    try {
      await drill.first().waitFor();
    } catch (e) {
      await page.screenshot({ path: screenshotPath('features-supervision-drill-failed') });
      throw e;
    }
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('features-supervision-drill') });

    // Part four: every cell opens its requests too, one row per review record.
    await page.locator('.ant-drawer-close').click();
    await drill.first().waitFor({ state: 'detached' });
    const part4 = page.locator('[data-testid="report-part4"] [data-testid="report-cell"]').first();
    const part4Count = Number(await part4.textContent());
    expect(part4Count).toBeGreaterThan(0);
    await part4.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="drill-table"] tbody tr.ant-table-row').length === n, part4Count);
    await page.locator('[data-testid="drill-table"]', { hasText: '尚未审结' }).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('features-supervision-drill-part4') });
    await drill.first().click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await page.getByTestId('letters-card').waitFor();
    await page.context().close();
  }, 60000);

  it('supervisor drills from the dashboard into a unit\'s overdue requests and urges one; the handler sees it live and reads it', async () => {
    const handler = await newPage();
    await login(handler, 'handler');
    // An overdue request of the handler's unit (received 60 days ago, not answered).
    const received = new Date(Date.now() + 8 * 3600_000 - 60 * 86_400_000).toISOString().slice(0, 10);
    const { id, receiptNo } = await handler.evaluate(async (receivedAt) => {
      const headers = { Authorization: `Bearer ${sessionStorage.getItem('govdesk.token')}`, 'Content-Type': 'application/json' };
      const me = (await (await fetch('/api/auth/me', { headers })).json()) as { unitId: string };
      const res = await fetch('/api/requests', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          channel: 'in_person',
          receivedAt,
          unitId: me.unitId,
          applicant: { type: 'natural_person', name: '督办测试', idType: 'other_id', idNumber: 'T-1' },
          description: '申请公开学校体育场馆开放管理办法',
          form: { medium: 'paper', delivery: 'pickup' },
        }),
      });
      return (await res.json()) as { id: string; receiptNo: string };
    }, received);
    await handler.getByTestId('notification-bell').waitFor();
    const before = Number(await handler.getByTestId('notification-count').getAttribute('data-count'));

    const supervisor = await newPage();
    await login(supervisor, 'supervisor');
    // From the dashboard: the unit's overdue count opens its overdue requests.
    await supervisor.goto(`${server.url}/supervision`);
    const row = supervisor.locator('[data-testid="timeliness-table"] tbody tr.ant-table-row', { hasText: '县教体局' });
    await row.getByTestId('drill-overdue').first().click();
    await supervisor.waitForURL(/\/workbench\?.*deadlineState=overdue/);
    await supervisor.locator('[data-testid="drill-chip"][data-chip="deadlineState"]').waitFor();
    await supervisor.getByText(receiptNo).click();
    await supervisor.waitForURL(new RegExp(`/requests/${id}$`));
    await supervisor.getByTestId('action-urge').click();
    const modal = supervisor.locator('.ant-modal-wrap:visible');
    await modal.getByText('承办单位全体经办人').click();
    const text = `请抓紧办理并按期答复 ${Date.now() % 100000}`;
    await modal.getByTestId('urge-message').fill(text);
    await supervisor.waitForTimeout(300);
    await supervisor.screenshot({ path: screenshotPath('features-urge-modal') });
    // The first try reaches the API (which stores the urge) but its answer is cut on the way back:
    // the console sends it again with the same Idempotency-Key and gets the stored answer.
    const keys: string[] = [];
    const errorsBefore = errors.length;
    await supervisor.route(`**/api/requests/${id}/urges`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (keys.length > 1) return route.continue();
      const reached = await route.fetch();
      expect(reached.status()).toBe(201);
      await route.abort('connectionreset');
    });
    await modal.getByTestId('urge-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await supervisor.locator('[data-testid="urge-item"]', { hasText: text }).waitFor();
    await supervisor.unroute(`**/api/requests/${id}/urges`);
    // The cut answer is the one error the browser logs meanwhile (checked by "logged no browser errors" otherwise).
    const cut = errors.splice(errorsBefore).filter((e) => !/ERR_CONNECTION_RESET/.test(e));
    expect(cut).toEqual([]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const stored = await supervisor.evaluate(async (requestId) => {
      const res = await fetch(`/api/requests/${requestId}/urges`, { headers: { Authorization: `Bearer ${sessionStorage.getItem('govdesk.token')}` } });
      return (await res.json()) as { message: string }[];
    }, id);
    expect(stored.filter((u) => u.message === text)).toHaveLength(1);
    await expect(supervisor.locator('[data-testid="urge-item"]', { hasText: text }).count()).resolves.toBe(1);

    // Live on the handler's page: a toast and the bell's count.
    await handler.locator('.govdesk-notification-toast').first().waitFor({ timeout: 10000 });
    await handler.locator(`[data-testid="notification-count"][data-count="${before + 1}"]`).waitFor();
    await handler.screenshot({ path: screenshotPath('features-notification-live') });
    await handler.getByTestId('notification-bell').click();
    const item = handler.locator('[data-testid="notification-item"][data-read="false"]').first();
    await item.waitFor();
    await handler.screenshot({ path: screenshotPath('features-notification-list') });
    await item.click();
    await handler.waitForURL(new RegExp(`/requests/${id}$`));
    await handler.locator(`[data-testid="notification-count"][data-count="${before}"]`).waitFor();

    // The supervisor sees the read receipt.
    await supervisor.reload();
    await supervisor.locator('[data-testid="urge-item"]', { hasText: text }).locator('[data-testid="urge-read"]').first().waitFor();
    await supervisor.screenshot({ path: screenshotPath('features-urge-read'), fullPage: true });
    await handler.context().close();
    await supervisor.context().close();
  }, 60000);

  it('an applicant applies on the portal; a handler confirms; the status page shows the due date', async () => {
    const applicant = await newPage();
    await applicant.goto(`${server.url}/portal`);
    await applicant.getByTestId('staff-login-link').waitFor();
    await applicant.getByLabel('向哪个机关申请').click();
    await applicant.keyboard.type('县教体局');
    await applicant.locator('.ant-select-item-option', { hasText: '县教体局' }).first().click();
    await applicant.getByTestId('portal-name').fill('网上申请人');
    await applicant.getByTestId('portal-id-number').fill('370124198507150013');
    await applicant.getByTestId('portal-phone').fill('13812345678');
    await applicant.getByTestId('portal-description').fill('请公开 2025 年本县义务教育阶段学校划片招生方案。');
    await applicant.screenshot({ path: screenshotPath('features-portal-form'), fullPage: true });
    await applicant.getByTestId('portal-submit').click();
    await applicant.getByTestId('portal-receipt').waitFor();
    const receiptNo = (await applicant.getByTestId('portal-receipt-no').innerText()).trim();
    const queryCode = (await applicant.getByTestId('portal-query-code').innerText()).trim();
    expect(receiptNo.length).toBeGreaterThan(4);
    expect(queryCode.length).toBeGreaterThan(3);
    await applicant.screenshot({ path: screenshotPath('features-portal-receipt'), fullPage: true });

    // Before confirmation: waiting for staff.
    await applicant.goto(`${server.url}/portal/status`);
    await applicant.getByTestId('status-receipt-no').fill(receiptNo);
    await applicant.getByTestId('status-query-code').fill(queryCode);
    await applicant.getByTestId('status-submit').click();
    await applicant.locator('[data-testid="portal-status-label"][data-status="submitted"]').waitFor();

    const handler = await newPage();
    await login(handler, 'handler');
    await handler.goto(`${server.url}/workbench?tab=online`);
    const row = handler.locator(`tr[data-submission-receipt="${receiptNo}"]`);
    await row.waitFor();
    await handler.screenshot({ path: screenshotPath('features-online-submissions'), fullPage: true });
    await row.getByTestId('submission-confirm').click();
    await handler.locator('.ant-popover:visible .ant-btn-primary').click();
    await handler.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await handler.getByTestId('request-status').waitFor();

    await applicant.getByTestId('status-submit').click();
    const due = applicant.getByTestId('portal-due-date');
    await due.waitFor();
    expect(await due.getAttribute('data-due-date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await applicant.screenshot({ path: screenshotPath('features-portal-status'), fullPage: true });
    await applicant.context().close();
    await handler.context().close();
  }, 60000);

  it('admin imports holidays.ics and a JSON year on the calendar page and saves', async () => {
    const page = await newPage();
    await login(page, 'admin');
    await page.goto(`${server.url}/admin/calendar`);
    await page.getByTestId('calendar-edit-2026').click();
    const editor = page.getByTestId('calendar-editor');
    await editor.locator('[data-testid="calendar-list-holidays"] .ant-picker').first().waitFor();
    await editor.locator('input[type=file]').setInputFiles(join(REPO_ROOT, 'node_modules/chinese-days/dist/holidays.ics'));
    await page.getByTestId('calendar-import-preview').waitFor();
    await page.screenshot({ path: screenshotPath('features-calendar-import'), fullPage: true });
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-recomputed').waitFor();

    // A new year from JSON; a make-up working day on a weekday is refused with a readable message.
    const json = join('/tmp', `govdesk-calendar-${process.pid}.json`);
    writeFileSync(json, JSON.stringify({ holidays: ['2030-01-01', '2030-10-01', '2030-10-02'], workdays: ['2030-09-29', '2030-10-08'] }));
    await page.getByLabel('年份').fill('2030');
    await page.getByTestId('calendar-open-year').click();
    await page.getByText('2030 年节假日安排').waitFor();
    await page.getByTestId('calendar-editor').locator('input[type=file]').setInputFiles(json);
    await page.getByTestId('calendar-import-preview').waitFor();
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-error').waitFor();
    expect(await page.getByTestId('calendar-error').innerText()).toContain('2030-10-08');
    // Remove the weekday and save again.
    const rows = page.locator('[data-testid="calendar-list-workdays"] .ant-list-item');
    await rows.nth(1).getByRole('button', { name: '删除' }).click();
    await page.getByTestId('calendar-save').click();
    await page.getByTestId('calendar-recomputed').waitFor();
    await page.locator('[data-testid="calendar-years"] tr[data-row-key="2030"]').waitFor();
    await page.screenshot({ path: screenshotPath('features-calendar-saved'), fullPage: true });
    await page.context().close();
  }, 60000);

  it('logged no browser errors', () => {
    expect(errors).toEqual([]);
  });
});
