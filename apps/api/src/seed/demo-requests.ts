import {
  addDays,
  residentIdCheckCharacter,
  usccCheckCharacter,
  type ApplicantType,
  type IsoDate,
  type ReplyType,
  type RequestChannel,
} from '@govdesk/domain';
import type { RegisterRequest, TransitionRequest } from '@govdesk/contracts';

/**
 * About 200 demo disclosure requests over the last five months, across the county's units and
 * in every state, about the topics of Pingyin County's 2023 work plan. Deterministic: the same
 * `today` gives the same requests. The seed plays each one through the real use cases.
 */
/** A transition body without its version (the seed reads the version as it goes). */
export type DemoStepBody = TransitionRequest extends infer T ? (T extends unknown ? Omit<T, 'version'> : never) : never;

export interface DemoRequestScript {
  unitCode: string;
  register: Omit<RegisterRequest, 'unitId'>;
  steps: { by: 'handler' | 'supervisor'; body: DemoStepBody }[];
}

const TOPICS: Record<string, string[]> = {
  'education-sports': [
    '申请公开{year}年城区义务教育学校招生划片范围及确定依据',
    '申请公开{town}中心小学新建教学楼项目的立项批复和资金来源',
    '申请公开{year}年县直学校教师招聘的岗位设置与考核成绩',
    '申请公开校外培训机构“双减”专项检查的处理结果',
    '申请公开{town}幼儿园收费标准的核定文件',
  ],
  water: [
    '申请公开浪溪河下游治理工程的环境影响评价和施工合同',
    '申请公开{town}{village}村饮水安全工程的验收报告',
    '申请公开{year}年农田水利设施维修资金的分配明细',
    '申请公开浪溪河沿岸占地补偿标准及补偿名单',
  ],
  'ecology-environment': [
    '申请公开{town}某化工企业{year}年的排污许可证及监测数据',
    '申请公开对{town}{village}村养殖场异味投诉的调查处理结果',
    '申请公开{year}年县城空气质量月度监测报告',
    '申请公开黄河沿岸生态保护项目的环评批复文件',
  ],
  'natural-resources': [
    '申请公开{town}{village}村集体土地征收的批复文件和征地补偿安置方案',
    '申请公开{year}年{town}国有建设用地使用权出让结果',
    '申请公开我家宅基地所在地块的土地利用总体规划图',
    '申请公开{town}矿山生态修复项目的验收材料',
  ],
  'housing-construction': [
    '申请公开{town}棚户区改造项目的安置房分配方案',
    '申请公开某住宅小区的竣工验收备案材料',
    '申请公开{year}年老旧小区改造计划及资金安排',
  ],
  'civil-affairs': [
    '申请公开{year}年{town}城乡低保对象名单及审批依据',
    '申请公开县养老服务中心的运营补贴发放情况',
    '申请公开{town}敬老院改造工程的招标文件',
  ],
  'human-resources': [
    '申请公开{year}年“乐业平阴”就业补贴的发放名单',
    '申请公开某企业拖欠农民工工资案件的处理决定',
    '申请公开{year}年事业单位公开招聘的面试成绩',
  ],
  health: ['申请公开县人民医院{year}年医疗服务价格调整依据', '申请公开{town}卫生院家庭医生签约服务的考核结果'],
  'development-reform': ['申请公开黄河休闲旅游景观带项目的可行性研究报告批复', '申请公开{year}年县重点项目名单及投资计划'],
  transport: ['申请公开{town}至县城农村公路改建工程的招标结果', '申请公开{year}年城乡公交票价调整的听证材料'],
  'market-regulation': ['申请公开对某超市食品安全投诉的抽检结果', '申请公开{year}年“双随机、一公开”抽查结果'],
  'yushan-street': ['申请公开榆山街道{village}社区旧村改造的补偿协议范本', '申请公开榆山街道{year}年财政预算执行情况'],
};

