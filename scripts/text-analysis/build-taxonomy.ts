/**
 * Writes libs/text-analysis/src/taxonomy/default-taxonomy.ts: the default taxonomy of the
 * categorizer, from the structure of ../shared/data/gov-messages/complaint-taxonomy.xlsx
 * (一级/二级/三级分类, 517 rows) merged with the topics the county's 2023 open-government plan
 * names (land expropriation, environment, compulsory-education enrolment, medical care,
 * elderly care, employment, social assistance, housing and property management, transport).
 *
 * The plan's topics come first and take over the spreadsheet branches that are about them;
 * every other first-level branch becomes a category whose keywords are the names of its
 * second- and third-level nodes, the specific words in them (jieba IDF ≥ 8.5) and a few
 * words residents use (EXTRA_KEYWORDS).
 * `node -r @swc-node/register scripts/text-analysis/build-taxonomy.ts`
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdfTable } from '../../libs/text-analysis/src/keywords';
import { defaultSegmenter } from '../../libs/text-analysis/src/segmenter';
import type { TaxonomyCategory } from '../../libs/text-analysis/src/taxonomy/taxonomy';
import { REPO_ROOT, sharedDataFile } from './shared-data';
import { readXlsxRows } from './xlsx';

const OUT = join(REPO_ROOT, 'libs/text-analysis/src/taxonomy/default-taxonomy.ts');

interface PlanTopic {
  code: string;
  name: string;
  /** spreadsheet branches it takes over: `一级`, `一级/二级` or `一级/二级/三级` */
  branches: string[];
  keywords: string[];
}

/** The county plan's topics (平阴县2023年政务公开工作要点, 三(三)、四(三)、四(四)) with the words residents use for them. */
const PLAN_TOPICS: PlanTopic[] = [
  {
    code: 'land-expropriation',
    name: '土地征收',
    branches: ['国土资源/土地征收', '城乡建设/国有土地上房屋征收与补偿', '城乡建设/集体土地上房屋拆迁与补偿'],
    keywords: ['土地征收', '征地', '征收', '征用', '拆迁', '强拆', '拆除', '补偿款', '补偿标准', '征地补偿', '安置补偿', '安置房', '回迁', '回迁房', '失地农民', '青苗补偿', '地上附着物', '棚户区改造', '旧村改造', '城中村改造', '占地'],
  },
  {
    code: 'environment',
    name: '环境保护',
    branches: ['环境保护'],
    keywords: ['环境保护', '环保', '生态环境', '污染', '排污', '偷排', '废水', '污水', '废气', '恶臭', '臭味', '异味', '刺鼻', '黑臭', '黑水', '噪音', '噪声', '扬尘', '粉尘', '烟尘', '油烟', '焚烧', '秸秆', '养殖场', '化工厂', '水质', '河道', '环评', '排放', '垃圾填埋'],
  },
  {
    code: 'education-enrolment',
    name: '义务教育入学',
    branches: ['教育文体/考试招生', '教育文体/教育体制', '教育文体/失学辍学'],
    keywords: ['义务教育', '入学', '招生', '划片', '学区', '学位', '小学', '初中', '中学', '幼儿园', '转学', '借读', '择校', '随迁子女', '适龄儿童', '新生报名', '分班', '双减', '校车', '学校'],
  },
  {
    code: 'medical-care',
    name: '医疗卫生',
    branches: ['卫生计生/医患纠纷', '卫生计生/医政监管', '卫生计生/公共卫生', '劳动和社会保障/城镇居民社会保险/新农村合作医疗', '劳动和社会保障/城镇居民社会保险/城镇居民医疗保险', '劳动和社会保障/城镇职工社会保险/职工医疗保险'],
    keywords: ['就医', '就诊', '看病', '医院', '卫生院', '卫生室', '诊所', '医生', '护士', '挂号', '住院', '门诊', '急诊', '手术', '医保', '医疗保险', '报销', '药费', '医药费', '药品', '疫苗', '接种', '体检', '医疗'],
  },
  {
    code: 'elderly-care',
    name: '养老服务',
    branches: [],
    keywords: ['养老服务', '养老院', '敬老院', '养老机构', '养老设施', '居家养老', '社区养老', '日间照料', '老年食堂', '长者食堂', '幸福院', '护理院', '老年人', '老人', '高龄补贴', '高龄津贴', '孤寡老人', '空巢老人', '失能老人', '适老化', '康养'],
  },
  {
    code: 'employment',
    name: '就业创业',
    branches: ['劳动和社会保障/就业培训', '劳动和社会保障/劳动关系', '劳动和社会保障/工资福利', '劳动和社会保障/劳动保护'],
    keywords: ['就业', '再就业', '失业', '招聘', '求职', '创业', '公益性岗位', '农民工', '工资', '欠薪', '拖欠工资', '讨薪', '劳动合同', '劳动仲裁', '加班', '辞退', '用工', '技能培训', '职业培训', '乐业平阴'],
  },
  {
    code: 'social-assistance',
    name: '社会救助',
    branches: ['民政/社会救助', '民政/福利慈善', '民政/救灾募捐', '民政/社会服务/生活无着人员救助'],
    keywords: ['社会救助', '救助', '低保', '特困', '五保', '困难群众', '困难家庭', '残疾人', '残疾证', '临时救助', '医疗救助', '贫困户', '困难补助', '孤儿', '流浪乞讨', '慈善'],
  },
  {
    code: 'housing-property',
    name: '住房与物业',
    branches: ['城乡建设/住房保障与房地产', '城乡建设/城市建设和市政管理/小区管理'],
    keywords: ['物业', '物业费', '业主', '小区', '业委会', '电梯', '房产证', '不动产证', '不动产登记', '开发商', '交房', '延期交房', '烂尾楼', '公租房', '廉租房', '保障房', '维修基金', '商品房', '楼盘', '购房', '房屋质量', '漏水', '供暖', '暖气'],
  },
  {
    code: 'transport',
    name: '交通出行',
    branches: ['交通运输', '政法/交通管理', '城乡建设/城市建设和市政管理/公共汽车'],
    keywords: ['交通', '公交', '公交车', '班车', '客运', '出租车', '网约车', '道路', '公路', '修路', '路面', '坑洼', '红绿灯', '信号灯', '停车', '停车位', '违停', '堵车', '拥堵', '村村通', '驾驶证', '车辆', '高速', '路口'],
  },
];

