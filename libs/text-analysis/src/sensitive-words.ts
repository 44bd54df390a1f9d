/**
 * Sensitive-word flags: words that make a mention urgent whatever its volume (deaths and
 * injuries, crowds gathering, pollution, forced demolition, wage arrears, corruption), from
 * a list admins edit. A word denied just before it (未造成人员伤亡, 没有污染) does not flag.
 */
import { PhraseMatcher } from './phrase-matcher';

export interface SensitiveWordGroup {
  /** stable code, e.g. `casualties` */
  category: string;
  /** display name */
  name?: string;
  words: readonly string[];
}

export interface SensitiveFlag {
  category: string;
  word: string;
}

export const DEFAULT_SENSITIVE_WORDS: SensitiveWordGroup[] = [
  {
    category: 'casualties',
    name: '死亡伤害',
    words: ['死亡', '身亡', '丧生', '遇难', '溺亡', '猝死', '致死', '尸体', '受伤', '伤亡', '重伤', '致残', '跳楼', '跳河', '自杀', '轻生', '割腕', '喝农药', '服毒', '中毒', '烧伤', '被打伤', '流血'],
  },
  {
    category: 'crowd-gathering',
    name: '群体聚集',
    words: ['聚集', '围堵', '堵路', '堵门', '围攻', '上访', '集体上访', '越级上访', '进京', '群体性', '群体事件', '静坐', '拉横幅', '打横幅', '游行', '示威', '罢工', '罢课', '打砸'],
  },
  {
    category: 'pollution',
    name: '环境污染',
    words: ['污染', '排污', '偷排', '直排', '恶臭', '臭气', '发臭', '黑水', '黑臭', '污水横流', '死鱼', '毒气', '废气', '废渣', '危废', '粉尘', '扬尘', '焚烧垃圾', '刺鼻'],
  },
  {
    category: 'forced-demolition',
    name: '强制拆除',
    words: ['强拆', '强制拆除', '强行拆除', '暴力拆迁', '野蛮拆迁', '强行拆迁', '强制拆迁', '强征', '强占土地', '推土机', '铲车', '挖掘机强'],
  },
  {
    category: 'wage-arrears',
    name: '拖欠工资',
    words: ['欠薪', '拖欠工资', '拖欠农民工工资', '讨薪', '讨要工资', '要工资', '工资不发', '不发工资', '拿不到工资', '克扣工资', '拖欠工程款', '讨债'],
  },
  {
    category: 'corruption',
    name: '贪污腐败',
    words: ['贪污', '受贿', '行贿', '索贿', '腐败', '贪腐', '挪用公款', '侵吞', '中饱私囊', '以权谋私', '权钱交易', '吃回扣', '收红包', '公款吃喝', '利益输送', '官商勾结', '保护伞', '黑恶势力'],
  },
];

const DENIALS = ['未造成', '没有造成', '无人员', '没有人员', '未发生', '没有发生', '未出现', '没有出现', '无', '未', '没有', '没', '不是', '并非', '否认'];
const LOOK_BACK = 6;
/** a denial counts when at most this many characters stand between it and the word (未造成人员伤亡) */
const DENIAL_GAP = 2;
const CLAUSE_END = /[,.!?;:，。！？；：、\s]/;

export class SensitiveWordFlagger {
  private readonly matcher: PhraseMatcher<string[]>;
  private readonly denials = new PhraseMatcher(DENIALS.map((d) => [d, true] as const));
  readonly groups: readonly SensitiveWordGroup[];

  constructor(groups: readonly SensitiveWordGroup[] = DEFAULT_SENSITIVE_WORDS) {
    this.groups = groups.map((g) => ({ ...g, words: [...new Set(g.words.map((w) => w.trim()).filter(Boolean))] }));
    const byWord = new Map<string, string[]>();
    for (const g of this.groups) {
      for (const w of g.words) {
        const list = byWord.get(w) ?? [];
        if (!list.includes(g.category)) list.push(g.category);
        byWord.set(w, list);
      }
    }
    this.matcher = new PhraseMatcher(byWord);
  }

  /** Flags in order of first appearance, one per category and word. */
  flag(text: string): SensitiveFlag[] {
    const out: SensitiveFlag[] = [];
    const seen = new Set<string>();
    for (const m of this.matcher.findLongest(text)) {
      if (this.denied(text, m.start)) continue;
      for (const category of m.value) {
        const key = `${category}\u0000${m.phrase}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ category, word: m.phrase });
      }
    }
    return out;
  }

  private denied(text: string, start: number): boolean {
    let from = Math.max(0, start - LOOK_BACK);
    for (let i = start - 1; i >= from; i--) {
      if (CLAUSE_END.test(text[i]!)) {
        from = i + 1;
        break;
      }
    }
    if (from >= start) return false;
    const window = text.slice(from, start);
    return this.denials.findAll(window).some((d) => window.length - d.end <= DENIAL_GAP);
  }
}
