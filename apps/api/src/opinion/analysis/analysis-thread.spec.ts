import { Analyzer, DEFAULT_SENSITIVE_WORDS, DEFAULT_TAXONOMY, DEFAULT_USER_DICTIONARY } from '@govdesk/text-analysis';
import type { AnalysisSettings } from './analysis-protocol';
import { AnalysisThread } from './analysis-thread';

const settings: AnalysisSettings = { userDictionary: DEFAULT_USER_DICTIONARY, sensitiveWords: DEFAULT_SENSITIVE_WORDS, taxonomy: DEFAULT_TAXONOMY };
const texts = [
  '东阿镇西街垃圾中转站臭气熏天，夏天根本没法开窗，请环保部门尽快处理',
  '锦水街道明珠小区电梯三天两头坏，老人上下楼很困难[怒]',
  '感谢县医院急诊科的医生护士，服务非常好！',
];

describe('AnalysisThread (a real worker thread)', () => {
  const thread = new AnalysisThread();
  afterAll(() => thread.close());

  it('answers in order exactly what the analyser answers on the main thread', async () => {
    thread.setSettings(settings);
    const local = new Analyzer(settings);
    expect(await thread.analyze(texts)).toEqual(texts.map((t) => local.analyze(t)));
  }, 30_000);

  it('uses settings changed after it started (a new local name is one word and a keyword)', async () => {
    const text = '翠屏湾安置小区交房三年了还没办下房产证';
    expect((await thread.analyze([text]))[0]!.keywords.map((k) => k.word)).not.toContain('翠屏湾安置小区');
    thread.setSettings({ ...settings, userDictionary: [...settings.userDictionary, { word: '翠屏湾安置小区', tag: 'ns' }] });
    expect((await thread.analyze([text]))[0]!.keywords.map((k) => k.word)).toContain('翠屏湾安置小区');
  }, 30_000);

  it('fails the calls of a worker that died and starts a new one for the next call', async () => {
    // Enough work (a few hundred milliseconds) that the worker is still at it when it is stopped.
    const running = thread.analyze(Array.from({ length: 3000 }, (_, i) => `${texts[i % 3]}${i}`));
    await thread.close();
    await expect(running).rejects.toThrow(/exited/);
    thread.setSettings(settings);
    expect(await thread.analyze(texts.slice(0, 1))).toHaveLength(1);
  }, 30_000);
});