const TOWNS = ['榆山街道', '锦水街道', '东阿镇', '玫瑰镇', '洪范池镇', '孔村镇', '孝直镇', '安城镇'];
const VILLAGES = ['李沟', '王楼', '前寨', '西峪', '张山', '胡庄', '后屯', '北石硖'];
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '朱', '胡', '郭', '何'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰', '霞', '平'];
const COMPANIES = ['平阴县玫瑰花卉有限公司', '济南某置业有限公司', '平阴县东阿阿胶物流有限公司', '山东某律师事务所', '平阴县慈善总会', '山东某农业科技研究院', '孔村镇某村股份经济合作社'];
const ORG_TYPES: ApplicantType[] = ['commercial_enterprise', 'commercial_enterprise', 'commercial_enterprise', 'legal_service_org', 'social_welfare_org', 'research_institution', 'other_org'];
const CHANNELS: RequestChannel[] = ['in_person', 'in_person', 'online', 'online', 'online', 'registered_mail', 'ordinary_mail', 'email', 'oral'];

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

type Path = 'archived' | 'replied' | 'reply_drafted' | 'handling' | 'consulting' | 'awaiting_correction' | 'reviewing' | 'registered' | 'withdrawn' | 'abandoned';
const PATHS: [Path, number][] = [
  ['archived', 70],
  ['replied', 30],
  ['reply_drafted', 12],
  ['handling', 24],
  ['consulting', 8],
  ['awaiting_correction', 10],
  ['reviewing', 10],
  ['registered', 16],
  ['withdrawn', 8],
  ['abandoned', 6],
];
const REPLIES: { replyType: ReplyType; reasonCode?: string }[] = [
  { replyType: 'disclosed' },
  { replyType: 'disclosed' },
  { replyType: 'disclosed' },
  { replyType: 'already_public' },
  { replyType: 'partially_disclosed' },
  { replyType: 'not_disclosed', reasonCode: 'process_information' },
  { replyType: 'not_disclosed', reasonCode: 'third_party_rights' },
  { replyType: 'cannot_provide', reasonCode: 'not_held' },
  { replyType: 'not_this_agency' },
  { replyType: 'not_processed', reasonCode: 'petition_complaint' },
];

