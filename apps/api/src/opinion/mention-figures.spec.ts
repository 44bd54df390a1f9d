import { headlineOf, namedAuthors } from './mention-figures';

describe('mention figures', () => {
  it('makes a headline of a title, else of the text without topics, emoticons and links', () => {
    expect(headlineOf('  浪溪河又发黑了 ', '正文')).toBe('浪溪河又发黑了');
    expect(headlineOf(null, '锦水家园暖气不热，屋里只有十四五度！[泪] #平阴# http://t.cn/abc')).toBe('锦水家园暖气不热，屋里只有十四五度！');
    expect(headlineOf(undefined, '#平阴# #浪溪河# 浪溪河孝直镇段又臭了')).toBe('浪溪河孝直镇段又臭了');
    expect(headlineOf('', '[怒][怒]')).toBe('[怒][怒]'); // nothing else to show
    expect(headlineOf(null, '长'.repeat(100))).toHaveLength(60);
  });

  it('counts named authors only', () => {
    expect(namedAuthors([' 张三 ', '匿名', null, 'Anonymous', '李四'])).toEqual(['张三', '李四']);
  });
});
