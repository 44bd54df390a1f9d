import {
  chinaDateOf,
  PART3_COLUMNS,
  PART3_ROWS,
  timelinessRecordOf,
  timelinessStats,
  WorkingDayCalendar,
  type ClockEvent,
  type TimelinessRecord,
} from '@govdesk/domain';
import {
  TIMELINESS_GROUPS,
  type AnnualReportDrillDownDto,
  type AnnualReportDto,
  type RequestDetailDto,
  type TimelinessGroupBy,
  type TimelinessReportDto,
  type UnitDto,
} from '@govdesk/contracts';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The dashboard counts concluded requests in SQL from stored columns and open ones live; the
 * annual report counts classes of requests. Both must answer exactly what the domain's rules
 * give request by request: here against a reference computed one request at a time (as the
 * services did before), including a reply made late by a later calendar correction and a
 * request of a year with no holiday calendar.
 */
describe('timeliness figures and annual report against the request-by-request computation', () => {
  let t: TestApp;
  let supervisor: string;
  let water: string;
  let admin: string;
  let units: UnitDto[];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const today = chinaDateOf(new Date());

  async function workingDaysAfter(date: string, days: number): Promise<string> {
    return (await t.http.get(`/api/calendar/add-working-days?from=${date}&days=${days}`).set(auth(supervisor))).body.date as string;
  }

  async function request(by: string, unit: string, receivedAt: string, steps: Record<string, unknown>[], applicantType = 'natural_person'): Promise<RequestDetailDto> {
    const applicant =
      applicantType === 'natural_person'
        ? { type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '37012419900101123X' }
        : { type: applicantType, name: '平阴某单位', idType: 'unified_social_credit_code', idNumber: '91350100M000100Y43' };
    const res = await t.http
      .post('/api/requests')
      .set(auth(by))
      .send({ channel: 'in_person', receivedAt, unitId: unitId(unit), applicant, description: '申请公开城区供水管网改造工程资料', form: { medium: 'paper', delivery: 'pickup' } });
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

  const reply = (at: string, replyType = 'disclosed', reasonCode?: string) => [
    { action: 'accept', at },
    { action: 'draft_reply', at, replyType, ...(reasonCode ? { reasonCode } : {}) },
    { action: 'approve_reply', at },
    { action: 'send_reply', at },
  ];

  /** The dashboard as it was defined: every request's record, computed one by one. */
  async function reference(from: string, to: string, groupBy: TimelinessGroupBy): Promise<TimelinessReportDto> {
    const calendar = new WorkingDayCalendar(await t.sql<{ year: number; holidays: string[]; workdays: string[] }>(`SELECT year, holidays, workdays FROM calendar_years`));
    const rows = await t.sql<{
      received_on: string;
      concluded_on: string | null;
      outcome: string | null;
      extension: 'none' | 'requested' | 'approved';
      clock_events: ClockEvent[];
      unit_id: string;
      unit_name: string;
      handler_id: string | null;
      handler_name: string | null;
      channel: string;
      applicant_type: string;
    }>(
      `SELECT r.received_on::text, r.concluded_on::text, r.outcome, r.extension, r.clock_events, r.unit_id::text, u.name AS unit_name,
              r.handler_id::text, h.display_name AS handler_name, r.channel, r.applicant_type
         FROM disclosure_requests r JOIN units u ON u.id = r.unit_id LEFT JOIN users h ON h.id = r.handler_id
        WHERE r.received_on BETWEEN $1 AND $2`,
      [from, to],
    );
    const missing = new Set<number>();
    const byKey = new Map<string | null, { label: string; records: TimelinessRecord[] }>();
    const byMonth = new Map<string, TimelinessRecord[]>();
    const all: TimelinessRecord[] = [];
    for (const r of rows) {
      const { record, missingYears } = timelinessRecordOf(
        { receivedOn: r.received_on, concludedOn: r.concluded_on, outcome: r.outcome, extension: r.extension, clockEvents: r.clock_events },
        calendar,
        today,
      );
      missingYears.forEach((y) => missing.add(y));
      const [key, label] =
        groupBy === 'unit' ? [r.unit_id, r.unit_name] : groupBy === 'handler' ? [r.handler_id, r.handler_name ?? '未分配'] : groupBy === 'channel' ? [r.channel, r.channel] : [r.applicant_type, r.applicant_type];
      const g = byKey.get(key) ?? { label, records: [] };
      g.records.push(record);
      byKey.set(key, g);
      byMonth.set(r.received_on.slice(0, 7), [...(byMonth.get(r.received_on.slice(0, 7)) ?? []), record]);
      all.push(record);
    }
    return {
      from,
      to,
      groupBy,
      totals: timelinessStats(all),
      groups: [...byKey.entries()].map(([key, g]) => ({ key, label: g.label, ...timelinessStats(g.records) })),
      months: [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, records]) => ({ month, ...timelinessStats(records) })),
      missingYears: [...missing].sort(),
    };
  }

  const byKey = (a: { key: string | null }, b: { key: string | null }) => String(a.key).localeCompare(String(b.key));

  async function expectSameAsReference(from: string, to: string) {
    for (const groupBy of TIMELINESS_GROUPS) {
      const res = await t.http.get('/api/supervision/timeliness').query({ from, to, groupBy }).set(auth(supervisor));
      expect(res.status).toBe(200);
      const got = res.body as TimelinessReportDto;
      const want = await reference(from, to, groupBy);
      // Same numbers, key for key and in the same field order; groups in the dashboard's order.
      expect(JSON.stringify({ ...got, groups: [...got.groups].sort(byKey) })).toBe(JSON.stringify({ ...want, groups: [...want.groups].sort(byKey) }));
      const order = got.groups.map((g) => [g.onTimeRate ?? 2, -g.open.overdue]);
      expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    }
  }

  let lateAfterCorrection: RequestDetailDto;
  beforeAll(async () => {
    t = await startTestApp();
    await t.sql(`DELETE FROM calendar_years WHERE year = 2024`);
    [supervisor, water, admin] = await Promise.all([t.login('supervisor'), t.login('handler.water'), t.login('admin')]);
    units = (await t.http.get('/api/units').set(auth(supervisor))).body as UnitDto[];

    // 2025: replied on time, late, after a correction, a consultation and an extension; closed without reply; refusals.
    const received = '2025-09-01';
    const day = (n: number) => workingDaysAfter(received, n);
    await request(water, '县水务局', received, reply(await day(8)));
    await request(water, '县水务局', received, reply(await day(24), 'not_disclosed', 'third_party_rights'), 'commercial_enterprise');
    await request(water, '县水务局', received, [
      { action: 'request_correction', at: await day(2), items: ['写明所需信息的名称'] },
      { action: 'receive_correction', at: await day(5) },
      ...reply(await day(23), 'cannot_provide', 'not_held'),
    ]);
    await request(water, '县水务局', received, [
      { action: 'accept', at: await day(1) },
      { action: 'start_consultation', at: await day(3), party: 'third_party', partyName: '某施工单位' },
      { action: 'end_consultation', at: await day(9) },
      { action: 'request_extension', at: await day(18), reason: '涉及多个科室' },
      { action: 'approve_extension', at: await day(18) },
      { action: 'draft_reply', at: await day(40), replyType: 'partially_disclosed' },
      { action: 'approve_reply', at: await day(40) },
      { action: 'send_reply', at: await day(40) },
    ]);
    await request(water, '县水务局', received, [{ action: 'withdraw', at: await day(3) }], 'legal_service_org');
    await request(water, '县水务局', received, [{ action: 'request_correction', at: await day(1), items: ['补充身份证明'] }, { action: 'abandon', at: await day(30), reasonCode: 'no_correction' }]);
    await request(supervisor, '县教体局', '2025-12-15', reply('2026-01-20', 'disclosed'));
    await request(supervisor, '县教体局', '2025-12-22', []);
    // Replied on its due date; a make-up working day added later moves the due date a day earlier: late.
    const nov = '2025-11-03';
    const due = await workingDaysAfter(nov, 20);
    lateAfterCorrection = await request(water, '县水务局', nov, reply(due));
    expect(lateAfterCorrection.deadline.concludedOnTime).toBe(true);
    // A year with no holiday calendar (removed before anything was computed): provisional figures.
    await request(water, '县水务局', '2024-06-03', reply('2024-06-20'));
    // Open this year, in several states.
    await request(water, '县水务局', today, []);
    const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 45 * 86_400_000).toISOString().slice(0, 10);
    await request(water, '县水务局', monthAgo, [{ action: 'accept', at: monthAgo }]);
    await request(water, '县水务局', monthAgo, [{ action: 'accept', at: monthAgo }, { action: 'start_consultation', at: monthAgo, party: 'agency' }]);
  }, 120_000);
  afterAll(() => t.close());

  it('counts the dashboard exactly as request by request, for every grouping', async () => {
    await expectSameAsReference('2025-01-01', today);
    await expectSameAsReference('2024-01-01', today);
    const withProvisional = (await t.http.get('/api/supervision/timeliness').query({ from: '2024-01-01', to: today }).set(auth(supervisor))).body as TimelinessReportDto;
    expect(withProvisional.missingYears).toEqual([2024]);
    expect(withProvisional.totals.provisional).toBe(true);
  }, 60_000);

  it('follows a calendar correction into concluded requests: the dashboard, the list and the reference agree', async () => {
    const year = (await t.http.get('/api/calendar/years/2025').set(auth(admin))).body as { holidays: string[]; workdays: string[] };
    const put = await t.http
      .put('/api/calendar/years/2025')
      .set(auth(admin))
      .send({ holidays: year.holidays, workdays: [...year.workdays, '2025-11-15'].sort(), source: 'test correction' });
    expect(put.status).toBe(200);
    const after = (await t.http.get(`/api/requests/${lateAfterCorrection.id}`).set(auth(supervisor))).body as RequestDetailDto;
    expect(after.deadline.concludedOnTime).toBe(false);
    expect(after.dueDate < lateAfterCorrection.dueDate).toBe(true);
    const late = await t.http.get('/api/requests').query({ timeliness: 'late', receivedFrom: '2025-11-03', receivedTo: '2025-11-03' }).set(auth(supervisor));
    expect(late.body.items.map((r: { id: string }) => r.id)).toEqual([lateAfterCorrection.id]);
    await expectSameAsReference('2025-01-01', today);
  }, 60_000);

  it('opens exactly the requests behind every cell of part three', async () => {
    for (const year of [2025, 2026]) {
      const report = (await t.http.get(`/api/reports/annual?year=${year}`).set(auth(supervisor)).expect(200)).body as AnnualReportDto;
      expect(report.part3.balance.ok).toBe(true);
      for (const [i, row] of PART3_ROWS.entries()) {
        for (const [j, column] of PART3_COLUMNS.entries()) {
          const items = (await t.http.get('/api/reports/annual/requests').query({ year, row: row.label, column }).set(auth(supervisor)).expect(200)).body as AnnualReportDrillDownDto[];
          expect([year, row.label, column, items.length]).toEqual([year, row.label, column, report.part3.rows[i]!.values[j]]);
        }
      }
    }
  }, 60_000);
});
