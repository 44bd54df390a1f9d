import ExcelJS from 'exceljs';
import type { RegisteredRequestDto, RequestDetailDto, RequestPageDto, UnitDto } from '@govdesk/contracts';
import { binaryBody, sqlClient, startTestApp, type TestApp } from './support/test-app';

/** A valid resident identity number (check digit X) and a valid unified social credit code. */
const PERSON_ID = '37012419900101123X';
const ORG_CODE = '91350100M000100Y43';

describe('disclosure requests through the API (real PostgreSQL)', () => {
  let t: TestApp;
  let handler: string;
  let supervisor: string;
  let waterHandler: string;
  let admin: string;
  let units: UnitDto[];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;

  const registerBody = (overrides: Record<string, unknown> = {}) => ({
    channel: 'in_person',
    receivedAt: '2026-03-02',
    unitId: unitId('县教体局'),
    applicant: { type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: PERSON_ID, phone: '13812345678', address: '平阴县榆山街道青龙路88号' },
    description: '申请公开2026年城区义务教育学校招生划片范围及依据文件',
    form: { medium: 'electronic', delivery: 'email' },
    ...overrides,
  });

  async function register(token = handler, overrides: Record<string, unknown> = {}): Promise<RegisteredRequestDto> {
    const res = await t.http.post('/api/requests').set(auth(token)).send(registerBody(overrides));
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as RegisteredRequestDto;
  }

  async function act(id: string, version: number, body: Record<string, unknown>, token = handler) {
    return t.http.post(`/api/requests/${id}/transitions`).set(auth(token)).send({ version, ...body });
  }

  async function addWorkingDays(from: string, days: number): Promise<string> {
    const res = await t.http.get(`/api/calendar/add-working-days?from=${from}&days=${days}`).set(auth(handler));
    return res.body.date as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    [handler, supervisor, waterHandler, admin] = await Promise.all([t.login('handler'), t.login('supervisor'), t.login('handler.water'), t.login('admin')]);
    units = (await t.http.get('/api/units').set(auth(handler))).body as UnitDto[];
  });
  afterAll(() => t.close());

  describe('registering', () => {
    it('answers 201 with a receipt number, a query code and the statutory deadline', async () => {
      const r = await register();
      expect(r.receiptNo).toMatch(/^YSQ-2026-\d{5}$/);
      expect(r.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      expect(r).toMatchObject({ status: 'registered', receivedOn: '2026-03-02', dueDate: '2026-03-30', version: 1 });
      expect(r.deadline).toMatchObject({ dueDate: '2026-03-30', provisional: false, correctionNoticeDue: '2026-03-11' });
      expect(r.deadline.explanation[0]!.zh).toContain('2026-03-02 收到申请');
      expect(r.availableActions).toEqual(['start_review', 'accept', 'request_correction', 'withdraw']);
      expect(r.timeline.map((e) => e.action)).toEqual(['register']);
    });

    it('numbers receipts in sequence', async () => {
      const a = await register();
      const b = await register();
      expect(Number(b.receiptNo.slice(-5))).toBe(Number(a.receiptNo.slice(-5)) + 1);
    });

    it('finds a request by its receipt number, whole or its beginning, in any case, and by words of its text', async () => {
      const a = await register(handler, { description: '申请公开青石板路改造工程的竣工验收报告' });
      const b = await register();
      const ids = async (q: string) => ((await t.http.get(`/api/requests?limit=200&q=${encodeURIComponent(q)}`).set(auth(handler))).body.items as { id: string }[]).map((i) => i.id);
      expect(await ids(a.receiptNo)).toEqual([a.id]);
      expect(await ids(` ${b.receiptNo.toLowerCase()} `)).toEqual([b.id]);
      const prefix = await ids(a.receiptNo.slice(0, -1));
      expect(prefix).toContain(a.id);
      expect(prefix.every(Boolean)).toBe(true);
      const year = await ids(a.receiptNo.slice(0, 8)); // YSQ-2026
      expect(year).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(await ids('YSQ-1999')).toEqual([]);
      // Not a receipt number: searched in the text.
      expect(await ids('青石板路')).toEqual([a.id]);
    });

    it('masks personal data in the answer, the list and the detail', async () => {
      const r = await register();
      expect(r.applicant).toMatchObject({ idNumber: '3701**********123X', phone: '138****5678', address: '平阴县榆山街****', masked: true });
      const detail = await t.http.get(`/api/requests/${r.id}`).set(auth(handler));
      expect(JSON.stringify(detail.body)).not.toContain(PERSON_ID);
      const list = await t.http.get(`/api/requests?q=${encodeURIComponent(r.receiptNo)}`).set(auth(handler));
      expect(list.body.items).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain('13812345678');
    });

    it('reveals personal data on request, and audits every reveal', async () => {
      const r = await register();
      const revealed = await t.http.post(`/api/requests/${r.id}/reveal`).set(auth(handler));
      expect(revealed.status).toBe(200);
      expect(revealed.body.applicant).toMatchObject({ idNumber: PERSON_ID, phone: '13812345678', masked: false });
      const audit = await t.http.get(`/api/audit?entityType=disclosure_request&entityId=${r.id}`).set(auth(supervisor));
      expect(audit.body.map((e: { action: string }) => e.action)).toContain('request.reveal_personal_data');
      expect(JSON.stringify(audit.body)).not.toContain(PERSON_ID);
    });

    it('refuses an invalid identity number with 400 naming the field, and stores nothing', async () => {
      const before = await t.http.get('/api/requests?limit=200').set(auth(handler));
      const res = await t.http
        .post('/api/requests')
        .set(auth(handler))
        .send(registerBody({ applicant: { type: 'natural_person', name: '李四', idType: 'resident_id', idNumber: '370124199001011238' } }));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'applicant.idNumber', message: 'invalid resident_id: check digit does not match' }]);
      const after = await t.http.get('/api/requests?limit=200').set(auth(handler));
      expect(after.body.items.length).toBe(before.body.items.length);
    });

    it('takes organisations with a unified social credit code only', async () => {
      const org = await register(handler, { applicant: { type: 'commercial_enterprise', name: '平阴某置业有限公司', idType: 'unified_social_credit_code', idNumber: ORG_CODE } });
      expect(org.applicant.type).toBe('commercial_enterprise');
      const wrong = await t.http
        .post('/api/requests')
        .set(auth(handler))
        .send(registerBody({ applicant: { type: 'commercial_enterprise', name: '某公司', idType: 'resident_id', idNumber: PERSON_ID } }));
      expect(wrong.status).toBe(400);
      expect(wrong.body.details[0].field).toBe('applicant.idType');
    });

    it('refuses a date of receipt in the future (422) and another unit for a handler (403)', async () => {
      const future = await t.http.post('/api/requests').set(auth(handler)).send(registerBody({ receivedAt: '2099-01-04' }));
      expect(future.status).toBe(422);
      expect(future.body.code).toBe('REQUEST_EVENT_DATE');
      const other = await t.http.post('/api/requests').set(auth(handler)).send(registerBody({ unitId: unitId('县水务局') }));
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('REQUEST_OTHER_UNIT');
      const bySupervisor = await t.http.post('/api/requests').set(auth(supervisor)).send(registerBody({ unitId: unitId('县水务局') }));
      expect(bySupervisor.status).toBe(201);
    });

    it('keeps monitors out', async () => {
      const monitor = await t.login('monitor');
      expect((await t.http.get('/api/requests').set(auth(monitor))).status).toBe(403);
      expect((await t.http.post('/api/requests').set(auth(monitor)).send(registerBody())).status).toBe(403);
    });
  });

  describe('the lifecycle: correction, consultation, extension, reply, archive', () => {
    it('follows every clock rule and records each step', async () => {
      let r: RequestDetailDto = await register();
      const step = async (body: Record<string, unknown>, token = handler, status = 200) => {
        const res = await act(r.id, r.version, body, token);
        if (res.status !== status) throw new Error(`${String(body['action'])}: ${res.status} ${JSON.stringify(res.body)}`);
        if (status === 200) r = res.body as RequestDetailDto;
        return res;
      };

      await step({ action: 'start_review', at: '2026-03-03' });
      expect(r.status).toBe('reviewing');
      await step({ action: 'request_correction', at: '2026-03-04', items: ['请写明所需文件的名称或文号'] });
      expect(r).toMatchObject({ status: 'awaiting_correction', deadline: { state: 'paused', applicantCorrectionDue: '2026-03-25' } });
      await step({ action: 'receive_correction', at: '2026-03-16' });
      // 20 working days afresh from the corrected application, across Qingming (4–6 April 2026).
      expect(r).toMatchObject({ status: 'reviewing', dueDate: '2026-04-14' });
      await step({ action: 'accept', at: '2026-03-17' });
      expect(r.status).toBe('handling');
      expect(r.handlerName).toBe('李经办（县教体局）');
      await step({ action: 'start_consultation', at: '2026-03-20', party: 'third_party', partyName: '平阴某置业有限公司' });
      expect(r.status).toBe('consulting');
      await step({ action: 'end_consultation', at: '2026-03-27', opinion: '不同意公开其商业信息' });
      // 23–27 March: 5 working days not counted.
      expect(r.dueDate).toBe('2026-04-21');
      await step({ action: 'request_extension', at: '2026-04-01', reason: '涉及多个年度档案，需调档核实' });
      expect(r.extension).toBe('requested');
      await step({ action: 'approve_extension', at: '2026-04-01' }, handler, 403);
      await step({ action: 'approve_extension', at: '2026-04-02' }, supervisor);
      expect(r.dueDate).toBe(await addWorkingDays('2026-04-21', 20));
      expect(r.deadline.explanation.map((s) => s.kind)).toEqual([
        'received',
        'correction_requested',
        'correction_received',
        'consultation_started',
        'consultation_ended',
        'extension_approved',
      ]);
      await step({ action: 'request_extension', at: '2026-04-03', reason: '再次延期' }, handler, 422);

      const refusal = await step({ action: 'draft_reply', at: '2026-04-10', replyType: 'partially_disclosed', legalBasis: '' }, handler, 422);
      expect(refusal.body.code).toBe('REQUEST_REQUIREMENT');
      const noReason = await step({ action: 'draft_reply', at: '2026-04-10', replyType: 'not_disclosed' }, handler, 422);
      expect(noReason.body.message).toContain('reasonCode');
      await step({ action: 'draft_reply', at: '2026-04-10', replyType: 'partially_disclosed', body: '现将可公开部分提供如下……' });
      expect(r.reply).toMatchObject({ replyType: 'partially_disclosed', legalBasis: '《中华人民共和国政府信息公开条例》第三十七条', approvedBy: null });
      const early = await step({ action: 'send_reply', at: '2026-04-13' }, handler, 422);
      expect(early.body.messageZh).toContain('签发');
      await step({ action: 'approve_reply', at: '2026-04-13' }, supervisor);
      expect(r.reply?.approvedBy).toBe('王督办（县政府办公室）');
      await step({ action: 'send_reply', at: '2026-04-14' });
      expect(r).toMatchObject({ status: 'replied', deadline: { state: 'stopped', concludedOnTime: true } });
      expect(r.reply?.sentOn).toBe('2026-04-14');
      await step({ action: 'archive' });
      expect(r.status).toBe('archived');
      expect(r.availableActions).toEqual([]);
      expect(r.timeline.map((e) => e.action)).toEqual([
        'register',
        'start_review',
        'request_correction',
        'receive_correction',
        'accept',
        'start_consultation',
        'end_consultation',
        'request_extension',
        'approve_extension',
        'draft_reply',
        'approve_reply',
        'send_reply',
        'archive',
      ]);

      const audit = await t.http.get(`/api/audit?entityType=disclosure_request&entityId=${r.id}&limit=50`).set(auth(supervisor));
      expect(audit.body).toHaveLength(13);
      expect(audit.body[0]).toMatchObject({ action: 'request.archive', before: { status: 'replied' }, after: { status: 'archived' } });
    });

    it('answers straight from review for a request that is not this agency\'s', async () => {
      const r = await register();
      const reviewing = (await act(r.id, 1, { action: 'start_review' })).body as RequestDetailDto;
      const drafted = await act(r.id, reviewing.version, { action: 'draft_reply', replyType: 'not_this_agency', body: '请向县自然资源局申请' });
      expect(drafted.status).toBe(200);
      expect(drafted.body.reply.legalBasis).toContain('第三十六条第（五）项');
      const tooEarly = await act(r.id, drafted.body.version, { action: 'draft_reply', replyType: 'disclosed' });
      expect(tooEarly.status).toBe(200); // a redraft from reply_drafted may change the type
    });

    it('stops the clock for a fee until payment, and lets a supervisor set a reasonable period (Art. 35)', async () => {
      let r: RequestDetailDto = await register();
      const step = async (body: Record<string, unknown>, token = handler, status = 200) => {
        const res = await act(r.id, r.version, body, token);
        if (res.status !== status) throw new Error(`${String(body['action'])}: ${res.status} ${JSON.stringify(res.body)}`);
        if (status === 200) r = res.body as RequestDetailDto;
        return res;
      };
      await step({ action: 'accept', at: '2026-03-03' });
      await step({ action: 'notify_fee', at: '2026-03-10', amount: 100, reason: '申请数量明显超过合理范围' });
      expect(r.deadline).toMatchObject({ state: 'paused', feeDue: '2026-04-08' });
      expect(r.availableActions).toEqual(expect.arrayContaining(['receive_fee', 'abandon']));
      await step({ action: 'draft_reply', at: '2026-03-11', replyType: 'disclosed' }, handler, 422);
      const overdueIds = async () => ((await t.http.get('/api/requests?overdue=true&limit=200').set(auth(handler))).body as RequestPageDto).items.map((i) => i.id);
      // Waiting for the fee, the clock is stopped: not overdue although the stored due date has passed.
      expect(await overdueIds()).not.toContain(r.id);
      await step({ action: 'receive_fee', at: '2026-03-17' });
      expect(await overdueIds()).toContain(r.id);
      expect(r).toMatchObject({ dueDate: '2026-04-07', deadline: { feeDue: null } });
      await step({ action: 'set_reply_period', at: '2026-03-18', dueDate: '2026-05-29', reason: '数量大' }, handler, 403);
      const early = await step({ action: 'set_reply_period', at: '2026-03-18', dueDate: '2026-04-01', reason: '数量大' }, supervisor, 422);
      expect(early.body.messageZh).toContain('须晚于当前答复期限 2026-04-07');
      await step({ action: 'set_reply_period', at: '2026-03-18', dueDate: '2026-05-29', reason: '申请数量明显超过合理范围' }, supervisor);
      expect(r.dueDate).toBe('2026-05-29');
      expect(r.deadline.explanation.at(-1)!.zh).toContain('第三十五条');
    });

    it('closes as abandoned when a fee is not paid', async () => {
      const r = await register();
      const accepted = (await act(r.id, 1, { action: 'accept', at: '2026-03-03' })).body as RequestDetailDto;
      const notified = (await act(r.id, accepted.version, { action: 'notify_fee', at: '2026-03-04', amount: 50, reason: '超量' })).body as RequestDetailDto;
      const closed = await act(r.id, notified.version, { action: 'abandon', reasonCode: 'fee_unpaid', at: '2026-04-02' });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('abandoned');
    });

    it('closes as abandoned when no correction arrives', async () => {
      const r = await register();
      const waiting = (await act(r.id, 1, { action: 'request_correction', items: ['补充身份证明'], at: '2026-03-03' })).body as RequestDetailDto;
      const closed = await act(r.id, waiting.version, { action: 'abandon', reasonCode: 'no_correction', at: '2026-03-30' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'abandoned', deadline: { state: 'stopped' } });
    });
  });

  describe('bad transitions change nothing', () => {
    it('refuses an unknown action (400), a stale version (409) and a transition not allowed now (409)', async () => {
      const r = await register();
      const unknown = await act(r.id, 1, { action: 'approve_everything' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('action must be one of: start_review, accept');
      const stale = await act(r.id, 7, { action: 'start_review' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('REQUEST_VERSION_CONFLICT');
      const wrong = await act(r.id, 1, { action: 'send_reply' });
      expect(wrong.status).toBe(409);
      expect(wrong.body.message).toBe('"send_reply" is not allowed while the request is registered; allowed now: start_review, accept, request_correction, withdraw.');
      const after = await t.http.get(`/api/requests/${r.id}`).set(auth(handler));
      expect(after.body).toMatchObject({ status: 'registered', version: 1 });
      expect(after.body.timeline).toHaveLength(1);
    });

    it('refuses event dates in the future or before the previous event (422)', async () => {
      const r = await register();
      const future = await act(r.id, 1, { action: 'start_review', at: '2099-01-05' });
      expect(future.status).toBe(422);
      const early = await act(r.id, 1, { action: 'start_review', at: '2026-02-27' });
      expect(early.status).toBe(422);
      expect(early.body.message).toContain('before the previous event (2026-03-02)');
      expect((await t.http.get(`/api/requests/${r.id}`).set(auth(handler))).body.version).toBe(1);
    });

    it('lets one of two simultaneous handlers win; the other gets 409 and the audit shows one change', async () => {
      const r = await register();
      const [a, b] = await Promise.all([act(r.id, 1, { action: 'start_review' }), act(r.id, 1, { action: 'accept' })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const audit = await t.http.get(`/api/audit?entityType=disclosure_request&entityId=${r.id}`).set(auth(supervisor));
      expect(audit.body.map((e: { action: string }) => e.action).filter((x: string) => x !== 'request.register')).toHaveLength(1);
    });
  });

  describe('unit scope', () => {
    it('hides another unit\'s requests: 404 on guessed ids, absent from lists', async () => {
      const r = await register();
      expect((await t.http.get(`/api/requests/${r.id}`).set(auth(waterHandler))).status).toBe(404);
      expect((await act(r.id, 1, { action: 'start_review' }, waterHandler)).status).toBe(404);
      expect((await t.http.post(`/api/requests/${r.id}/reveal`).set(auth(waterHandler))).status).toBe(404);
      const list = (await t.http.get('/api/requests?limit=200').set(auth(waterHandler))).body as RequestPageDto;
      expect(list.items.every((i) => i.unitName === '县水务局')).toBe(true);
      expect((await t.http.get(`/api/requests/${r.id}`).set(auth(supervisor))).status).toBe(200);
    });
  });

  describe('lists', () => {
    it('filter, sort by due date and page with a cursor without gaps or repeats', async () => {
      for (const day of ['2026-05-06', '2026-05-07', '2026-05-08']) await register(handler, { receivedAt: day });
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await t.http
          .get(`/api/requests?status=registered&sort=due&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(auth(handler));
        expect(res.status).toBe(200);
        const page = res.body as RequestPageDto;
        all.push(...page.items.map((i) => i.dueDate + i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(all).toEqual([...all].sort());
      expect(new Set(all).size).toBe(all.length);
      const overdue = (await t.http.get('/api/requests?overdue=true&limit=200').set(auth(handler))).body as RequestPageDto;
      expect(overdue.items.length).toBeGreaterThan(0);
      expect(overdue.items.every((i) => i.deadline.state === 'overdue')).toBe(true);
      expect((await t.http.get('/api/requests?cursor=garbage').set(auth(handler))).status).toBe(400);

      // The same list as .xlsx, with personal data masked.
      const xlsx = await t.http
        .get('/api/requests/export?status=registered')
        .set(auth(handler))
        .buffer(true)
        .parse(binaryBody);
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getRow(1).getCell(1).value).toBe('受理编号');
      expect(sheet.rowCount - 1).toBe(all.length);
      expect(JSON.stringify(sheet.getSheetValues())).not.toContain(PERSON_ID);
    });
  });

  describe('holiday calendar', () => {
    it('adds working days by the State Council notice', async () => {
      const res = await t.http.get('/api/calendar/add-working-days?from=2025-09-26&days=20').set(auth(handler));
      expect(res.body).toMatchObject({ date: '2025-10-30', provisional: false });
      expect((await t.http.get('/api/calendar/add-working-days?from=2025-02-30&days=1').set(auth(handler))).status).toBe(400);
    });

    it('lists the loaded years and warns of missing ones', async () => {
      const res = await t.http.get('/api/calendar/years').set(auth(handler));
      expect(res.body.years.map((y: { year: number }) => y.year)).toEqual(expect.arrayContaining([2024, 2025, 2026]));
      const none = await t.http.get('/api/calendar/years/2090').set(auth(handler));
      expect(none.status).toBe(404);
      expect(none.body.code).toBe('CALENDAR_YEAR_NOT_FOUND');
    });

    it('lets an admin correct a year, audited, and recomputes open deadlines at once', async () => {
      const r = await register(handler, { receivedAt: '2026-11-20' });
      expect(r.dueDate).toBe('2026-12-18');
      const year = (await t.http.get('/api/calendar/years/2026').set(auth(admin))).body;
      expect((await t.http.put('/api/calendar/years/2026').set(auth(handler)).send(year)).status).toBe(403);
      const bad = await t.http.put('/api/calendar/years/2026').set(auth(admin)).send({ holidays: year.holidays, workdays: ['2026-12-02'] });
      expect(bad.status).toBe(422);
      expect(bad.body.messageZh).toContain('调休上班日应为周末');
      const put = await t.http
        .put('/api/calendar/years/2026')
        .set(auth(admin))
        .send({ holidays: [...year.holidays, '2026-12-01'], workdays: year.workdays, source: 'test correction' });
      expect(put.status).toBe(200);
      expect(put.body.recomputed).toBeGreaterThan(0);
      const after = await t.http.get(`/api/requests/${r.id}`).set(auth(handler));
      expect(after.body.dueDate).toBe('2026-12-21');
      const db = await sqlClient(t.server.databaseUrl);
      try {
        const rows = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'calendar_year' AND entity_id = '2026'`);
        expect(rows.rows.map((x: { action: string }) => x.action)).toEqual(['calendar.update']);
      } finally {
        await db.end();
      }
    });
  });
});
