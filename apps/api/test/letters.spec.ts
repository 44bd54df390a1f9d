import { strFromU8, unzipSync } from 'fflate';
import type { RegisteredRequestDto, RequestDetailDto, UnitDto } from '@govdesk/contracts';
import { REMEDIES_ZH } from '@govdesk/domain';
import { binaryBody, sqlClient, startTestApp, type TestApp } from './support/test-app';

const PERSON_ID = '37012419900101123X';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The text of word/document.xml: tags stripped, since Word may split a sentence across runs. */
function documentText(docx: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('letters of a disclosure request as .docx (real PostgreSQL)', () => {
  let t: TestApp;
  let handler: string;
  let supervisor: string;
  let waterHandler: string;
  let admin: string;
  let units: UnitDto[];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;

  async function register(token = handler, overrides: Record<string, unknown> = {}): Promise<RegisteredRequestDto> {
    const res = await t.http
      .post('/api/requests')
      .set(auth(token))
      .send({
        channel: 'in_person',
        receivedAt: '2026-03-02',
        unitId: unitId('县教体局'),
        applicant: { type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: PERSON_ID, phone: '13812345678' },
        description: '申请公开2026年城区义务教育学校招生划片范围及依据文件',
        form: { medium: 'electronic', delivery: 'email' },
        ...overrides,
      });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as RegisteredRequestDto;
  }

  /** Runs the transitions in order; returns the request after the last. */
  async function run(r: RequestDetailDto, steps: Record<string, unknown>[], token = handler): Promise<RequestDetailDto> {
    for (const step of steps) {
      const res = await t.http.post(`/api/requests/${r.id}/transitions`).set(auth(token)).send({ version: r.version, ...step });
      if (res.status !== 200) throw new Error(`${String(step['action'])}: ${res.status} ${JSON.stringify(res.body)}`);
      r = res.body as RequestDetailDto;
    }
    return r;
  }

  function download(id: string, kind: string, token: string | null = handler) {
    const req = t.http.get(`/api/requests/${id}/letters/${kind}`);
    if (token) req.set(auth(token));
    return req.buffer(true).parse(binaryBody);
  }

  /** The letter's text; fails unless the answer is a .docx. */
  async function letter(id: string, kind: string, token = handler): Promise<string> {
    const res = await download(id, kind, token);
    if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${(res.body as Buffer).toString()}`);
    expect(res.headers['content-type']).toBe(DOCX);
    return documentText(res.body as Buffer);
  }

  async function refused(id: string, kind: string, token: string | null = handler) {
    const res = await download(id, kind, token);
    return { status: res.status, body: JSON.parse((res.body as Buffer).toString()) as { code: string; message: string; messageZh: string } };
  }

  async function addWorkingDays(from: string, days: number): Promise<string> {
    return (await t.http.get(`/api/calendar/add-working-days?from=${from}&days=${days}`).set(auth(handler))).body.date as string;
  }

  const zhDate = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [handler, supervisor, waterHandler, admin] = await Promise.all([t.login('handler'), t.login('supervisor'), t.login('handler.water'), t.login('admin')]);
    units = (await t.http.get('/api/units').set(auth(handler))).body as UnitDto[];
  });
  afterAll(() => t.close());

  it('gives the acknowledgement at once: letterhead, number, applicant, description, due date, how to check status', async () => {
    const r = await register();
    const res = await download(r.id, 'acknowledgement');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${r.receiptNo}-acknowledgement.docx"; filename*=UTF-8''${encodeURIComponent(`${r.receiptNo}-政府信息公开申请登记回执.docx`)}`,
    );
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toContain('仿宋');
    expect(styles).toContain('方正小标宋简体');

    const text = documentText(res.body as Buffer);
    expect(text).toContain('平阴县教育和体育局');
    expect(text).toContain(`〔2026〕${r.receiptNo}号`);
    expect(text).toContain('政府信息公开申请登记回执');
    expect(text).toContain('张三：');
    expect(text).toContain('申请公开2026年城区义务教育学校招生划片范围及依据文件');
    expect(text).toContain('收到申请之日为2026年3月2日');
    expect(text).toContain('于2026年3月30日前作出答复');
    expect(text).toContain('请凭登记回执号和查询码查询');
    expect(text).toContain('电子数据');
    expect(text).not.toContain('草稿');
    // Personal data beyond the name never goes into a letter.
    expect(text).not.toContain(PERSON_ID);
    expect(text).not.toContain('13812345678');
    expect(r.queryCode).toBeDefined();
    expect(text).not.toContain(r.queryCode);
  });

  it('refuses a letter whose event has not happened yet with 409, in both languages', async () => {
    const r = await register();
    for (const kind of ['correction_notice', 'extension_notice', 'consultation_letter', 'reply']) {
      const res = await refused(r.id, kind);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('REQUEST_ACTION_NOT_ALLOWED');
      expect(res.body.message).toMatch(/^No .+: there is no .+\.$/);
      expect(res.body.messageZh).toMatch(/没有.+。$/);
    }
    const unknown = await refused(r.id, 'love_letter');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('acknowledgement, correction_notice');
  });

  it('follows the request: correction, consultation, extension, draft, approval and sending', async () => {
    let r: RequestDetailDto = await register();
    r = await run(r, [
      { action: 'start_review', at: '2026-03-03' },
      { action: 'request_correction', at: '2026-03-04', items: ['请写明所需文件的名称或文号', '请说明所涉学校的范围'], correctWithinDays: 15 },
    ]);

    const correction = await letter(r.id, 'correction_notice');
    expect(correction).toContain('补正申请告知书');
    expect(correction).toContain(r.receiptNo);
    expect(correction).toContain('张三：');
    expect(correction).toContain('（一）请写明所需文件的名称或文号。');
    expect(correction).toContain('（二）请说明所涉学校的范围。');
    expect(correction).toContain('15个工作日内，即于2026年3月25日前');
    expect(correction).toContain('重新计算');
    expect(correction).toContain('视为放弃申请');
    expect(correction).toContain('第三十条');
    expect(correction).toContain('2026年3月4日');

    r = await run(r, [
      { action: 'receive_correction', at: '2026-03-16' },
      { action: 'accept', at: '2026-03-17' },
      { action: 'start_consultation', at: '2026-03-20', party: 'third_party', partyName: '平阴某置业有限公司' },
    ]);
    const consultation = await letter(r.id, 'consultation_letter');
    expect(consultation).toContain('政府信息公开征求意见书');
    expect(consultation).toContain('平阴某置业有限公司：');
    expect(consultation).toContain(r.receiptNo);
    expect(consultation).toContain('15个工作日内');
    expect(consultation).toContain(`即于${zhDate(await addWorkingDays('2026-03-20', 15))}前`);
    expect(consultation).toContain('由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开');
    expect(consultation).toContain('第三十二条');
    expect(consultation).not.toContain('视为同意公开');
    expect(consultation).not.toContain('张三'); // the party is not told who asked

    r = await run(r, [
      { action: 'end_consultation', at: '2026-03-27', opinion: '不同意公开其商业信息' },
      { action: 'request_extension', at: '2026-04-01', reason: '涉及多个年度档案，需调档核实。' },
    ]);
    const extendedDue = zhDate(await addWorkingDays('2026-04-21', 20));
    const requested = await letter(r.id, 'extension_notice');
    expect(requested).toContain('延期答复告知书（草稿）');
    expect(requested).toContain('因涉及多个年度档案，需调档核实，本机关不能在规定期限内作出答复');
    expect(requested).toContain(`将于${extendedDue}前作出答复`);
    expect(requested).toContain('第三十三条');

    r = await run(r, [{ action: 'approve_extension', at: '2026-04-02' }], supervisor);
    const approved = await letter(r.id, 'extension_notice');
    expect(approved).not.toContain('草稿');
    expect(approved).toContain(`将于${extendedDue}前作出答复`);
    expect(approved).toContain('2026年4月2日');

    r = await run(r, [{ action: 'draft_reply', at: '2026-04-10', replyType: 'partially_disclosed', body: '现将可公开部分提供如下：\n一、2026年城区学校招生划片范围。' }]);
    const draft = await letter(r.id, 'reply');
    expect(draft).toContain('草稿');
    expect(draft).toContain('政府信息公开申请答复书（草稿）');
    expect(draft).toContain('张三：');
    expect(draft).toContain(r.receiptNo);
    expect(draft).toContain('答复类型：部分公开');
    expect(draft).toContain('法律依据：《中华人民共和国政府信息公开条例》第三十七条');
    expect(draft).toContain('一、2026年城区学校招生划片范围。');
    expect(draft).toContain(REMEDIES_ZH);

    r = await run(r, [{ action: 'approve_reply', at: '2026-04-13' }], supervisor);
    const signed = await letter(r.id, 'reply');
    expect(signed).not.toContain('草稿');
    expect(signed).toContain('2026年4月13日');

    r = await run(r, [{ action: 'send_reply', at: '2026-04-14' }, { action: 'archive' }]);
    const sent = await download(r.id, 'reply');
    expect(sent.headers['content-disposition']).toContain(`filename="${r.receiptNo}-reply.docx"`);
    expect(sent.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${r.receiptNo}-政府信息公开申请答复书.docx`)}`);
    const sentText = documentText(sent.body as Buffer);
    expect(sentText).toContain('2026年4月14日');
    expect(sentText).toContain('特此答复。');
    // Every earlier letter is still there after the request is archived.
    expect(await letter(r.id, 'acknowledgement')).toContain('于2026年3月30日前作出答复');
  });

  it('titles a refusal 告知书 and states its reason and legal basis', async () => {
    let r: RequestDetailDto = await register();
    r = await run(r, [
      { action: 'accept', at: '2026-03-03' },
      { action: 'draft_reply', at: '2026-03-10', replyType: 'not_disclosed', reasonCode: 'state_secret' },
    ]);
    const text = await letter(r.id, 'reply');
    expect(text).toContain('政府信息不予公开告知书（草稿）');
    expect(text).toContain('答复类型：不予公开；理由：属于国家秘密');
    expect(text).toContain('法律依据：《中华人民共和国政府信息公开条例》第十四条');
    expect(text).toContain(REMEDIES_ZH);
    expect(text).toContain('特此告知。');
  });

  it('tells a consulted agency that silence is consent (Art. 34)', async () => {
    let r: RequestDetailDto = await register();
    r = await run(r, [
      { action: 'accept', at: '2026-03-03' },
      { action: 'start_consultation', at: '2026-03-05', party: 'agency' },
    ]);
    const text = await letter(r.id, 'consultation_letter');
    expect(text).toContain('有关机关：');
    expect(text).toContain('视为同意公开');
    expect(text).toContain('第三十四条');
  });

  it('prints the unit name when the unit has no letterhead', async () => {
    const r = await register(supervisor, { unitId: unitId('县水务局') });
    const db = await sqlClient(t.server.databaseUrl);
    try {
      await db.query(`UPDATE units SET letterhead = '' WHERE name = '县水务局'`);
    } finally {
      await db.end();
    }
    const text = await letter(r.id, 'acknowledgement', supervisor);
    expect(text.startsWith('县水务局')).toBe(true);
  });

  it('keeps letters within the unit scope: 404 for another unit, 401 without a token, 403 for a monitor', async () => {
    const r = await register();
    const other = await refused(r.id, 'acknowledgement', waterHandler);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('REQUEST_NOT_FOUND');
    expect((await refused('00000000-0000-4000-8000-000000000000', 'acknowledgement')).status).toBe(404);
    expect((await refused('not-a-uuid', 'acknowledgement')).status).toBe(404);
    expect((await refused(r.id, 'acknowledgement', null)).status).toBe(401);
    expect((await refused(r.id, 'acknowledgement', await t.login('monitor'))).status).toBe(403);
    expect(await letter(r.id, 'acknowledgement', supervisor)).toContain(r.receiptNo);
    expect(await letter(r.id, 'acknowledgement', admin)).toContain(r.receiptNo);
  });
});
