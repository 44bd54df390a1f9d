import { DEFAULT_TAXONOMY } from './default-taxonomy';
import { Categorizer, keywordWeight } from './taxonomy';

describe('Categorizer with the default taxonomy', () => {
  const categorizer = new Categorizer(DEFAULT_TAXONOMY);
  const code = (text: string) => categorizer.categorize(text)?.code ?? null;

  it('leads with the county plan\'s topics', () => {
    expect(DEFAULT_TAXONOMY.slice(0, 9).map((c) => c.code)).toEqual([
      'land-expropriation',
      'environment',
      'education-enrolment',
      'medical-care',
      'elderly-care',
      'employment',
      'social-assistance',
      'housing-property',
      'transport',
    ]);
    // and keeps the first-level branches of the complaint taxonomy it did not take over
    expect(DEFAULT_TAXONOMY.map((c) => c.name)).toEqual(expect.arrayContaining(['纪检监察', '政法', '农村农业', '城乡建设']));
  });

  it.each([
    ['孔村镇王楼村的征地补偿款到现在还没发，安置房也没建', 'land-expropriation'],
    ['浪溪河边的养殖场污水直排，河水发黑发臭', 'environment'],
    ['孩子今年上小学，户口在榆山街道，划片在哪个学校？', 'education-enrolment'],
    ['县医院住院报销比例是多少，异地就医怎么备案', 'medical-care'],
    ['村里的幸福院什么时候开，老年食堂能不能给八十岁以上老人送餐', 'elderly-care'],
    ['在工地干了半年，包工头拖欠工资不给', 'employment'],
    ['家里老人瘫痪在床，申请低保被拒，想问临时救助怎么申请', 'social-assistance'],
    ['小区物业不作为，电梯坏了一个月，物业费照收', 'housing-property'],
    ['东阿镇到县城的公交车一个小时才一班，路面坑洼', 'transport'],
    ['村支书贪污集体资金，还收受贿赂', 'discipline-inspection'],
  ])('%s → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('answers null when nothing matches, or only one stray word each of several categories', () => {
    expect(categorizer.categorize('今天天气不错')).toBeNull();
    expect(categorizer.categorize('')).toBeNull();
    expect(categorizer.categorize('村里全是老人和小孩，年轻人都出去打工创业了，希望引进企业')).toBeNull();
  });

  it('scores between 0 and 1 and explains the evidence', () => {
    const [best] = categorizer.scores('化工厂偷排废水，污染严重，环保局不管');
    expect(best!.code).toBe('environment');
    expect(best!.keywords).toEqual(expect.arrayContaining(['偷排', '废水', '污染']));
    expect(best!.score).toBeGreaterThan(0.5);
    expect(best!.score).toBeLessThanOrEqual(1);
  });
});

describe('Categorizer with a taxonomy of one\'s own', () => {
  it('takes any list of categories and keywords', () => {
    const c = new Categorizer([
      { code: 'roses', name: '玫瑰产业', keywords: ['玫瑰', '玫瑰花', '花茶'] },
      { code: 'water', name: '供水', keywords: ['停水', '自来水', '水压'] },
    ]);
    expect(c.categorize('玫瑰花茶的收购价太低了')).toEqual({ code: 'roses', name: '玫瑰产业', score: expect.any(Number) });
    expect(c.categorize('小区又停水了，自来水公司电话打不通')?.code).toBe('water');
    expect(c.taxonomy).toHaveLength(2);
  });

  it('weighs long keywords more than short ones', () => {
    expect(keywordWeight('污染')).toBe(1);
    expect(keywordWeight('征地补偿')).toBe(2);
    expect(keywordWeight('集体土地上房屋拆迁与补偿')).toBe(2.5);
  });
});
