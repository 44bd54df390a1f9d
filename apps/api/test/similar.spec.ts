import type { RegisteredRequestDto, SimilarRequestsDto, UnitDto } from '@govdesk/contracts';
import { startTestApp, type TestApp } from './support/test-app';

describe('similar requests and proactive disclosure (Art. 44)', () => {
  let t: TestApp;
  let handler: string;
  let eduId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids = ['370124198507150013', '37012419900101123X', '370124201506010021'];

  async function register(idNumber: string, description: string): Promise<RegisteredRequestDto> {
    const res = await t.http
      .post('/api/requests')
      .set(auth(handler))
      .send({
        channel: 'in_person',
        receivedAt: '2026-06-01',
        unitId: eduId,
        applicant: { type: 'natural_person', name: '申请人', idType: 'resident_id', idNumber },
        description,
        form: { medium: 'paper', delivery: 'pickup' },
      });
    expect(res.status).toBe(201);
    return res.body as RegisteredRequestDto;
  }

  beforeAll(async () => {
    t = await startTestApp();
    handler = await t.login('handler');
    eduId = ((await t.http.get('/api/units').set(auth(handler))).body as UnitDto[]).find((u) => u.name === '县教体局')!.id;
  });
  afterAll(() => t.close());

  it('finds the same ask in other words, not other topics, and proposes proactive disclosure at three applicants', async () => {
    await register(ids[0]!, '申请公开2026年城区义务教育学校招生划片范围及依据');
    await register(ids[1]!, '请公开今年城区义务教育招生划片范围和划片依据文件');
    await register(ids[0]!, '申请公开县第一中学食堂承包合同');

    const check = await t.http.post('/api/requests/similar').set(auth(handler)).send({ unitId: eduId, description: '要求公开2026年城区义务教育学校的招生划片范围', applicantIdNumber: ids[2] });
    expect(check.status).toBe(200);
    const result = check.body as SimilarRequestsDto;
    expect(result.items).toHaveLength(2);
    expect(result.items.every((i) => i.description.includes('划片'))).toBe(true);
    expect(result).toMatchObject({ distinctApplicants: 3, suggestProactiveDisclosure: true });

    const third = await register(ids[2]!, '要求公开2026年城区义务教育学校的招生划片范围');
    const forRequest = (await t.http.get(`/api/requests/${third.id}/similar`).set(auth(handler))).body as SimilarRequestsDto;
    expect(forRequest.items.map((i) => i.id)).not.toContain(third.id);
    expect(forRequest.suggestProactiveDisclosure).toBe(true);
  });

  it('does not count one applicant asking twice as several', async () => {
    const res = await t.http.post('/api/requests/similar').set(auth(handler)).send({ unitId: eduId, description: '申请公开县第一中学食堂承包合同', applicantIdNumber: ids[0] });
    expect(res.body).toMatchObject({ distinctApplicants: 1, suggestProactiveDisclosure: false });
  });

  it('is scoped to the handler\'s unit', async () => {
    const water = await t.login('handler.water');
    expect((await t.http.post('/api/requests/similar').set(auth(water)).send({ unitId: eduId, description: '招生划片范围' })).status).toBe(404);
  });
});
