import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { RequestDetailDto } from '@govdesk/contracts';
import { DEMO_PASSWORD, startBuiltServer, type BuiltServer } from './support/built-server';
import { launchChromium, screenshotPath } from './support/chromium';

/**
 * A request's whole life in the handler's workbench: counter registration, correction, accept,
 * draft reply; the supervisor approves; the handler sends and archives. The deadline badges on
 * the queue and on the request page must show the API's own deadline.
 */
describe('request workbench in Chromium (built product, embedded PostgreSQL)', () => {
  let server: BuiltServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBuiltServer();
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    const code = await server?.stop();
    expect(code).toBe(0);
  });

  function watch(page: Page) {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  }

  async function login(page: Page, username: string) {
    await page.goto(server.url);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/workbench$/);
  }

  async function logout(page: Page) {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);
  }

  /** The request as the API sees it, with the token of the logged-in user. */
  function fetchRequest(page: Page, id: string): Promise<RequestDetailDto> {
    return page.evaluate(async (requestId) => {
      const token = sessionStorage.getItem('govdesk.token');
      const res = await fetch(`/api/requests/${requestId}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET /api/requests/${requestId}: ${res.status} ${await res.text()}`);
      return (await res.json()) as RequestDetailDto;
    }, id);
  }

  async function expectBadgeMatchesApi(page: Page, badgeScope: string, id: string) {
    const badge = page.locator(`${badgeScope} [data-testid="deadline-badge"]`).first();
    await badge.waitFor();
    const api = await fetchRequest(page, id);
    await expect(badge.getAttribute('data-due-date')).resolves.toBe(api.deadline.dueDate);
    await expect(badge.getAttribute('data-days-left')).resolves.toBe(String(api.deadline.workingDaysLeft));
    await expect(badge.getAttribute('data-state')).resolves.toBe(api.deadline.state);
    return api;
  }

  /** Polls `read` until `ok` accepts its value (10 s), then returns the value. */
  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    const end = Date.now() + 10000;
    let value = await read();
    while (!ok(value)) {
      if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)} after 10 s`);
      await new Promise((r) => setTimeout(r, 100));
      value = await read();
    }
    return value;
  }

  async function expectStatus(page: Page, label: string) {
    await page.locator('[data-testid="request-status"]', { hasText: label }).waitFor();
  }

  /** Opens an action's form, lets `fill` complete it, submits and waits for the new status. */
  async function act(page: Page, action: string, nextStatus: string, fill?: () => Promise<void>, shot?: string) {
    await page.getByTestId(`action-${action}`).click();
    const modal = page.locator('.ant-modal-wrap:visible');
    await modal.locator('form').waitFor();
    if (fill) await fill();
    if (shot) {
      await page.waitForTimeout(400); // let the modal's opening animation finish
      await page.screenshot({ path: screenshotPath(shot) });
    }
    await modal.getByTestId('action-submit').click();
    try {
      await modal.waitFor({ state: 'hidden', timeout: 10000 });
    } catch (e) {
      await page.screenshot({ path: screenshotPath(`requests-failed-${action}`) });
      const shown = await modal.getByTestId('action-error').textContent().catch(() => null);
      throw new Error(`the "${action}" form did not close${shown ? `: ${shown}` : ''}\n${(e as Error).message}`);
    }
    await expectStatus(page, nextStatus);
  }

  it('registers, corrects, accepts, drafts, approves, sends and archives a request', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(page);

    // --- The handler registers a request at the counter, by keyboard.
    await login(page, 'handler');
    await expect(page.getByTestId('page-title').textContent()).resolves.toBe('工作台');
    await page.getByTestId('request-queue').waitFor();
    await page.getByTestId('register-request').click();
    await page.waitForURL(/\/requests\/new$/);
    await expect(page.getByTestId('request-unit-fixed').textContent()).resolves.toBe('县教体局');
    await page.locator('[data-testid="applicant-name"]:focus').waitFor();

    const name = `测试申请人${Date.now() % 100000}`;
    // The name field has the focus: typing goes straight in.
    await page.keyboard.type(name);
    await expect(page.getByTestId('applicant-name').inputValue()).resolves.toBe(name);
    await page.getByTestId('applicant-id-number').fill('37012419850715001');
    await page.getByText('已输入 17/18 位').waitFor();
    await page.getByTestId('applicant-id-number').fill('370124198507150012');
    await page.getByText('校验位不正确，请核对').waitFor();
    await page.getByTestId('applicant-id-number').fill('370124198507150013');
    await page.getByText('校验通过').waitFor();
    await page.getByTestId('applicant-phone').fill('13812345678');
    await page.getByTestId('applicant-address').fill('平阴县榆山街道青龙路 88 号');
    await page.getByTestId('request-description').fill('请公开 2025 年全县义务教育阶段学校招生划片方案及其依据文件。');
    await page.screenshot({ path: screenshotPath('requests-register-form'), fullPage: true });
    // Ctrl+Enter in the description registers the request.
    await page.getByTestId('request-description').press('Control+Enter');

    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const id = /\/requests\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    const receipt = page.getByTestId('registration-receipt');
    await receipt.waitFor();
    const receiptNo = (await page.getByTestId('receipt-no').textContent())!.trim();
    const queryCode = (await page.getByTestId('query-code').textContent())!.trim();
    expect(receiptNo.length).toBeGreaterThan(4);
    expect(queryCode.length).toBeGreaterThan(3);
    await expectStatus(page, '登记');
    // Personal data is masked until the handler asks to see it.
    await expect(page.getByTestId('applicant-id-number').textContent()).resolves.toBe('3701**********0013');
    await page.getByTestId('reveal-applicant').click();
    await page.locator('[data-testid="applicant-id-number"]', { hasText: '370124198507150013' }).waitFor();
    const registered = await expectBadgeMatchesApi(page, '[data-testid="deadline-card"]', id);
    expect(registered.receiptNo).toBe(receiptNo);
    await page.screenshot({ path: screenshotPath('requests-registered'), fullPage: true });

    // The queue shows the new request with the API's deadline.
    await page.goto(`${server.url}/workbench`);
    const row = `tr[data-request-id="${id}"]`;
    await page.locator(row).waitFor();
    await expectBadgeMatchesApi(page, row, id);
    await expect(page.locator(`${row} [data-testid="queue-receipt-no"]`).textContent()).resolves.toBe(receiptNo);
    await page.screenshot({ path: screenshotPath('requests-queue-handler'), fullPage: true });
    await page.locator(`${row} [data-testid="queue-receipt-no"]`).click();
    await page.waitForURL(new RegExp(`/requests/${id}$`));

    // --- Correction notice, then the corrected application.
    await act(page, 'request_correction', '待补正', async () => {
      await page.getByTestId('field-items').fill('请写明所需信息的文号或名称\n请明确所需信息的时间范围');
      await expect(page.getByTestId('field-correct-within-days').inputValue()).resolves.toBe('15');
    }, 'requests-correction-modal');
    await act(page, 'receive_correction', '审核');

    // --- Accept with the handler as the one handling it, then draft a reply.
    await act(page, 'accept', '办理');
    await act(page, 'draft_reply', '答复待签发', async () => {
      await expect(page.getByTestId('field-legal-basis').inputValue()).resolves.toContain('第三十六条第（二）项');
      await page.getByTestId('field-body').fill('经查，你（单位）申请公开的信息属于公开范围，现予以提供。');
    }, 'requests-draft-reply-modal');
    await expect(page.getByTestId('action-send_reply').count()).resolves.toBe(0);
    await expectBadgeMatchesApi(page, '[data-testid="deadline-card"]', id);
    await logout(page);

    // --- The supervisor approves the reply.
    await login(page, 'supervisor');
    await page.getByTestId('request-queue').locator('tr[data-request-id]').first().waitFor();
    await page.screenshot({ path: screenshotPath('requests-queue-supervisor'), fullPage: true });
    await page.goto(`${server.url}/requests/${id}`);
    await expectStatus(page, '答复待签发');
    await act(page, 'approve_reply', '答复待签发', undefined, 'requests-approve-reply-modal');
    await page.getByTestId('reply-approved').waitFor();
    await logout(page);

    // --- The handler sends the reply and archives the request.
    await login(page, 'handler');
    await page.goto(`${server.url}/requests/${id}`);
    await act(page, 'send_reply', '已答复');

    // The reply letter downloads as .docx and carries the receipt number.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-reply').click()]);
    const docx = readFileSync((await download.path())!);
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(xml).toContain(receiptNo);
    expect(xml).toContain('行政复议');

    await act(page, 'archive', '已归档');
    await expect(page.getByTestId('request-status').textContent()).resolves.toBe('已归档');
    const archived = await expectBadgeMatchesApi(page, 'main', id);
    expect(archived.status).toBe('archived');
    expect(archived.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['register', 'request_correction', 'receive_correction', 'accept', 'draft_reply', 'approve_reply', 'send_reply', 'archive']),
    );
    await page.getByTestId('deadline-explanation').waitFor();
    await page.screenshot({ path: screenshotPath('requests-archived'), fullPage: true });

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('request-status').textContent()).resolves.toBe('Archived');
    await page.screenshot({ path: screenshotPath('requests-archived-en'), fullPage: true });
    await page.getByRole('button', { name: /中\s*文/ }).click();

    expect(errors).toEqual([]);
    await page.close();
  }, 240000);

  it('warns of an applicant\'s open requests, saves a filter and assigns a handler in bulk', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(page);
    await login(page, 'handler');

    // Two open requests of one applicant, registered through the API.
    const name = `批量申请人${Date.now() % 100000}`;
    const ids = await page.evaluate(async (applicantName) => {
      const headers = { Authorization: `Bearer ${sessionStorage.getItem('govdesk.token')}`, 'Content-Type': 'application/json' };
      const me = (await (await fetch('/api/auth/me', { headers })).json()) as { unitId: string };
      const created: string[] = [];
      for (const description of ['请公开本局 2025 年部门预算', '请公开本局 2025 年部门决算']) {
        const res = await fetch('/api/requests', {
          method: 'POST',
          headers,
          body: JSON.stringify({
            channel: 'ordinary_mail',
            receivedAt: new Date().toISOString(),
            unitId: me.unitId,
            applicant: { type: 'natural_person', name: applicantName, idType: 'resident_id', idNumber: '370124198507150013' },
            description,
            form: { medium: 'paper', delivery: 'mail' },
          }),
        });
        if (res.status !== 201) throw new Error(`POST /api/requests: ${res.status} ${await res.text()}`);
        created.push(((await res.json()) as { id: string }).id);
      }
      return created;
    }, name);

    // Registering the same applicant again warns before anything is submitted.
    await page.getByTestId('register-request').click();
    await page.waitForURL(/\/requests\/new$/);
    await page.locator('[data-testid="applicant-name"]:focus').waitFor();
    await page.keyboard.type(name);
    await expect(page.getByTestId('applicant-name').inputValue()).resolves.toBe(name);
    await page.getByTestId('applicant-id-number').fill('370124198507150013');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('该申请人已有 2 件在办申请');
    await expect(warning.textContent()).resolves.toContain('证件号码相同');
    await page.screenshot({ path: screenshotPath('requests-register-duplicates'), fullPage: true });

    // The queue, searched by the applicant's name; the search is saved and reapplied.
    await page.goto(`${server.url}/workbench`);
    await page.getByTestId('request-queue').waitFor();
    await page.getByPlaceholder('搜索受理编号、申请人、内容').fill(name);
    await page.getByPlaceholder('搜索受理编号、申请人、内容').press('Enter');
    const rows = page.locator('tr[data-request-id]');
    await until(() => rows.count(), (n) => n === 2, 'rows of the queue');
    await page.getByTestId('save-filter').click();
    const dialog = page.locator('.ant-modal-wrap:visible');
    await dialog.locator('input').fill('批量测试');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await until(() => rows.count(), (n) => n > 2, 'rows of the queue');
    await page.getByTestId('saved-filter').filter({ hasText: '批量测试' }).click();
    await until(() => rows.count(), (n) => n === 2, 'rows of the queue');
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-request-id')))).sort()).toEqual([...ids].sort());

    // Select both and accept them with one handler, one call each.
    await page.locator('thead .ant-checkbox-input').check();
    await page.getByTestId('bulk-assign').click();
    const modal = page.locator('.ant-modal-wrap:visible');
    await modal.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '李经办' }).click();
    await modal.locator('.ant-btn-primary').click();
    await until(() => modal.locator('[data-testid="bulk-assign-result"][data-state="ok"]').count(), (n) => n === 2, 'accepted rows');
    await modal.getByText('完成：成功 2 件，失败 0 件').waitFor();
    await page.screenshot({ path: screenshotPath('requests-bulk-assign'), fullPage: true });
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    for (const id of ids) await expect(fetchRequest(page, id).then((r) => r.status)).resolves.toBe('handling');
    await page.screenshot({ path: screenshotPath('requests-queue-filtered'), fullPage: true });

    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it('shows a version conflict, reloads the request and lets the handler retry', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'handler');
    await page.getByTestId('register-request').click();
    await page.locator('[data-testid="applicant-name"]:focus').waitFor();
    await page.keyboard.type(`冲突申请人${Date.now() % 100000}`);
    await page.getByTestId('applicant-id-number').fill('370124198507150013');
    await page.getByTestId('request-description').fill('请公开本局 2026 年政府采购意向公告。');
    // The request page refetches the detail when it opens; that read must be done before someone
    // else changes the request, or the page would already show the new version.
    const detailRead = page.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/api\/requests\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname),
    );
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const id = /\/requests\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await detailRead;
    await expectStatus(page, '登记');

    // Someone else starts the review meanwhile: the page still shows version 1.
    await page.evaluate(async (requestId) => {
      const res = await fetch(`/api/requests/${requestId}/transitions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('govdesk.token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'start_review', version: 1 }),
      });
      if (!res.ok) throw new Error(`start_review: ${res.status} ${await res.text()}`);
    }, id);

    await page.getByTestId('action-request_correction').click();
    const modal = page.locator('.ant-modal-wrap:visible');
    await page.getByTestId('field-items').fill('请提供所需信息的具体名称');
    await modal.getByTestId('action-submit').click();
    // The conflict is explained, the request reloaded (now in review) and the form kept.
    await modal.getByTestId('action-error').filter({ hasText: '该申请已被他人修改' }).waitFor();
    await expectStatus(page, '审核');
    await expect(page.getByTestId('field-items').inputValue()).resolves.toBe('请提供所需信息的具体名称');
    await page.screenshot({ path: screenshotPath('requests-version-conflict') });
    await modal.getByTestId('action-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await expectStatus(page, '待补正');
    await expect(fetchRequest(page, id).then((r) => r.status)).resolves.toBe('awaiting_correction');
    await page.close();
  }, 120000);
});