/** Codes of the other first-level branches. */
const BRANCH_CODES: Record<string, string> = {
  城乡建设: 'urban-rural-construction',
  党务政务: 'party-government-affairs',
  国土资源: 'land-resources',
  环境保护: 'environment-other',
  纪检监察: 'discipline-inspection',
  交通运输: 'transport-other',
  经济管理: 'economic-management',
  科技与信息产业: 'science-technology',
  民政: 'civil-affairs',
  农村农业: 'agriculture-rural',
  商贸旅游: 'commerce-tourism',
  卫生计生: 'health-family-planning',
  政法: 'politics-law',
  教育文体: 'education-culture-sports',
  劳动和社会保障: 'labour-social-security',
};

/** Words residents use for the other branches, beyond the spreadsheet's names. */
const EXTRA_KEYWORDS: Record<string, string[]> = {
  城乡建设: ['路灯', '下水道', '井盖', '排水', '管网', '供水', '停水', '自来水', '燃气', '天然气', '绿化', '垃圾', '违建', '私搭乱建', '违章建筑', '城管', '占道经营', '市政'],
  党务政务: ['政务公开', '信息公开', '政府网站', '12345', '热线'],
  纪检监察: ['贪污', '受贿', '腐败', '行贿', '吃拿卡要', '不作为', '乱作为', '公款吃喝', '纪委'],
  经济管理: ['企业', '营商环境', '减税降费', '税务', '纳税', '发票', '非法集资', '理财'],
  民政: ['婚姻登记', '殡葬', '墓地', '公墓', '退役军人', '村委会', '社区居委会'],
  农村农业: ['村委', '村干部', '村支书', '村民', '种植', '养殖', '农田', '灌溉', '土地流转', '宅基地', '农业', '扶贫'],
  商贸旅游: ['商家', '消费者', '假冒', '价格', '物价', '景区', '门票', '市场监管', '超市', '商场'],
  卫生计生: ['食品安全', '过期食品', '餐馆', '饭店', '卫生许可'],
  政法: ['派出所', '公安', '报警', '民警', '诈骗', '打架', '斗殴', '盗窃', '户口', '落户', '身份证', '法院', '判决', '律师', '消防'],
  教育文体: ['教师', '老师', '补课', '培训机构', '校外培训', '乱收费', '学费', '图书馆', '文化馆', '体育场', '健身'],
  劳动和社会保障: ['社保', '养老保险', '养老金', '退休', '退休金', '工伤', '失业保险', '生育保险', '社保卡'],
};

