import { DEFAULT_USER_DICTIONARY } from './dictionary/user-dictionary';
import { Segmenter, toWellFormed } from './segmenter';

describe('Segmenter', () => {
  const segmenter = new Segmenter();

  it('keeps the county\'s towns, streets, units and projects whole', () => {
    expect(segmenter.cut('平阴县玫瑰镇孔村镇孝直镇安城镇洪范池镇东阿镇锦水街道榆山街道')).toEqual([
      '平阴县',
      '玫瑰镇',
      '孔村镇',
      '孝直镇',
      '安城镇',
      '洪范池镇',
      '东阿镇',
      '锦水街道',
      '榆山街道',
    ]);
    expect(segmenter.cut('县教体局和县自然资源局对浪溪河下游治理工程没人管')).toEqual(
      expect.arrayContaining(['县教体局', '县自然资源局', '浪溪河下游治理工程']),
    );
  });

  it('drops stop words, punctuation and bare numbers from content words', () => {
    expect(segmenter.words('您好，请问2024年锦水街道的小学入学划片范围是什么？')).toEqual(['锦水街道', '小学', '入学', '划片', '范围']);
  });

  it('replaces the user dictionary at run time', () => {
    const s = new Segmenter({ userDictionary: [] });
    expect(s.cut('我在书院泉社区住')).not.toContain('书院泉社区');
    s.setUserDictionary([{ word: '书院泉社区', tag: 'community' }]);
    expect(s.cut('我在书院泉社区住')).toContain('书院泉社区');
    expect(s.userDictionary).toEqual([{ word: '书院泉社区', tag: 'community' }]);
    // a word taken out is forgotten
    s.setUserDictionary([{ word: '玫瑰镇', tag: 'town' }]);
    expect(s.cut('我在书院泉社区住')).not.toContain('书院泉社区');
    expect(s.cut('玫瑰镇')).toEqual(['玫瑰镇']);
  });

  it('cleans dictionary entries: trims, drops blank and spaced words, keeps the last of a word', () => {
    const s = new Segmenter({ userDictionary: [] });
    s.setUserDictionary([{ word: ' 王楼村 ', tag: 'village' }, { word: '' }, { word: '两 个字' }, { word: '王楼村', tag: 'village', freq: 50000 }]);
    expect(s.userDictionary).toEqual([{ word: '王楼村', tag: 'village', freq: 50000 }]);
  });

  it('has replaceable stop words', () => {
    const s = new Segmenter({ stopWords: ['玫瑰镇'] });
    expect(s.words('玫瑰镇的玫瑰')).toEqual(['的', '玫瑰']);
    s.setStopWords(['的']);
    expect(s.words('玫瑰镇的玫瑰')).toEqual(['玫瑰镇', '玫瑰']);
    expect(s.isStopWord('的')).toBe(true);
  });

  it('survives broken UTF-16 and white space', () => {
    expect(toWellFormed('abc\uD800中文')).toBe('abc\uFFFD中文');
    expect(segmenter.cut('  \n\t ')).toEqual([]);
    expect(segmenter.cut('\uDC00孔村镇')).toEqual(['\uFFFD', '孔村镇']);
  });

  it('seeds the default dictionary with every town and street of the county', () => {
    const words = DEFAULT_USER_DICTIONARY.filter((e) => e.tag === 'town' || e.tag === 'street').map((e) => e.word);
    expect(words).toEqual(expect.arrayContaining(['榆山街道', '锦水街道', '东阿镇', '玫瑰镇', '洪范池镇', '孔村镇', '孝直镇', '安城镇']));
  });

  it('cuts the anonymised place codes of exported data off the name after them', () => {
    // jieba alone: 区丽发 | 新城, 市伊 | 景园, 县星 | 沙镇 — the same compound read two ways.
    expect(segmenter.cut('A2区丽发新城小区附近搅拌站噪音扰民')).toEqual(expect.arrayContaining(['A2', '丽发', '新城']));
    expect(segmenter.cut('丽发新城附近的搅拌站晚上施工太吵')).toEqual(expect.arrayContaining(['丽发', '新城']));
    expect(segmenter.cut('A市伊景园滨河苑捆绑销售车位')).not.toContain('市伊');
    expect(segmenter.cut('A7县星沙镇板桥小区一条街扰民')).toEqual(expect.arrayContaining(['A7', '星沙镇', '板桥']));
    // Not a code: a letter inside a word, or a code with nothing Chinese after it.
    expect(segmenter.cut('ABC区 K9县')).toEqual(['ABC', '区', 'K9', '县']);
  });

  it('keeps a numbered name whole (3路, 1号线)', () => {
    expect(segmenter.cut('请问3路公交车还停老汽车站吗')).toEqual(expect.arrayContaining(['3路', '公交车']));
    expect(segmenter.cut('地铁3号线开通问题')).toEqual(['地铁', '3号线', '开通', '问题']);
    // A bare number stays a number (and is no content word): 58 is not followed by a word that names with it.
    expect(segmenter.words('拖欠工资58天')).not.toContain('58天');
  });
});
