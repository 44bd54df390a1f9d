import { LexiconScorer } from './lexicon-scorer';

describe('LexiconScorer', () => {
  const lexicon = new LexiconScorer();
  const contributions = (text: string) => lexicon.hits(text).map((h) => [h.word, h.contribution]);

  it('scores complaint language negative and thanks positive', () => {
    expect(lexicon.textScore('小区门口污水横流，多次反映没人管')).toBeLessThan(-2);
    expect(lexicon.textScore('感谢县住建局，路灯修好了，非常满意')).toBeGreaterThan(2);
  });

  it('takes a phrase that contains a negation whole', () => {
    expect(contributions('拖欠工资至今未解决')).toEqual([
      ['拖欠工资', -2],
      ['至今未解决', -2],
    ]);
    expect(contributions('街道办不作为')).toEqual([['不作为', -2]]);
  });

  it('reverses a phrase after a negation word, and a denied complaint only weakly', () => {
    expect(contributions('对处理结果不满意')).toEqual([['不满', -1]]);
    expect(contributions('工作人员很不耐心')[0]![1]).toBeLessThan(0);
    expect(contributions('现在河水没有臭味了')).toEqual([['臭味', 0.5]]);
  });

  it('scales by degree words and stops at punctuation', () => {
    const [[, strong]] = contributions('处理得特别及时') as [[string, number]];
    expect(strong).toBeCloseTo(0.5 * 1.7);
    expect(contributions('有点臭')).toEqual([['臭', -0.6]]);
    // the 不 belongs to the previous clause
    expect(contributions('我不知道，满意')).toEqual([['满意', 1]]);
  });

  it('gives Weibo emoticons their polarity', () => {
    expect(lexicon.emoticonScore(['怒', '泪'])).toBe(-2.5);
    expect(lexicon.emoticonScore(['哈哈', '赞'])).toBeGreaterThan(2);
    expect(lexicon.emoticonScore(['没见过'])).toBe(0);
  });

  it('takes an edited lexicon', () => {
    const custom = new LexiconScorer({ lexicon: [{ word: '堵心', weight: -1 }], negations: [], degrees: {}, emoticons: {} });
    expect(custom.textScore('真堵心')).toBe(-1);
    expect(custom.textScore('没人管')).toBe(0);
  });
});
