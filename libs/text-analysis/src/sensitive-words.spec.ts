import { DEFAULT_SENSITIVE_WORDS, SensitiveWordFlagger } from './sensitive-words';

describe('SensitiveWordFlagger', () => {
  const flagger = new SensitiveWordFlagger();

  it('covers the six categories the escalation rules name', () => {
    expect(DEFAULT_SENSITIVE_WORDS.map((g) => g.category)).toEqual(['casualties', 'crowd-gathering', 'pollution', 'forced-demolition', 'wage-arrears', 'corruption']);
  });

  it.each([
    ['东阿镇一工地脚手架倒塌，一名工人死亡两人受伤', [['casualties', '死亡'], ['casualties', '受伤']]],
    ['几十名村民聚集在镇政府门口，拉横幅要说法', [['crowd-gathering', '聚集'], ['crowd-gathering', '拉横幅']]],
    ['化工园区夜里偷排，浪溪河一股恶臭', [['pollution', '偷排'], ['pollution', '恶臭']]],
    ['凌晨来了一伙人强拆我家房子', [['forced-demolition', '强拆']]],
    ['包工头拖欠农民工工资，工人去项目部讨薪', [['wage-arrears', '拖欠农民工工资'], ['wage-arrears', '讨薪']]],
    ['村支书贪污低保金，还收受贿赂', [['corruption', '贪污'], ['corruption', '受贿']]],
  ])('%s', (text, flags) => {
    expect(flagger.flag(text).map((f) => [f.category, f.word])).toEqual(flags);
  });

  it('does not flag what is denied just before the word', () => {
    expect(flagger.flag('昨晚安城镇发生一起交通事故，所幸未造成人员伤亡')).toEqual([]);
    expect(flagger.flag('经检测，该企业没有偷排')).toEqual([]);
    // a denial further away does not count
    expect(flagger.flag('无法忍受的恶臭')).toEqual([{ category: 'pollution', word: '恶臭' }]);
  });

  it('flags each word once', () => {
    expect(flagger.flag('讨薪讨薪还是讨薪')).toEqual([{ category: 'wage-arrears', word: '讨薪' }]);
  });

  it('takes an edited list', () => {
    const custom = new SensitiveWordFlagger([{ category: 'safety', name: '安全生产', words: ['塌方', '爆炸', ' '] }]);
    expect(custom.flag('矿井塌方')).toEqual([{ category: 'safety', word: '塌方' }]);
    expect(custom.groups[0]!.words).toEqual(['塌方', '爆炸']);
  });
});