const GENERIC = new Set(['其他', '管理', '建设', '问题', '服务', '政策', '工作', '相关', '情况', '事务', '发展', '其它', '突发', '异地', '依法', '公共', '待遇', '事件处理', '建设管理', '行业监管', '规划建设', '发展规划']);
/** Words inside a node name count on their own only when this specific (jieba IDF). */
const SPECIFIC_IDF = 8.5;

function main(): void {
  const rows = readXlsxRows(sharedDataFile('gov-messages/complaint-taxonomy.xlsx', 'building the default taxonomy'));
  const [header, ...body] = rows;
  if (!header || String(header[0]) !== '一级分类') throw new Error(`unexpected header ${JSON.stringify(header)}`);
  const paths = body.map((r) => r.slice(0, 3).map((c) => String(c ?? '').trim()));
  const idf = IdfTable.default();
  const segmenter = defaultSegmenter();

  /** The names of a node and the specific words in them. */
  function keywordsOf(name: string): string[] {
    if (!name || GENERIC.has(name)) return [];
    const out: string[] = [];
    for (const part of name.split(/[、和与及,，]/)) {
      const p = part.replace(/^其他/, '').trim();
      if (p.length >= 2 && p.length <= 8 && !GENERIC.has(p)) out.push(p);
      for (const w of segmenter.words(p)) if (w.length >= 2 && !GENERIC.has(w) && idf.has(w) && idf.idf(w) >= SPECIFIC_IDF) out.push(w);
    }
    return out;
  }

  /** The plan topic that takes over this row, and the depth of the branch it took. */
  function owner(path: string[]): { topic: PlanTopic; depth: number } | undefined {
    for (const topic of PLAN_TOPICS) {
      for (const b of topic.branches) {
        const parts = b.split('/');
        if (parts.every((p, i) => path[i] === p)) return { topic, depth: parts.length };
      }
    }
    return undefined;
  }

  const planKeywords = new Map(PLAN_TOPICS.map((t) => [t.code, new Set(t.keywords)]));
  const branchKeywords = new Map<string, Set<string>>();
  const branchOrder: string[] = [];
  for (const path of paths) {
    const taken = owner(path);
    const words = [...keywordsOf(path[1]!), ...keywordsOf(path[2]!)];
    if (taken) {
      // a topic that took a third-level node does not take the names of its parents
      const own = taken.depth === 3 ? keywordsOf(path[2]!) : words;
      for (const w of own) planKeywords.get(taken.topic.code)!.add(w);
      continue;
    }
    if (!branchKeywords.has(path[0]!)) {
      branchKeywords.set(path[0]!, new Set([...keywordsOf(path[0]!), ...(EXTRA_KEYWORDS[path[0]!] ?? [])]));
      branchOrder.push(path[0]!);
    }
    for (const w of words) branchKeywords.get(path[0]!)!.add(w);
  }
  // a keyword of a plan topic is not also evidence for the general branches
  const planWords = new Set([...planKeywords.values()].flatMap((s) => [...s]));
  const taxonomy: TaxonomyCategory[] = [
    ...PLAN_TOPICS.map((t) => ({ code: t.code, name: t.name, keywords: [...planKeywords.get(t.code)!] })),
    ...branchOrder.map((name) => {
      const code = BRANCH_CODES[name];
      if (!code) throw new Error(`no code for first-level branch ${name}`);
      return { code, name, keywords: [...branchKeywords.get(name)!].filter((w) => !planWords.has(w)) };
    }),
  ].filter((c) => c.keywords.length > 0);

  const lines = [
    '// Generated by scripts/text-analysis/build-taxonomy.ts from the structure of',
    '// ../shared/data/gov-messages/complaint-taxonomy.xlsx and the county plan\'s topics; see',
    '// docs/text-analysis.md. Edit the script (or replace the taxonomy at run time), not this file.',
    "import type { TaxonomyCategory } from './taxonomy';",
    '',
    'export const DEFAULT_TAXONOMY: TaxonomyCategory[] = [',
    ...taxonomy.map((c) => `  { code: '${c.code}', name: '${c.name}', keywords: [${c.keywords.map((k) => `'${k}'`).join(', ')}] },`),
    '];',
    '',
  ];
  writeFileSync(OUT, lines.join('\n'));
  console.log(`wrote ${OUT}: ${taxonomy.length} categories, ${taxonomy.reduce((n, c) => n + c.keywords.length, 0)} keywords from ${paths.length} rows`);
}

main();
