import { startTestApp, type TestApp } from './support/test-app';

describe('POST /api/opinion/analyze', () => {
  let t: TestApp;
  let monitor: string;
  beforeAll(async () => {
    t = await startTestApp();
    monitor = await t.login('monitor');
  });
  afterAll(() => t.close());

  it('analyses a citizen complaint: negative, flagged, placed, with keywords and a SimHash', async () => {
    const res = await t.http
      .post('/api/opinion/analyze')
      .set('Authorization', `Bearer ${monitor}`)
      .send({ text: '玫瑰镇浪溪河下游又出现黑水，恶臭熏天，多次反映至今没人管，强烈要求县生态环境局尽快处理！' });
    expect(res.status).toBe(200);
    expect(res.body.sentiment.label).toBe('negative');
    expect(res.body.sentiment.score).toBeLessThan(0);
    expect(res.body.flags.map((f: { category: string }) => f.category)).toContain('pollution');
    expect(JSON.stringify(res.body.places)).toContain('玫瑰镇');
    expect(res.body.keywords.length).toBeGreaterThan(0);
    expect(res.body.simhash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('takes a text of 200,000 characters and refuses a longer one or none', async () => {
    const long = '县教体局回复很及时，感谢！'.repeat(20_000).slice(0, 200_000);
    expect((await t.http.post('/api/opinion/analyze').set('Authorization', `Bearer ${monitor}`).send({ text: long })).status).toBe(200);
    expect((await t.http.post('/api/opinion/analyze').set('Authorization', `Bearer ${monitor}`).send({ text: `${long}多` })).status).toBe(400);
    expect((await t.http.post('/api/opinion/analyze').set('Authorization', `Bearer ${monitor}`).send({})).status).toBe(400);
    expect((await t.http.post('/api/opinion/analyze').send({ text: '你好' })).status).toBe(401);
  });

  it('treats HTML and script as text', async () => {
    const res = await t.http.post('/api/opinion/analyze').set('Authorization', `Bearer ${monitor}`).send({ text: '<script>alert(1)</script> 孔村镇拖欠工资' });
    expect(res.status).toBe(200);
    expect(res.body.flags.map((f: { category: string }) => f.category)).toContain('wage-arrears');
  });
});
