import { normalizeText } from '../normalize';
import { SENTIMENT_MODEL } from '../model/sentiment-model';
import { analyzeSentiment, defaultSentimentModel, SentimentAnalyzer } from './sentiment';
import { decodeModel, dequantize, quantize } from './model';

describe('analyzeSentiment', () => {
  it.each([
    '浪溪河又黑又臭，化工厂天天偷排，多次向环保局反映至今未解决！',
    '孔村镇王楼村征地补偿款拖欠两年了，村干部推诿扯皮，没人管。',
    '县医院挂号排队两个小时，医生态度还很差，太失望了',
    '物业乱收费，电梯坏了一个月都不修，业主投诉也没用[怒]',
    '工地拖欠农民工工资，老板电话打不通，快过年了钱还没拿到[泪][泪]',
  ])('complaint is negative: %s', (text) => {
    const r = analyzeSentiment(text);
    expect(r.label).toBe('negative');
    expect(r.score).toBeLessThan(0);
  });

  it.each([
    '感谢锦水街道的工作人员，小区门口的积水第二天就处理好了，非常及时，点赞！',
    '玫瑰镇的玫瑰花开了，风景太美了，周末带孩子去玩很开心[哈哈]',
    '12345热线回复很快，问题解决了，非常满意，辛苦了！',
  ])('thanks and praise are positive: %s', (text) => {
    const r = analyzeSentiment(text);
    expect(r.label).toBe('positive');
    expect(r.score).toBeGreaterThan(0);
  });

  it('reads an inquiry as not negative', () => {
    expect(analyzeSentiment('请问今年锦水街道小学入学报名需要准备哪些材料？').score).toBeGreaterThanOrEqual(0);
  });

  it('uses the emoticons that normalisation strips', () => {
    expect(normalizeText('今天去办事了[怒]').text).toBe('今天去办事了');
    const angry = analyzeSentiment('今天去办事了[怒][怒]');
    const happy = analyzeSentiment('今天去办事了[哈哈][哈哈]');
    expect(angry.score).toBeLessThan(happy.score);
    expect(angry.label).toBe('negative');
  });

  it('ignores topics, links and mentions', () => {
    const plain = analyzeSentiment('垃圾站的臭味熏得人受不了');
    const marked = analyzeSentiment('垃圾站的臭味熏得人受不了 {%#平阴身边事#%} @平阴发布 http://t.cn/A6abcd');
    expect(marked).toEqual(plain);
  });

  it('is neutral with score 0 for nothing to go on, and keeps score in [-1, 1] with label matching its sign', () => {
    expect(analyzeSentiment('')).toEqual({ label: 'neutral', score: 0 });
    expect(analyzeSentiment('   ')).toEqual({ label: 'neutral', score: 0 });
    for (const text of ['差差差差差差差差差差！！！', '好好好棒棒棒赞赞赞', '2024年3月5日', '关于公布2024年度预算的通知']) {
      const { label, score } = analyzeSentiment(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
      expect(label).toBe(score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral');
    }
  });

  it('explains its parts', () => {
    const d = new SentimentAnalyzer().analyze('多次反映没人管，太失望了[怒]');
    expect(d.lexicon).toBeLessThan(0);
    expect(d.emoticons).toBe(-1.5);
    expect(typeof d.model).toBe('number');
  });
});

describe('the committed model', () => {
  it('decodes to one weight per bucket and records its sources', () => {
    const model = defaultSentimentModel();
    expect(model.weights).toHaveLength(2 ** SENTIMENT_MODEL.bits);
    expect(SENTIMENT_MODEL.sources.join('\n')).toContain('weibo2018-train.txt');
    expect(model.lexiconWeight).toBeGreaterThan(0);
  });

  it('rejects a model of the wrong size', () => {
    expect(() => decodeModel({ ...SENTIMENT_MODEL, bits: SENTIMENT_MODEL.bits + 1 })).toThrow(/weights/);
  });

  it('quantises with square-root companding (small weights keep their size)', () => {
    const w = Float32Array.from([0, 0.001, -0.01, 0.5, -2]);
    const { bytes, scale } = quantize(w);
    const back = dequantize(bytes, scale);
    expect(back[0]).toBe(0);
    expect(back[4]).toBeCloseTo(-2, 5);
    // relative error about 2/q for byte q: a few per cent
    expect(Math.abs(back[3]! / 0.5 - 1)).toBeLessThan(0.03);
    expect(Math.abs(back[2]! / -0.01 - 1)).toBeLessThan(0.3);
    expect(back[1]).not.toBe(0);
  });
});
