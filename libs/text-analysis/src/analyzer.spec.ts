import { Analyzer, analyzeText } from './analyzer';
import { hammingDistance } from './simhash';

describe('analyzeText', () => {
  it('answers the shape of POST /api/opinion/analyze', () => {
    const r = analyzeText('浪溪河又臭了[怒]{%#浪溪河治理#%} @平阴发布 http://t.cn/A6xyz 玫瑰镇化工厂偷排污水，多次反映至今未解决！');
    expect(Object.keys(r).sort()).toEqual(['category', 'flags', 'keywords', 'places', 'sentiment', 'simhash']);
    expect(r.sentiment.label).toBe('negative');
    expect(r.sentiment.score).toBeLessThan(0);
    expect(r.keywords.length).toBeGreaterThan(3);
    expect(r.keywords.map((k) => k.word)).toEqual(expect.arrayContaining(['浪溪河', '玫瑰镇', '化工厂']));
    for (const k of r.keywords) expect(k.weight).toBeGreaterThan(0);
    expect(r.category).toEqual({ code: 'environment', name: '环境保护', score: expect.any(Number) });
    expect(r.places).toEqual([
      { name: '浪溪河', kind: 'place' },
      { name: '玫瑰镇', kind: 'town' },
      { name: '浪溪河治理', kind: 'project' },
    ]);
    expect(r.flags).toEqual([{ category: 'pollution', word: '偷排' }]);
    expect(r.simhash).toMatch(/^[0-9a-f]{16}$/);
    // JSON-safe: no bigint
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('analyses thanks, an inquiry and a wage dispute', () => {
    const thanks = analyzeText('感谢县住建局的工作人员，小区门口的路灯第二天就修好了，非常及时，点赞！');
    expect(thanks.sentiment.label).toBe('positive');
    expect(thanks.places).toEqual([{ name: '县住建局', kind: 'unit' }]);
    expect(thanks.flags).toEqual([]);

    const inquiry = analyzeText('请问今年锦水街道小学入学划片范围什么时候公布？');
    expect(inquiry.sentiment.score).toBeGreaterThanOrEqual(0);
    expect(inquiry.category?.code).toBe('education-enrolment');

    const wages = analyzeText('东阿镇某工地拖欠农民工工资，几十名工人围堵项目部讨薪。');
    expect(wages.sentiment.label).toBe('negative');
    expect(wages.category?.code).toBe('employment');
    expect(wages.flags.map((f) => f.category)).toEqual(['wage-arrears', 'crowd-gathering', 'wage-arrears']);
  });

  it('gives reposts of the same complaint a close SimHash, and other matters a distant one', () => {
    const a = analyzeText('玫瑰镇化工厂夜间偷排废水，浪溪河下游河水发黑发臭，村民多次反映无人处理');
    const same = analyzeText('玫瑰镇化工厂夜间偷排废水！浪溪河下游河水发黑发臭。村民多次反映无人处理 @平阴发布 http://t.cn/A6xyz');
    const repost = analyzeText('转发：玫瑰镇化工厂夜间偷排废水，浪溪河下游河水发黑发臭，村民多次反映无人处理');
    const other = analyzeText('锦水街道某小区物业乱收费，电梯坏了一个月没人修，业主要求更换物业公司');
    expect(same.simhash).toBe(a.simhash);
    // one added word moves a short text's fingerprint by several bits (see docs/text-analysis.md)
    expect(hammingDistance(a.simhash, repost.simhash)).toBeLessThanOrEqual(12);
    expect(hammingDistance(a.simhash, other.simhash)).toBeGreaterThan(20);
  });

  it('copes with bad input: empty, HTML, broken UTF-16, 200,000 characters', () => {
    const empty = analyzeText('');
    expect(empty).toEqual({ sentiment: { label: 'neutral', score: 0 }, keywords: [], category: null, places: [], flags: [], simhash: '0000000000000000' });

    const html = analyzeText('<script>alert("x")</script><b>孔村镇</b>强拆');
    expect(html.places).toEqual([{ name: '孔村镇', kind: 'town' }]);
    expect(html.flags).toEqual([{ category: 'forced-demolition', word: '强拆' }]);

    expect(() => analyzeText('abc\uD800孝直镇\uDC00污染')).not.toThrow();
    expect(analyzeText('abc\uD800孝直镇\uDC00污染').places).toEqual([{ name: '孝直镇', kind: 'town' }]);

    const long = '安城镇垃圾站臭气熏天，'.repeat(20_000);
    expect(long.length).toBe(220_000);
    const started = Date.now();
    const r = analyzeText(long);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.places).toEqual([{ name: '安城镇', kind: 'town' }]);
    expect(r.sentiment.label).toBe('negative');
  });
});

describe('Analyzer', () => {
  const analyzer = new Analyzer({ userDictionary: [{ word: '书院泉社区', tag: 'community' }], topK: 3 });

  it('holds a replaceable user dictionary', () => {
    expect(analyzer.analyze('书院泉社区停水三天了').places).toEqual([{ name: '书院泉社区', kind: 'community' }]);
    analyzer.setUserDictionary([...analyzer.userDictionary, { word: '龙桥社区', tag: 'community' }]);
    expect(analyzer.analyze('书院泉社区和龙桥社区停水三天了').places.map((p) => p.name)).toEqual(['书院泉社区', '龙桥社区']);
    analyzer.setUserDictionary([{ word: '龙桥社区', tag: 'community' }]);
    expect(analyzer.analyze('书院泉社区和龙桥社区停水三天了').places.map((p) => p.name)).toEqual(['龙桥社区']);
  });

  it('holds a replaceable taxonomy and sensitive-word list', () => {
    analyzer.setTaxonomy([{ code: 'water', name: '供水', keywords: ['停水', '水压'] }]);
    expect(analyzer.analyze('龙桥社区停水三天了').category).toEqual({ code: 'water', name: '供水', score: expect.any(Number) });
    expect(analyzer.taxonomy).toHaveLength(1);
    analyzer.setSensitiveWords([{ category: 'outage', words: ['停水'] }]);
    expect(analyzer.analyze('龙桥社区停水三天了').flags).toEqual([{ category: 'outage', word: '停水' }]);
    expect(analyzer.sensitiveWords[0]!.category).toBe('outage');
  });

  it('returns topK keywords, by TF-IDF or TextRank', () => {
    expect(analyzer.analyze('龙桥社区停水三天了，龙桥社区的居民没有水喝，停水也不通知').keywords).toHaveLength(3);
    const textRank = new Analyzer({ keywordMethod: 'textrank', topK: 2 });
    const keywords = textRank.analyze('垃圾站臭味很大。垃圾站离学校很近，学生都闻得到臭味。').keywords;
    expect(keywords).toHaveLength(2);
    expect(keywords[0]!.weight).toBe(1);
    expect(textRank.keywords('垃圾站臭味很大。垃圾站离学校很近，学生都闻得到臭味。', { method: 'tfidf', topK: 1 })).toEqual([{ word: '垃圾站', weight: expect.any(Number) }]);
  });
});
