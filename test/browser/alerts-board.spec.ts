import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AlertDto, HotspotDetailDto, IngestResultDto, MentionInput } from '@govdesk/contracts';
import { DEMO_PASSWORD, startBuiltServer, type BuiltServer } from './support/built-server';
import { launchChromium, screenshotPath } from './support/chromium';

/** Negative Weibo posts (30 unless told) about one invented matter, each from another person, within the last ten minutes. */
function burst(tag: string, place: string, thing: string, count = 30): MentionInput[] {
  const start = Date.now() - 10 * 60_000;
  return Array.from({ length: count }, (_, i) => ({
    channel: 'weibo',
    externalId: `${tag}-${i}`,
    title: `${place}${thing}问题没人管`,
    content: `${place}${thing}，太气人了，已经反映好多次了，一直没人管，群众非常不满！${['投诉', '强烈要求处理', '怎么没人管'][i % 3]}（${tag}${i}）`,
    author: `${tag}-user-${i}`,
    publishedAt: new Date(start + 60_000 + i * 15_000).toISOString(),
  }));
}

/**
 * Counts what the alert code does with the browser: desktop notifications made, beeps started,
 * and keeps the socket.io websockets so a test can cut one; while `__holdSockets` is set, new
 * socket.io websockets go to a closed port (the client keeps retrying).
 */
function instrument() {
  const w = window as unknown as Record<string, unknown>;
  const notifications: string[] = [];
  const sockets: WebSocket[] = [];
  w['__notifications'] = notifications;
  w['__beeps'] = 0;
  w['__sockets'] = sockets;
  w['__holdSockets'] = false;
  const NativeNotification = window.Notification;
  if (NativeNotification) {
    window.Notification = class extends NativeNotification {
      constructor(title: string, options?: NotificationOptions) {
        notifications.push(title);
        super(title, options);
      }
    };
  }
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w['__beeps'] = (w['__beeps'] as number) + 1;
    return createOscillator.call(this);
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const held = w['__holdSockets'] === true && String(url).includes('/socket.io/');
      super(held ? 'ws://127.0.0.1:9/socket.io/' : url, protocols);
      if (!held) sockets.push(this);
    }
  };
}

