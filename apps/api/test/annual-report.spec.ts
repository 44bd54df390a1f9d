import ExcelJS from 'exceljs';
import type { AnnualReportDrillDownDto, AnnualReportDto, RequestDetailDto, UnitDto } from '@govdesk/contracts';
import { binaryBody, startTestApp, type TestApp } from './support/test-app';

/** A unit's 2025 built through the API, then its annual report checked cell by cell. */
describe('annual report through the API', () => {
  let t: TestApp;
  let water: string;
  let supervisor: string;
  let waterId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const people = { natural: { type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '37012419900101123X' } };

  async function request(applicant: object, receivedAt: string, steps: Record<string, unknown>[]): Promise<RequestDetailDto> {
    const res = await t.http.post('/api/requests').set(auth(water)).send({ channel: 'in_person', receivedAt, unitId: waterId, applicant, description: '申请公开浪溪河下游治理工程资料', form: { medium: 'paper', delivery: 'pickup' } });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    let r = res.body as RequestDetailDto;
    for (const step of steps) {
      const token = step['action'] === 'approve_reply' ? supervisor : water;
      const next = await t.http.post(`/api/requests/${r.id}/transitions`).set(auth(token)).send({ ...step, version: r.version });
      if (next.status !== 200) throw new Error(`${String(step['action'])}: ${JSON.stringify(next.body)}`);
      r = next.body as RequestDetailDto;
    }
    return r;
  }
  const replied = (replyType: string, d: string, extra: Record<string, unknown> = {}) => [
    { action: 'accept', at: d },
    { action: 'draft_reply', at: d, replyType, ...extra },
    { action: 'approve_reply', at: d },
    { action: 'send_reply', at: d },
  ];

  let report: AnnualReportDto;
  beforeAll(async () => {
    t = await startTestApp();
    [water, supervisor] = await Promise.all([t.login('handler.water'), t.login('supervisor')]);
    waterId = ((await t.http.get('/api/units').set(auth(water))).body as UnitDto[]).find((u) => u.name === '县水务局')!.id;
    const r1 = await request(people.natural, '2025-03-03', replied('disclosed', '2025-03-12'));
    const r2 = await request({ type: 'commercial_enterprise', name: '平阴某公司', idType: 'unified_social_credit_code', idNumber: '91350100M000100Y43' }, '2025-04-01', replied('not_disclosed', '2025-04-20', { reasonCode: 'third_party_rights' }));
    await request(people.natural, '2025-12-22', []);
    await request(people.natural, '2024-12-20', [{ action: 'accept', at: '2024-12-23' }, ...replied('already_public', '2025-01-06').slice(1)]);
    await request(people.natural, '2025-05-06', [{ action: 'request_correction', at: '2025-05-07', items: ['写明文号'] }, { action: 'abandon', at: '2025-06-10', reasonCode: 'no_correction' }]);
    await request({ type: 'legal_service_org', name: '山东某律师事务所', idType: 'unified_social_credit_code', idNumber: '91110000600037341L' }, '2025-06-02', [{ action: 'withdraw', at: '2025-06-03' }]);
    await t.http.post(`/api/requests/${r2.id}/reviews`).set(auth(water)).send({ kind: 'reconsideration', filedOn: '2025-05-01', decidedOn: '2025-06-15', outcome: 'upheld' }).expect(201);
    await t.http.post(`/api/requests/${r1.id}/reviews`).set(auth(water)).send({ kind: 'litigation_direct', filedOn: '2025-09-01' }).expect(201);
    report = (await t.http.get(`/api/reports/annual?year=2025&unitId=${waterId}`).set(auth(supervisor)).expect(200)).body as AnnualReportDto;
  });
  afterAll(() => t.close());

  const row = (label: string) => report.part3.rows.find((r) => r.label === label)!.values;

  it('answers the fixed shape with verbatim labels', () => {
    expect(report).toMatchObject({ year: 2025, unitId: waterId, unitName: '县水务局' });
    expect(report.part3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(report.part3.rows).toHaveLength(30);
    expect(report.part3.rows[8]!.label).toBe('3.危及“三安全一稳定”');
  });

  it('counts every non-zero cell of part three, and the rest are zero', () => {
    const expected: Record<string, number[]> = {
      '一、本年新收政府信息公开申请数量': [3, 1, 0, 0, 1, 0, 5],
      '二、上年结转政府信息公开申请数量': [1, 0, 0, 0, 0, 0, 1],
      '三、本年度办理结果': [3, 1, 0, 0, 1, 0, 5],
      '（一）予以公开': [2, 0, 0, 0, 0, 0, 2],
      '（三）不予公开': [0, 1, 0, 0, 0, 0, 1],
      '4.保护第三方合法权益': [0, 1, 0, 0, 0, 0, 1],
      '（六）其他处理': [1, 0, 0, 0, 1, 0, 2],
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [1, 0, 0, 0, 0, 0, 1],
      '3.其他': [0, 0, 0, 0, 1, 0, 1],
      '（七）总计': [3, 1, 0, 0, 1, 0, 5],
      '四、结转下年度继续办理': [1, 0, 0, 0, 0, 0, 1],
    };
    for (const r of report.part3.rows) expect([r.label, r.values]).toEqual([r.label, expected[r.label] ?? [0, 0, 0, 0, 0, 0, 0]]);
    expect(row('（七）总计')).toEqual([3, 1, 0, 0, 1, 0, 5]);
    expect(report.part3.balance.ok).toBe(true);
  });

  it('counts part four from the review records', () => {
    expect(report.part4.rows[0]!.values).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('exports an .xlsx laid out like the template that parses back to the same numbers', async () => {
    const res = await t.http.get(`/api/reports/annual/export?year=2025&unitId=${waterId}&format=xlsx`).set(auth(supervisor)).buffer(true).parse(binaryBody);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    const p3 = wb.worksheets[0]!;
    expect(p3.getCell('B2').value).toBe('申请人情况');
    expect(p3.getCell('C3').value).toBe('法人或其他组织');
    expect(p3.getCell('D3').isMerged).toBe(true);
    report.part3.rows.forEach((r, i) => {
      const xl = p3.getRow(5 + i);
      expect(xl.getCell(1).value).toBe(r.label);
      expect([2, 3, 4, 5, 6, 7, 8].map((c) => xl.getCell(c).value)).toEqual(r.values);
    });
    const p4 = wb.worksheets[1]!;
    expect(Array.from({ length: 15 }, (_, i) => p4.getRow(5).getCell(1 + i).value)).toEqual(report.part4.rows[0]!.values);
  });

  it('exports CSV with the same rows', async () => {
    const res = await t.http.get(`/api/reports/annual/export?year=2025&unitId=${waterId}&format=csv`).set(auth(supervisor));
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.text).toContain('"一、本年新收政府信息公开申请数量",3,1,0,0,1,0,5');
  });

  it('opens the requests behind a number', async () => {
    const res = await t.http.get('/api/reports/annual/requests').query({ year: 2025, unitId: waterId, row: '（一）予以公开' }).set(auth(supervisor));
    expect(res.body.map((r: { receivedOn: string }) => r.receivedOn)).toEqual(['2024-12-20', '2025-03-03']);
  });

  it('opens the requests behind every cell of part four, one per review record', async () => {
    const drill = async (column: string) =>
      (await t.http.get('/api/reports/annual/requests').query({ year: 2025, unitId: waterId, row: report.part4.rows[0]!.label, column }).set(auth(supervisor)).expect(200))
        .body as AnnualReportDrillDownDto[];
    const counts = await Promise.all(report.part4.columns.map(async (c) => (await drill(c)).length));
    expect(counts).toEqual(report.part4.rows[0]!.values);
    const upheld = await drill('行政复议：结果维持');
    expect(upheld).toEqual([
      expect.objectContaining({ receivedOn: '2025-04-01', applicantType: 'commercial_enterprise', review: expect.objectContaining({ kind: 'reconsideration', filedOn: '2025-05-01', outcome: 'upheld' }) }),
    ]);
    const pending = await drill('行政诉讼（未经复议直接起诉）：总计');
    expect(pending.map((i) => [i.receivedOn, i.review?.kind, i.review?.decidedOn])).toEqual([['2025-03-03', 'litigation_direct', null]]);
    // Another year counts neither record: 2024's report has no part-four requests.
    const before = await t.http.get('/api/reports/annual/requests').query({ year: 2024, unitId: waterId, row: report.part4.rows[0]!.label, column: '行政复议：总计' }).set(auth(supervisor));
    expect(before.body).toEqual([]);
  });

  it('gives a handler their own unit only', async () => {
    const edu = await t.login('handler');
    expect((await t.http.get(`/api/reports/annual?year=2025&unitId=${waterId}`).set(auth(edu))).status).toBe(404);
    expect((await t.http.get(`/api/reports/annual?year=2025&unitId=${waterId}`).set(auth(water))).status).toBe(200);
    expect((await t.http.get('/api/reports/annual?year=2025').set(auth(supervisor))).body.unitName).toBe('全县');
  });

  it('reports reply timeliness by unit, with rates, working days and open requests by state', async () => {
    const res = await t.http.get('/api/supervision/timeliness?from=2025-01-01&to=2025-12-31&groupBy=unit').set(auth(supervisor));
    expect(res.status).toBe(200);
    const group = res.body.groups.find((g: { label: string }) => g.label === '县水务局');
    expect(group).toMatchObject({ requests: 5, replied: 2, repliedOnTime: 2, repliedLate: 0, onTimeRate: 1, corrected: 1, correctionRate: 0.2, open: { overdue: 1 } });
    expect(group.meanWorkingDays).toBeGreaterThan(6);
    expect(group.p90WorkingDays).toBeGreaterThanOrEqual(group.meanWorkingDays);
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-12']);
    const bad = await t.http.get('/api/supervision/timeliness?from=2025-12-31&to=2025-01-01').set(auth(supervisor));
    expect(bad.status).toBe(400);
  });
});
