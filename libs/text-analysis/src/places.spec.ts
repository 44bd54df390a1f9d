import { DEFAULT_USER_DICTIONARY } from './dictionary/user-dictionary';
import { PlaceFinder } from './places';

describe('PlaceFinder', () => {
  const finder = new PlaceFinder(DEFAULT_USER_DICTIONARY);

  it('finds towns, streets, villages, places, projects and units in order of first mention', () => {
    expect(finder.find('孝直镇李沟村到锦水街道的路坏了，县交运局说归平阴县公路中心管，浪溪河下游治理工程也停了。孝直镇')).toEqual([
      { name: '孝直镇', kind: 'town' },
      { name: '李沟村', kind: 'village' },
      { name: '锦水街道', kind: 'street' },
      { name: '县交运局', kind: 'unit' },
      { name: '平阴县', kind: 'county' },
      { name: '浪溪河下游治理工程', kind: 'project' },
    ]);
  });

  it('takes the longest name (a unit\'s full name, not the county inside it)', () => {
    expect(finder.find('已向平阴县教育和体育局反映')).toEqual([{ name: '平阴县教育和体育局', kind: 'unit' }]);
  });

  it('reports only entries tagged as places or units', () => {
    const f = new PlaceFinder([{ word: '书院泉社区', tag: 'community' }, { word: '玫瑰花茶', tag: 'n' }, { word: '乐业平阴' }]);
    expect(f.find('书院泉社区卖玫瑰花茶，乐业平阴')).toEqual([{ name: '书院泉社区', kind: 'community' }]);
  });

  it('reads the anonymised place codes of exported data; a district names its city, a county does not', () => {
    expect(finder.find('投诉A5区魅力之城小区油烟扰民，A市有关部门不管')).toEqual([
      { name: 'A5区', kind: 'place' },
      { name: 'A市', kind: 'place' },
    ]);
    expect(finder.find('K9县二中强制补课')).toEqual([{ name: 'K9县', kind: 'county' }]);
    // Not a code: a letter inside a word, or a lower-case one.
    expect(finder.find('ABC区块链、b市场')).toEqual([]);
  });
});
