import { normalizeText, toHalfWidth } from './normalize';

describe('normalizeText', () => {
  it('strips Weibo markup, URLs and mentions but keeps the words', () => {
    const r = normalizeText('浪溪河又臭了[怒]{%浪溪河治理%} @平阴发布 http://t.cn/A6xyz 请尽快处理！');
    expect(r.text).toBe('浪溪河又臭了 请尽快处理!');
    expect(r.emoticons).toEqual(['怒']);
    expect(r.urls).toEqual(['http://t.cn/A6xyz']);
    expect(r.mentions).toEqual(['平阴发布']);
  });

  it('turns full-width ASCII into half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３，')).toBe('ABC123,');
  });
});