export function demoRequestScripts(today: IsoDate, count = 200): DemoRequestScript[] {
  const rnd = prng(20_231_111);
  const total = PATHS.reduce((s, [, w]) => s + w, 0);
  const pickPath = (): Path => {
    let x = rnd.next() * total;
    for (const [p, w] of PATHS) if ((x -= w) < 0) return p;
    return 'registered';
  };
  const units = Object.keys(TOPICS);
  const scripts: DemoRequestScript[] = [];
  for (let i = 0; i < count; i++) {
    const path = pickPath();
    const unitCode = rnd.pick(units);
    // Closed requests are older; open ones recent (a few deliberately overdue).
    const ageDays = path === 'archived' || path === 'replied' || path === 'withdrawn' || path === 'abandoned' ? rnd.int(25, 150) : rnd.next() < 0.12 ? rnd.int(30, 45) : rnd.int(1, 26);
    const received = addDays(today, -ageDays);
    let date = received;
    const advance = (min: number, max: number) => {
      const next = addDays(date, rnd.int(min, max));
      date = next > today ? today : next;
      return date;
    };
    const topic = rnd.pick(TOPICS[unitCode]!)
      .replace('{year}', String(Number(today.slice(0, 4)) - rnd.int(0, 2)))
      .replace('{town}', rnd.pick(TOWNS))
      .replace('{village}', rnd.pick(VILLAGES));
    const isOrg = rnd.next() < 0.2;
    const orgIndex = rnd.int(0, COMPANIES.length - 1);
    const birth = addDays('1950-01-01', rnd.int(0, 365 * 50)).replace(/-/g, '');
    const first17 = `370124${birth}${String(rnd.int(100, 999))}`;
    const usccFirst17 = `91370124MA${String(rnd.int(1000000, 9999999))}`;
    const applicant: RegisterRequest['applicant'] = isOrg
      ? { type: ORG_TYPES[orgIndex]!, name: COMPANIES[orgIndex]!, idType: 'unified_social_credit_code', idNumber: usccFirst17 + usccCheckCharacter(usccFirst17), contactPerson: rnd.pick(SURNAMES) + rnd.pick(GIVEN), phone: `0531-8${rnd.int(1000000, 9999999)}` }
      : {
          type: 'natural_person',
          name: rnd.pick(SURNAMES) + rnd.pick(GIVEN),
          idType: 'resident_id',
          idNumber: first17 + residentIdCheckCharacter(first17),
          phone: `1${rnd.pick(['38', '39', '58', '86', '33'])}${rnd.int(10000000, 99999999)}`,
          address: `平阴县${rnd.pick(TOWNS)}${rnd.pick(VILLAGES)}村${rnd.int(1, 120)}号`,
        };
    const steps: DemoRequestScript['steps'] = [];
    const step = (body: DemoStepBody, by: 'handler' | 'supervisor' = 'handler') => steps.push({ by, body });

    if (path === 'registered') {
      // nothing yet
    } else if (path === 'reviewing') {
      step({ action: 'start_review', at: advance(0, 2) });
    } else if (path === 'awaiting_correction' || path === 'abandoned') {
      step({ action: 'start_review', at: advance(0, 1) });
      step({ action: 'request_correction', at: advance(1, 4), items: ['请明确所需信息的名称、文号或其他特征描述'], correctWithinDays: 15 });
      if (path === 'abandoned') step({ action: 'abandon', at: advance(22, 30), reasonCode: 'no_correction' });
    } else if (path === 'withdrawn') {
      step({ action: 'start_review', at: advance(0, 2) });
      step({ action: 'withdraw', at: advance(1, 6), reason: '申请人来电撤回申请' });
    } else {
      step({ action: 'start_review', at: advance(0, 1) });
      if (rnd.next() < 0.15) {
        step({ action: 'request_correction', at: advance(1, 3), items: ['请补充身份证明材料'], correctWithinDays: 15 });
        step({ action: 'receive_correction', at: advance(2, 8) });
      }
      step({ action: 'accept', at: advance(0, 2) });
      if (path === 'consulting' || rnd.next() < 0.12) {
        step({ action: 'start_consultation', at: advance(1, 5), party: rnd.next() < 0.6 ? 'third_party' : 'agency', partyName: rnd.next() < 0.6 ? rnd.pick(COMPANIES) : '县自然资源局' });
        if (path !== 'consulting') step({ action: 'end_consultation', at: advance(3, 12), opinion: '同意公开' });
      }
      if (path !== 'consulting' && rnd.next() < 0.15) {
        step({ action: 'request_extension', at: advance(5, 12), reason: '所涉信息跨多个年度，需调阅档案核实' });
        step({ action: 'approve_extension', at: advance(0, 2) }, 'supervisor');
      }
      if (path === 'reply_drafted' || path === 'replied' || path === 'archived') {
        const reply = rnd.pick(REPLIES);
        // About one reply in eight is late, as in real offices.
        const late = rnd.next() < 0.12;
        step({ action: 'draft_reply', at: late ? advance(26, 36) : advance(3, 14), replyType: reply.replyType, ...(reply.reasonCode ? { reasonCode: reply.reasonCode } : {}), body: `经审查，您申请的“${topic.replace(/^申请公开/, '')}”……` } as DemoStepBody);
        if (path !== 'reply_drafted' || rnd.next() < 0.5) step({ action: 'approve_reply', at: advance(0, 2) }, 'supervisor');
        if (path === 'replied' || path === 'archived') step({ action: 'send_reply', at: advance(0, 2) });
        if (path === 'archived') step({ action: 'archive', at: advance(1, 10) });
      }
    }
    scripts.push({
      unitCode,
      register: {
        channel: rnd.pick(CHANNELS),
        receivedAt: received,
        applicant,
        description: `${topic}。`,
        form: { medium: rnd.pick(['paper', 'electronic', 'electronic'] as const), delivery: rnd.pick(['mail', 'email', 'online', 'pickup'] as const) },
      },
      steps,
    });
  }
  return scripts;
}
