import {
  TIMELINESS_GROUPS,
  TIMELINESS_METRICS,
  timelinessCount,
  timelinessDrillQuery,
  type RequestDetailDto,
  type RequestDto,
  type RequestPageDto,
  type TimelinessGroupBy,
  type TimelinessReportDto,
  type UnitDto,
} from '@govdesk/contracts';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every number of the timeliness dashboard opens exactly the requests it counts: requests
 * with known outcomes (on time, late, extended, corrected, consulted, withdrawn, open in each
 * deadline state, unassigned, before the period) in two units, then for every group of every
 * grouping, every month and the totals, each metric's drill-down query (the one the console
 * links to) is followed through GET /api/requests and its length compared with the cell.
 */
describe('timeliness dashboard drill-down', () => {
  let t: TestApp;
  let supervisor: string;
  let water: string;
  let edu: string;
  let units: UnitDto[];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const from = addDays(today, -180);
  const people = {
    person: { type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '37012419900101123X' },
    company: { type: 'commercial_enterprise', name: '平阴某公司', idType: 'unified_social_credit_code', idNumber: '91350100M000100Y43' },
    lawyer: { type: 'legal_service_org', name: '山东某律师事务所', idType: 'unified_social_credit_code', idNumber: '91110000600037341L' },
  };

  async function workingDaysAfter(date: string, days: number): Promise<string> {
    const res = await t.http.get(`/api/calendar/add-working-days?from=${date}&days=${days}`).set(auth(supervisor));
    return res.body.date as string;
  }

  /** Registers as `by` and plays the steps (approvals by the supervisor). */
  async function request(
    by: string,
    unit: string,
    receivedAt: string,
    steps: Record<string, unknown>[],
    extra: { applicant?: object; channel?: string } = {},
  ): Promise<RequestDetailDto> {
    const res = await t.http
      .post('/api/requests')
      .set(auth(by))
      .send({
        channel: extra.channel ?? 'in_person',
        receivedAt,
        unitId: unitId(unit),
        applicant: extra.applicant ?? people.person,
        description: '申请公开城区供水管网改造工程资料',
        form: { medium: 'paper', delivery: 'pickup' },
      });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    let r = res.body as RequestDetailDto;
    for (const step of steps) {
      const token = step['action'] === 'approve_reply' || step['action'] === 'approve_extension' ? supervisor : by;
      const next = await t.http.post(`/api/requests/${r.id}/transitions`).set(auth(token)).send({ ...step, version: r.version });
      if (next.status !== 200) throw new Error(`${String(step['action'])}: ${JSON.stringify(next.body)}`);
      r = next.body as RequestDetailDto;
    }
    return r;
  }

  const reply = (at: string) => [
    { action: 'draft_reply', at, replyType: 'disclosed' },
    { action: 'approve_reply', at },
    { action: 'send_reply', at },
  ];

  async function list(query: Record<string, string>, token = supervisor): Promise<RequestDto[]> {
    const items: RequestDto[] = [];
    let cursor: string | undefined;
    do {
      const res = await t.http
        .get('/api/requests')
        .query({ ...query, limit: 200, ...(cursor ? { cursor } : {}) })
        .set(auth(token));
      if (res.status !== 200) throw new Error(`${JSON.stringify(query)}: ${res.status} ${JSON.stringify(res.body)}`);
      const page = res.body as RequestPageDto;
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  async function timeliness(groupBy: TimelinessGroupBy, token = supervisor): Promise<TimelinessReportDto> {
    const res = await t.http.get('/api/supervision/timeliness').query({ from, to: today, groupBy }).set(auth(token));
    expect(res.status).toBe(200);
    return res.body as TimelinessReportDto;
  }

  /** Each cell's drill-down, listed: [where, metric, cell, rows] for every mismatch. */
  async function mismatches(report: TimelinessReportDto, token = supervisor): Promise<unknown[]> {
    const cells = [
      { where: 'totals', stats: report.totals, cell: {} },
      ...report.groups.map((g) => ({ where: `${report.groupBy}:${g.label}`, stats: g, cell: { key: g.key } })),
      ...report.months.map((m) => ({ where: `month:${m.month}`, stats: m, cell: { month: m.month } })),
    ];
    const wrong: unknown[] = [];
    for (const { where, stats, cell } of cells) {
      for (const metric of TIMELINESS_METRICS) {
        const rows = await list(timelinessDrillQuery(report, cell, metric), token);
        if (rows.length !== timelinessCount(stats, metric)) wrong.push([where, metric, timelinessCount(stats, metric), rows.length]);
      }
    }
    return wrong;
  }

  beforeAll(async () => {
    t = await startTestApp();
    [supervisor, water, edu] = await Promise.all([t.login('supervisor'), t.login('handler.water'), t.login('handler')]);
    units = (await t.http.get('/api/units').set(auth(supervisor))).body as UnitDto[];
    const received = addDays(today, -150);
    const day = (n: number) => workingDaysAfter(received, n);

    // 县水务局, handled by handler.water.
    await request(water, '县水务局', received, [{ action: 'accept', at: await day(1) }, ...reply(await day(10))]);
    await request(water, '县水务局', received, [{ action: 'accept', at: await day(1) }, ...reply(await day(25))], { applicant: people.company, channel: 'online' });
    await request(
      water,
      '县水务局',
      received,
      [{ action: 'accept', at: await day(1) }, { action: 'request_extension', at: await day(15), reason: '涉及多个科室' }, { action: 'approve_extension', at: await day(15) }, ...reply(await day(30))],
      { channel: 'online' },
    );
    await request(water, '县水务局', received, [
      { action: 'request_correction', at: await day(2), items: ['写明所需信息的名称'] },
      { action: 'receive_correction', at: await day(6) },
      { action: 'accept', at: await day(6) },
      ...reply(await day(12)),
    ]);
    await request(
      water,
      '县水务局',
      received,
      [
        { action: 'accept', at: await day(1) },
        { action: 'start_consultation', at: await day(3), party: 'third_party', partyName: '某施工单位' },
        { action: 'end_consultation', at: await day(8) },
        ...reply(await day(18)),
      ],
      { applicant: people.lawyer },
    );
    await request(water, '县水务局', received, [{ action: 'withdraw', at: await day(2) }]);
    // Open: overdue, due soon (found by trying receipt dates), on track, paused.
    await request(water, '县水务局', addDays(today, -60), [{ action: 'accept', at: addDays(today, -59) }]);
    const soon = await workingDaysAfter(today, 2);
    let dueSoonReceived: string | null = null;
    for (let back = 25; back <= 35 && !dueSoonReceived; back++) {
      const due = await workingDaysAfter(addDays(today, -back), 20);
      if (due >= today && due <= soon) dueSoonReceived = addDays(today, -back);
    }
    expect((await request(water, '县水务局', dueSoonReceived!, [])).deadline.state).toBe('due_soon');
    await request(water, '县水务局', today, [], { channel: 'email' });
    await request(water, '县水务局', addDays(today, -10), [{ action: 'request_correction', at: addDays(today, -9), items: ['补充身份证明'] }]);
    // Unassigned: registered and answered late by the supervisor, who is no handler.
    await request(supervisor, '县水务局', received, [{ action: 'accept', at: await day(1) }, ...reply(await day(22))], { applicant: people.company });
    // 县教体局, and a request received before the period.
    await request(edu, '县教体局', addDays(today, -120), [{ action: 'accept', at: addDays(today, -119) }, { action: 'start_consultation', at: addDays(today, -118), party: 'agency' }]);
    await request(edu, '县教体局', addDays(today, -90), [{ action: 'accept', at: addDays(today, -89) }, ...reply(addDays(today, -80))], { channel: 'oral' });
    await request(edu, '县教体局', addDays(from, -3), [{ action: 'accept', at: addDays(from, -2) }, ...reply(addDays(from, 30))]);
  }, 120_000);
  afterAll(() => t.close());

  it('has the outcomes the requests were built with', async () => {
    const report = await timeliness('unit');
    const waterGroup = report.groups.find((g) => g.label === '县水务局')!;
    expect(waterGroup).toMatchObject({
      requests: 11,
      replied: 6,
      repliedLate: 2,
      repliedOnTime: 4,
      extended: 1,
      corrected: 2,
      consulted: 1,
      open: { overdue: 1, due_soon: 1, on_track: 1, paused: 1 },
    });
    expect(report.totals).toMatchObject({ requests: 13, replied: 7, open: { paused: 2 } });
    expect(waterGroup.overdueWorkingDays).toBeGreaterThan(10);
  });

  it.each(TIMELINESS_GROUPS)('opens exactly the requests behind every number, grouped by %s', async (groupBy) => {
    const report = await timeliness(groupBy);
    expect(report.groups.length).toBeGreaterThan(1);
    if (groupBy === 'handler') expect(report.groups.some((g) => g.key === null)).toBe(true);
    expect(await mismatches(report)).toEqual([]);
  }, 60_000);

  it("opens exactly a handler's own numbers within their unit", async () => {
    const report = await timeliness('handler', water);
    expect(report.totals.requests).toBe(11);
    expect(await mismatches(report, water)).toEqual([]);
  }, 60_000);

  it('lists a cell with the deadline and the working days overdue of each request', async () => {
    const report = await timeliness('unit');
    const waterGroup = report.groups.find((g) => g.label === '县水务局')!;
    const overdue = await list(timelinessDrillQuery(report, { key: waterGroup.key }, 'overdue'));
    expect(overdue.map((r) => r.deadline.state)).toEqual(['overdue']);
    expect(-overdue[0]!.deadline.workingDaysLeft).toBe(waterGroup.overdueWorkingDays);
    const late = await list(timelinessDrillQuery(report, { key: waterGroup.key }, 'late'));
    expect(late.map((r) => r.deadline.concludedOnTime)).toEqual([false, false]);
    const unassigned = await list({ ...timelinessDrillQuery(report, { key: waterGroup.key }, 'late'), handlerId: 'none' });
    expect(unassigned.map((r) => r.handlerId)).toEqual([null]);
  });

  it('refuses unknown drill-down values', async () => {
    for (const query of ['timeliness=soon', 'deadlineState=stopped', 'extended=yes', 'handlerId=nobody']) {
      expect((await t.http.get(`/api/requests?${query}`).set(auth(supervisor))).status).toBe(400);
    }
  });
});
