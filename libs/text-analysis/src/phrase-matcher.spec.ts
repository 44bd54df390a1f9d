import { PhraseMatcher } from './phrase-matcher';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<number>([
    ['解决', 1],
    ['未解决', -1],
    ['至今未解决', -2],
    ['浪溪河', 0],
    ['溪河', 9],
  ]);

  it('finds every occurrence, overlapping ones included', () => {
    const found = matcher.findAll('浪溪河污染至今未解决').map((m) => `${m.phrase}@${m.start}`);
    expect(found).toEqual(expect.arrayContaining(['浪溪河@0', '溪河@1', '至今未解决@5', '未解决@7', '解决@8']));
    expect(found).toHaveLength(5);
  });

  it('takes the leftmost, longest phrase where phrases overlap', () => {
    expect(matcher.findLongest('浪溪河污染至今未解决，问题解决了吗').map((m) => [m.phrase, m.start, m.value])).toEqual([
      ['浪溪河', 0, 0],
      ['至今未解决', 5, -2],
      ['解决', 13, 1],
    ]);
  });

  it('follows failure links across a partial match', () => {
    const m = new PhraseMatcher([
      ['东阿镇政府', 'a'],
      ['阿镇', 'b'],
    ]);
    expect(m.findAll('东阿镇人民政府').map((x) => x.phrase)).toEqual(['阿镇']);
  });

  it('copes with no phrases and empty text', () => {
    expect(new PhraseMatcher<number>([]).findAll('任何文字')).toEqual([]);
    expect(matcher.findLongest('')).toEqual([]);
  });
});
