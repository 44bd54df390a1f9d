import { IdfTable, textRankKeywords, tfidfKeywords, topKeywords } from './keywords';
import { Segmenter } from './segmenter';

describe('IdfTable', () => {
  it('parses `word idf` lines and gives unknown words the median', () => {
    const t = IdfTable.parse('污染 7.2\n学校 5.7\n浪溪 11\n');
    expect(t.idf('污染')).toBe(7.2);
    expect(t.unknown).toBe(7.2);
    expect(t.idf('没见过的词')).toBe(7.2);
  });

  it('loads jieba\'s table', () => {
    const t = IdfTable.default();
    expect(t.has('投诉')).toBe(true);
    expect(t.idf('的')).toBeLessThan(1);
    expect(t.idf('拖欠')).toBeGreaterThan(t.idf('学校'));
  });
});

describe('tfidfKeywords', () => {
  it('weighs term frequency by IDF and skips single characters', () => {
    const idf = IdfTable.parse('污染 7\n学校 5\n河 3\n');
    expect(tfidfKeywords(['污染', '污染', '学校', '河'], idf)).toEqual([
      { word: '污染', weight: (2 / 4) * 7 },
      { word: '学校', weight: (1 / 4) * 5 },
    ]);
  });

  it('finds what a real complaint is about', () => {
    const segmenter = new Segmenter();
    const words = segmenter.words('玫瑰镇一家化工厂夜里偷排废水，浪溪河下游的水发黑发臭，附近村民多次向县生态环境局反映，至今没有处理。');
    const top = tfidfKeywords(words, IdfTable.default(), { topK: 5, boost: new Map([['浪溪河', 12], ['玫瑰镇', 12], ['县生态环境局', 12]]) }).map((k) => k.word);
    expect(top).toEqual(expect.arrayContaining(['玫瑰镇', '偷排', '浪溪河', '县生态环境局']));
  });
});

describe('textRankKeywords', () => {
  it('runs PageRank over the co-occurrence graph (a three-word chain, solved by hand)', () => {
    // edges 污染–河道–整治; a = c = 0.15 + 0.85·b/2, b = 0.15 + 0.85·(a + c) → a/b = 0.5278
    const result = textRankKeywords(['污染', '河道', '整治'], { window: 2, iterations: 100 });
    expect(result[0]).toEqual({ word: '河道', weight: 1 });
    expect(result[1]!.weight).toBeCloseTo(0.5278, 3);
    expect(result[2]!.weight).toBeCloseTo(0.5278, 3);
  });

  it('ranks the words that link the text together first', () => {
    const segmenter = new Segmenter();
    const words = segmenter.words(
      '安城镇的垃圾中转站臭味很大。垃圾中转站离学校只有一百米，学生上课都闻得到臭味。希望把垃圾中转站搬走，或者把臭味处理好。',
    );
    const top = textRankKeywords(words, { topK: 3 }).map((k) => k.word);
    expect(top).toContain('垃圾');
    expect(top).toContain('臭味');
  });

  it('answers nothing for nothing', () => {
    expect(textRankKeywords([])).toEqual([]);
    expect(textRankKeywords(['一'])).toEqual([]);
  });
});

describe('topKeywords', () => {
  it('keeps the best k in order, ties by word', () => {
    const scores = new Map([
      ['丙', 1],
      ['甲', 3],
      ['乙', 3],
      ['丁', 0.5],
    ]);
    expect(topKeywords(scores, 3)).toEqual([
      { word: '乙', weight: 3 },
      { word: '甲', weight: 3 },
      { word: '丙', weight: 1 },
    ]);
    expect(topKeywords(scores, 0)).toEqual([]);
  });
});