describe('the alert board in Chromium (built product, embedded PostgreSQL)', () => {
  let server: BuiltServer;
  let browser: Browser;
  const errors: string[] = [];
  /** Console errors a test expects (a websocket sent to a closed port on purpose). */
  let expectedConsoleErrors: RegExp | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBuiltServer({ GOVDESK_DEMO_MENTIONS: '0', GOVDESK_DEMO_REQUESTS: '0' });
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    const code = await server?.stop();
    expect(code).toBe(0);
  });
  afterEach(() => {
    expect(errors).toEqual([]);
    errors.length = 0;
    expectedConsoleErrors = null;
  });

  async function newPage(): Promise<Page> {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['notifications'] });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !expectedConsoleErrors?.test(m.text()) && errors.push(m.text()));
    return page;
  }

  /** Logs in and waits until the session's socket.io connection is open (its CONNECT packet answered). */
  async function login(page: Page, username: string): Promise<void> {
    const connected = new Promise<void>((resolve) =>
      page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && f.payload.startsWith('40') && resolve())),
    );
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await connected;
  }

  /** To the board through the menu, so the session's socket stays open (a reload would open a new one). */
  async function openBoard(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: '告警看板' }).click();
    await page.waitForURL(/\/alerts$/);
  }

  /** A call to the API with the page's own session. */
  function call<T>(page: Page, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
    return page.evaluate(
      async ({ path, method, body }) => {
        const headers: Record<string, string> = { Authorization: `Bearer ${sessionStorage.getItem('govdesk.token')}` };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const res = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: res.status, body: (await res.json()) as T };
      },
      { path, method, body },
    );
  }

  async function ingest(page: Page, mentions: MentionInput[]): Promise<string> {
    const res = await call<IngestResultDto>(page, '/opinion/mentions', 'POST', { mentions });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(mentions.length);
    const hotspotIds = new Set(res.body.results.map((r) => r.hotspotId));
    expect(hotspotIds.size).toBe(1);
    return [...hotspotIds][0]!;
  }

  async function alertOf(page: Page, hotspotId: string): Promise<AlertDto> {
    const active = await call<AlertDto[]>(page, '/alerts?status=active');
    const alert = active.body.find((a) => a.hotspotId === hotspotId);
    if (!alert) throw new Error(`no active alert for hotspot ${hotspotId}`);
    return alert;
  }

  const counter = (page: Page, name: '__beeps' | '__notifications') =>
    page.evaluate((key) => {
      const value = (window as unknown as Record<string, unknown>)[key];
      return Array.isArray(value) ? value.length : (value as number);
    }, name);

  it('a burst raises a banner for the monitor, who acknowledges it; supervisors see no escalation and the clocks count down', async () => {
    const monitor = await newPage();
    await login(monitor, 'monitor');
    await openBoard(monitor);
    await monitor.getByTestId('active-alerts-empty').waitFor();

    const supervisor = await newPage();
    await login(supervisor, 'supervisor');
    await openBoard(supervisor);
    // Supervisors land on their view.
    await supervisor.getByTestId('escalated-list-empty').waitFor();

    const hotspotId = await ingest(monitor, burst('liuquan', '柳泉村', '河道污水直排、井水发臭'));
    const banner = monitor.getByTestId('alert-banner');
    await banner.waitFor({ timeout: 10000 });
    const alert = await alertOf(monitor, hotspotId);
    expect(alert.level).toBeLessThanOrEqual(3);
    expect(alert.status).toBe('open');
    expect(await banner.getAttribute('data-alert-id')).toBe(alert.id);
    expect(await banner.getAttribute('data-level')).toBe(String(alert.level));
    expect(await banner.getByTestId('alert-banner-title').textContent()).toBe(alert.hotspotTitle);
    expect(alert.hotspotTitle).toContain('柳泉村');

    // The board shows the card and the hotspot, without a reload.
    const card = monitor.locator(`[data-testid="alert-card"][data-alert-id="${alert.id}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('open');
    const row = monitor.locator(`[data-testid="board-hotspot"][data-hotspot-id="${hotspotId}"]`);
    await row.waitFor();
    expect(Number(await row.getAttribute('data-heat'))).toBeGreaterThan(0);
    // The beep and the desktop notification ran (and threw nothing: see afterEach).
    expect(await counter(monitor, '__beeps')).toBeGreaterThan(0);
    expect(await counter(monitor, '__notifications')).toBeGreaterThan(0);
    await monitor.getByTestId('desktop-alerts').waitFor();
    await monitor.waitForTimeout(500);
    await monitor.screenshot({ path: screenshotPath('alerts-board-banner') });

    // Supervisors heard it too, and nothing is escalated.
    await supervisor.getByTestId('alert-banner').waitFor();
    expect(await supervisor.locator('[data-testid="escalated-row"]').count()).toBe(0);
    await supervisor.getByTestId('escalated-list-empty').waitFor();

    // One click in the banner.
    await banner.getByTestId('alert-banner-ack').click();
    await banner.waitFor({ state: 'hidden' });
    await card.locator('[data-testid="alert-status"][data-status="acknowledged"]').waitFor();
    expect(await card.getByTestId('alert-acknowledged-by').textContent()).toBe('monitor');
    expect(await card.getByTestId('alert-ack').count()).toBe(0);
    const stored = await call<AlertDto>(monitor, `/alerts/${alert.id}`);
    expect(stored.body.status).toBe('acknowledged');
    expect(stored.body.acknowledgedBy).toBe('monitor');

    // The countdowns tick.
    const clock = card.getByTestId('clock-countdown').first();
    await clock.waitFor();
    expect(['running', 'warning']).toContain(await clock.getAttribute('data-state'));
    expect(await card.getByTestId('clock-countdown').count()).toBe(alert.clocks.length);
    const before = await clock.textContent();
    await monitor.waitForTimeout(1600);
    expect(await clock.textContent()).not.toBe(before);
    expect(before).toMatch(/剩 \d+:\d\d:\d\d/);
    await monitor.screenshot({ path: screenshotPath('alerts-board-acknowledged'), fullPage: true });

    // Everyone's banner goes when anyone acknowledges; the supervisors' view still shows no escalation.
    await supervisor.getByTestId('alert-banner').waitFor({ state: 'hidden', timeout: 10000 });
    expect(await supervisor.locator('[data-testid="escalated-row"]').count()).toBe(0);
    await supervisor.getByTestId('escalated-list-empty').waitFor();
    await supervisor.locator('[data-testid="response-stats"] tbody tr.ant-table-row').first().waitFor();
    await supervisor.screenshot({ path: screenshotPath('alerts-supervisor-view'), fullPage: true });
    await supervisor.getByTestId('tab-board').click();
    await supervisor.locator(`[data-testid="alert-card"][data-alert-id="${alert.id}"] [data-testid="clock-countdown"]`).first().waitFor();
    await supervisor.locator(`[data-testid="board-hotspot"][data-hotspot-id="${hotspotId}"]`).waitFor();
    await supervisor.waitForTimeout(400);
    await supervisor.screenshot({ path: screenshotPath('alerts-supervisor-board') });

    // The English switch.
    await monitor.getByRole('button', { name: 'English' }).click();
    await monitor.getByRole('heading', { name: 'Alert board' }).waitFor();
    expect(await card.getByTestId('clock-countdown').first().textContent()).toMatch(/\d+:\d\d:\d\d left/);
    await monitor.screenshot({ path: screenshotPath('alerts-board-en') });

    await monitor.context().close();
    await supervisor.context().close();
  }, 60000);

  it('a monitor resolves an alert; after the connection dropped during a burst, the missed alert is replayed when it comes back; hotspots stay ordered by heat', async () => {
    const monitor = await newPage();
    await login(monitor, 'monitor');
    await openBoard(monitor);
    await monitor.getByTestId('active-alerts').waitFor();

    // A first alert arrives live; the monitor resolves it on its card (办结, confirmed), so the
    // tab has seen an alert event (alert.resolved) to ask the server to replay from.
    const firstHotspot = await ingest(monitor, burst('qinghe', '清河村', '垃圾填埋场臭气熏天'));
    const first = await alertOf(monitor, firstHotspot);
    await monitor.locator(`[data-testid="alert-banner"][data-alert-id="${first.id}"]`).waitFor({ timeout: 10000 });
    const firstCard = monitor.locator(`[data-testid="alert-card"][data-alert-id="${first.id}"]`);
    await firstCard.getByTestId('alert-resolve').click();
    await monitor.locator('.ant-popconfirm .ant-btn-primary').click();
    await firstCard.waitFor({ state: 'detached' });
    await monitor.getByTestId('alert-banner').waitFor({ state: 'detached' });
    expect((await call<AlertDto>(monitor, `/alerts/${first.id}`)).body.status).toBe('resolved');
    await monitor.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith('govdesk.lastAlertEventId:')));
    const reconnects: string[] = [];
    monitor.on('websocket', (ws) => ws.on('framesent', (f) => typeof f.payload === 'string' && f.payload.startsWith('40') && reconnects.push(f.payload)));

    // Cut the connection and keep it down (socket.io keeps retrying against a closed port).
    expectedConsoleErrors = /WebSocket connection to 'ws:\/\/127\.0\.0\.1:9\//;
    await monitor.evaluate(() => {
      const w = window as unknown as { __holdSockets: boolean; __sockets: WebSocket[] };
      w.__holdSockets = true;
      for (const ws of w.__sockets) ws.close();
    });
    await monitor.waitForTimeout(500);
    const hotspotId = await ingest(monitor, burst('shimen', '石门村', '自来水停水三天没人通知'));
    await monitor.waitForTimeout(500);
    expect(await monitor.getByTestId('alert-banner').count()).toBe(0);

    // Back: the handshake carries the last event id seen, and the server replays the alert.
    await monitor.evaluate(() => ((window as unknown as { __holdSockets: boolean }).__holdSockets = false));
    const banner = monitor.getByTestId('alert-banner');
    await banner.waitFor({ timeout: 20000 });
    const alert = await alertOf(monitor, hotspotId);
    expect(await banner.getAttribute('data-alert-id')).toBe(alert.id);
    expect(reconnects.length).toBeGreaterThan(0);
    expect(reconnects[reconnects.length - 1]).toMatch(/"lastEventId":"\d+"/);

    await monitor.locator(`[data-testid="board-hotspot"][data-hotspot-id="${hotspotId}"]`).waitFor();
    await monitor.locator(`[data-testid="alert-card"][data-alert-id="${alert.id}"]`).waitFor();
    await monitor.waitForTimeout(500);
    await monitor.screenshot({ path: screenshotPath('alerts-board-replayed') });

    // More posts about the first matter: its alert stays resolved (no alert event, so no refetch),
    // and `hotspot.updated` alone moves it to the top of the heat list.
    const heatOf = async (id: string) => Number(await monitor.locator(`[data-testid="board-hotspot"][data-hotspot-id="${id}"]`).getAttribute('data-heat'));
    const heatBefore = await heatOf(firstHotspot);
    expect(await ingest(monitor, burst('qinghe-more', '清河村', '垃圾填埋场臭气熏天', 20))).toBe(firstHotspot);
    await monitor.waitForFunction((id) => document.querySelector('[data-testid="board-hotspot"]')?.getAttribute('data-hotspot-id') === id, firstHotspot, { timeout: 10000 });
    expect(await heatOf(firstHotspot)).toBeGreaterThan(heatBefore);
    const heats = await monitor.locator('[data-testid="board-hotspot"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-heat'))));
    expect(heats.length).toBeGreaterThanOrEqual(3);
    expect(heats).toEqual([...heats].sort((a, b) => b - a));
    expect(heats[0]).toBeGreaterThan(heats[1]!);

    // Dismissing the banner leaves the alert open on the board.
    await banner.locator('.ant-alert-close-icon').click();
    await banner.waitFor({ state: 'hidden' });
    expect((await call<AlertDto>(monitor, `/alerts/${alert.id}`)).body.status).toBe('open');

    // 指派 (pick a unit: two clicks) and 记录回应: the card follows the answers and its clock stops.
    const card = monitor.locator(`[data-testid="alert-card"][data-alert-id="${alert.id}"]`);
    await card.getByTestId('alert-assign').click();
    const unit = monitor.locator('.ant-select-item-option').first();
    const unitName = (await unit.getAttribute('title')) ?? '';
    await unit.click();
    await card.locator('[data-testid="alert-status"][data-status="assigned"]').waitFor();
    // The live event (status, unit id) can arrive just before the answer that names the unit.
    await card.filter({ hasText: unitName }).waitFor({ timeout: 5000 });
    expect(await card.textContent()).toContain(unitName);
    await card.getByTestId('alert-respond').click();
    await monitor.getByTestId('respond-text').fill('已发布情况通报：供水管道正在抢修，明日 8 时前恢复供水。');
    await monitor.getByTestId('respond-submit').click();
    await card.locator('[data-testid="clock-countdown"][data-state="met"]').waitFor();
    const stored = (await call<AlertDto>(monitor, `/alerts/${alert.id}`)).body;
    expect(stored.status).toBe('assigned');
    expect(stored.unitName).toBe(unitName);
    expect(stored.respondedAt).not.toBeNull();
    await monitor.waitForTimeout(400);
    await monitor.screenshot({ path: screenshotPath('alerts-board-assigned-responded') });
    await monitor.context().close();
  }, 60000);

  it('a monitor undoes an automatic merge on the hotspot page: the mentions go back and both hotspots are listed again', async () => {
    const monitor = await newPage();
    await login(monitor, 'monitor');
    // One matter's first posts (long ago: nothing else is in its window) start two hotspots side
    // by side; the last post names both and clustering merges them.
    const posts = ['浪溪河孝直镇段河面上漂着不少死鱼', '浪溪河胡庄村桥下河面上漂着一片死鱼', '浪溪河后屯村附近河面上漂着死鱼，河水发黑', '浪溪河孝直镇段河水发黑发臭，味道呛人', '浪溪河下游河水又黑又臭，臭气熏天', '浪溪河孝直镇段的水这几天发黑了，走近了臭味刺鼻', '浪溪河孝直镇段河水发黑，河面上漂着死鱼，臭味刺鼻', '浪溪河死鱼越来越多，河水发黑发臭', '浪溪河污染严重：死鱼、发黑、发臭'];
    const start = Date.now() - 200 * 86_400_000;
    const mentions = posts.map((content, i): MentionInput => ({ channel: 'weibo', externalId: `ui-merge-${i}`, content, author: `ui-merge-${i}`, publishedAt: new Date(start + i * 60_000).toISOString() }));
    expect((await call<IngestResultDto>(monitor, '/opinion/mentions', 'POST', { mentions: mentions.slice(0, 8) })).status).toBe(200);
    const last = await call<IngestResultDto>(monitor, '/opinion/mentions', 'POST', { mentions: mentions.slice(8) });
    const survivor = last.body.results[0]!.hotspotId!;
    const detail = (await call<HotspotDetailDto>(monitor, `/hotspots/${survivor}`)).body;
    const merged = detail.mergedFrom.find((m) => m.automatic)!;
    expect(merged).toBeDefined();

    await monitor.goto(`${server.url}/hotspots/${survivor}`);
    const card = monitor.getByTestId('merged-from');
    await card.waitFor();
    expect(await card.textContent()).toContain('自动合并');
    await card.getByTestId(`unmerge-${merged.id}`).click();
    await monitor.locator('.ant-popconfirm .ant-btn-primary').click();
    await monitor.getByText('已拆回').waitFor();
    await card.getByTestId(`unmerge-${merged.id}`).waitFor({ state: 'detached' });
    const back = (await call<HotspotDetailDto>(monitor, `/hotspots/${merged.id}`)).body;
    expect(back.status).toBe('open');
    expect(back.mentionCount).toBeGreaterThan(0);
    const rest = (await call<HotspotDetailDto>(monitor, `/hotspots/${survivor}`)).body;
    expect(rest.mentionCount + back.mentionCount).toBe(detail.mentionCount);
    // The page shows the survivor's new count.
    await monitor.getByTestId('hotspot-figure-mentions').filter({ hasText: String(rest.mentionCount) }).waitFor();
    await monitor.screenshot({ path: screenshotPath('hotspot-unmerged'), fullPage: true });
    await monitor.context().close();
  }, 60000);
});
