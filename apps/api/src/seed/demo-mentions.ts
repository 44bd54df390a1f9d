/**
 * Demo public-opinion mentions about the demo county (Pingyin County, see demo-organisation.ts
 * and the 2023 work plan in ../shared/reference): its towns and streets, the units the plan
 * names, and the matters it calls hard (environmental protection, land expropriation) or close
 * to people (school enrolment, elderly care, buses, roads). Every text is written here from
 * templates, slots and alternative phrasings; none comes from a real data set.
 *
 * The story the data tells, over `days` up to `now`:
 * - 浪溪河 turns black and smells at 孝直镇: a few hotline calls, then more each day, then
 *   Weibo, short videos, the news and TV inquiry (growing over the last week);
 * - workers of the 锦水街道 resettlement-housing project are owed wages: calls over the last
 *   days, then a burst (30+ negative posts by different people within ten minutes, ending about
 *   12 minutes before `now`) when they gather at the project office;
 * - land expropriation compensation at 东阿镇 villages (steady petitions and complaints);
 * - school enrolment zoning in the town's two streets (questions and complaints);
 * - bus line 3 changed its route (recent);
 * - elderly-care canteens praised (mostly positive);
 * - property management complaints at 锦水街道 compounds;
 * - road repair at 孔村镇 (complaints first, praise once it is repaired);
 * - and background chatter (tourism, jobs, medical insurance, street lights, heating …).
 * Mostly negative and neutral, some positive. Some posts are reposts with identical content.
 *
 * Deterministic: the same options give the same mentions (a seeded PRNG; no clock is read).
 */
import type { MentionInput } from '@govdesk/contracts';
import type { MentionChannel } from '@govdesk/domain';

export interface DemoMentionOptions {
  seed: number;
  /** The end of the period (the newest mention is at most this). */
  now: Date;
  /** Length of the period in days, ending at `now`. */
  days: number;
  /** Exactly this many mentions. With fewer than 120 the burst is smaller than 30. */
  count: number;
}

type Tone = 'negative' | 'neutral' | 'positive';
/** How a matter's mentions spread over the period. */
type Profile = 'steady' | 'growing' | 'recent' | 'early' | 'late';

interface Matter {
  key: string;
  /** The town or street (the `place` of hotline records); the first is the main one. */
  places: string[];
  unit: string;
  /** Share of the mentions (before the burst). */
  share: number;
  tone: Record<Tone, number>;
  profile: Profile;
  toneProfile?: Partial<Record<Tone, Profile>>;
  channels: Partial<Record<MentionChannel, number>>;
  /** Media pick the matter up later: their weight grows over the matter's time. */
  mediaLate?: boolean;
  hashtags: string[];
  slots: Record<string, string[]>;
  titles: Partial<Record<Tone, string[]>>;
  /** Complaints (no subject, no final punctuation: the channel's wording adds them). */
  negative?: string[];
  /** Complaints once the matter has grown (used in its later part). */
  negativeLate?: string[];
  /** Citizens' questions. */
  questions?: string[];
  /** Announcements and reports (official accounts, news). */
  notices?: string[];
  positive?: string[];
  details?: string[];
  asks?: string[];
  /** Who is speaking, first person ("我是胡庄村的，"). */
  openers?: string[];
  /** Headlines of news and official accounts (else `titles`). */
  noticeTitles?: string[];
  /** Whole news paragraphs by tone. */
  news?: Partial<Record<Tone, string[]>>;
  /** What the unit answers on air (TV inquiry, Minsheng Line). */
  responses?: string[];
}

// ── The county's matters ─────────────────────────────────────────────────────────────────

const RIVER: Matter = {
  key: 'river',
  places: ['孝直镇'],
  unit: '县生态环境局',
  share: 0.17,
  tone: { negative: 0.72, neutral: 0.2, positive: 0.08 },
  profile: 'growing',
  mediaLate: true,
  channels: {
    hotline_12345: 0.22,
    minsheng_line: 0.04,
    supervision_hotline: 0.05,
    tv_inquiry: 0.02,
    petition: 0.02,
    message_board: 0.08,
    news: 0.08,
    weibo: 0.2,
    wechat: 0.08,
    short_video: 0.13,
    forum: 0.08,
  },
  hashtags: ['#平阴#', '#浪溪河#', '#孝直镇#', '#浪溪河污染#'],
  slots: {
    village: ['胡庄村', '后屯村', '孝直镇驻地'],
    spot: ['{village}桥下', '{village}东边的河段', '{village}附近', '下游拦水坝一带', '孝直镇段'],
    smell: ['臭味刺鼻', '一股化工味', '腥臭味很重', '臭气熏天', '味道呛人'],
    color: ['发黑', '发黄发浑', '又黑又浑', '泛着白沫', '黑得像墨汁'],
    days: ['这几天', '最近一周', '从上周开始', '连着好几天', '这两天'],
  },
  titles: {
    negative: ['浪溪河{孝直镇段|下游}河水{发黑|发臭}', '浪溪河{spot}{出现死鱼|水体异常}', '{强烈|紧急}反映浪溪河污染问题', '浪溪河{孝直镇段|下游}疑有企业偷排', '浪溪河{又黑又臭|污染}谁来管'],
    neutral: ['浪溪河水质检测{结果|情况}咨询', '关于浪溪河{孝直镇段|下游}水质的{咨询|询问}'],
    positive: ['浪溪河{问题|异味}{处理|整治}{及时|有效}', '感谢县生态环境局{及时|迅速}处理浪溪河问题'],
  },
  negative: [
    '浪溪河{spot}河水{color}，{smell}',
    '浪溪河{spot}的水{days}{color}了，走近了{smell}',
    '{days}浪溪河{spot}{一到晚上|每天夜里}就{臭得厉害|飘来一股怪味}，怀疑有{厂子|企业}偷排污水',
    '浪溪河{spot}河面上漂着{不少|一片}死鱼，河水{color}',
    '浪溪河{spot}{有|出现}{黑水|污水}{往河里排|直排进河}，{smell}',
  ],
  negativeLate: [
    '浪溪河{spot}的死鱼越来越多，{smell}，附近村民{都不敢开窗|晚上睡不着觉}',
    '浪溪河污染{已经|都}{一个多星期|好几天}了，{spot}{还是|依旧}{color}，到现在也没个说法',
    '{village}村民担心浪溪河的污水渗到地下，{井水|自来水}{也有怪味|都不敢喝了}',
    '浪溪河{spot}{越来越臭|臭得越来越厉害}，{上游|附近}排污{的厂子|口}{到现在|至今}{没人管|还在排}',
  ],
  details: [
    '{村里|附近}{老人孩子多|有不少养殖户}，{大家都很担心|担心影响身体健康}',
    '河边的{麦田|菜地}都靠这条河浇水',
    '听说上游{有个厂|有企业}晚上偷偷排水',
    '{前几天|上周}已经打过电话反映，{没有下文|还没人来看}',
    '浪溪河下游治理工程{刚|才}{完工不久|花了大钱}，怎么又成了这样',
  ],
  asks: [
    '请{县生态环境局|环保部门}尽快查明污染源',
    '希望有关部门{尽快|马上}来{取样检测|现场看看}，给群众一个说法',
    '要求{严查|查处}偷排企业，{公开|公布}水质检测结果',
  ],
  questions: [
    '{听说|据说}浪溪河{孝直镇段|下游}水质出了问题，检测结果{出来了吗|什么时候公布}',
    '{想咨询一下|请问}浪溪河{孝直镇段|下游}的水{现在|目前}能不能用来浇地',
    '{请问|想问}浪溪河{spot}{的异味|发黑}{是什么原因|查清楚了没有}',
  ],
  notices: [
    '县生态环境局工作人员{今天|昨天}在浪溪河{spot}取水样{送检|检测}',
    '县生态环境局{通报|回应}浪溪河{孝直镇段|下游}水质问题：{已组织沿线企业排查|检测结果将及时公布}',
  ],
  positive: [
    '{县生态环境局|环保局}的人{当天|第二天}就来{取样|现场排查}了，{反应挺快|效率点赞}',
    '浪溪河{spot}{这两天|今天}{水清了不少|臭味小多了}，{感谢|谢谢}{有关部门|县里}{及时处理|重视}',
  ],
  openers: ['我是{village}的，', '家住孝直镇{village}，', '我家就在浪溪河边上，', '', ''],
  noticeTitles: ['浪溪河孝直镇段{河水发黑|现死鱼} {村民盼尽快治理|县生态环境局已介入}', '县生态环境局回应浪溪河水质问题', '浪溪河{水质异常|污染}{追踪|调查}'],
  news: {
    negative: [
      '{连日来|这几天}，浪溪河孝直镇段{河水发黑发臭|不时出现死鱼}，{沿岸|附近}村民{苦不堪言|反映强烈}。记者在{village}附近河段看到，{河面漂着白沫|岸边散落着死鱼}，{空气中弥漫着刺鼻气味|气味刺鼻}。{村民说|一位村民告诉记者}，{已经多次向有关部门反映|问题持续一周多了}。',
    ],
    neutral: [
      '{近日|日前}，{有|多名}群众反映浪溪河孝直镇段{河水发黑、有异味|出现水体发黑和死鱼现象}。记者{从县生态环境局了解到|联系县生态环境局获悉}，{执法人员已赶赴现场取样检测|已组织执法人员沿河排查}，{并对沿线企业排水口逐一排查|检测结果将及时向社会公布}。',
      '{针对|就}网友反映的浪溪河{孝直镇段|下游}水质问题，县生态环境局{回应称|表示}，{已对沿线{5|6|7}家企业开展排查|已完成水样采集送检}，{初步怀疑存在雨污混流|暂未发现企业直排行为}，{将持续跟踪|后续结果将及时公布}。',
    ],
    positive: ['{经过|通过}{连续|一周}{排查|整治}，浪溪河孝直镇段{水质明显好转|异味基本消除}。县生态环境局{通报|表示}，{已查处一家违法排污企业|偷排管道已被封堵}，{将|并将}{常态化|持续}开展水质监测。'],
  },
  responses: [
    '{三|五}天内{查清|查明}污染源并向社会公布',
    '已{责令|要求}相关企业停产整改，{同步|并}开展水质监测',
    '{立即|马上}组织{执法|专班}排查，{一周|七日}内给群众答复',
  ],
};

const WAGES: Matter = {
  key: 'wages',
  places: ['锦水街道'],
  unit: '县人社局',
  share: 0.07,
  tone: { negative: 0.85, neutral: 0.12, positive: 0.03 },
  profile: 'recent',
  channels: {
    hotline_12345: 0.25,
    supervision_hotline: 0.08,
    petition: 0.08,
    minsheng_line: 0.04,
    message_board: 0.08,
    weibo: 0.2,
    short_video: 0.14,
    wechat: 0.05,
    forum: 0.05,
    news: 0.03,
  },
  hashtags: ['#平阴#', '#讨薪#', '#锦水街道#', '#农民工工资#'],
  slots: {
    project: ['锦水街道安置房二期项目', '锦水街道安置房二期工地', '锦水街道的安置房二期'],
    gate: ['锦水街道安置房二期项目部门口', '锦水街道安置房二期工地门口', '安置房二期项目部门口'],
    months: ['三个月', '四个月', '小半年', '两个多月'],
    amount: ['三万多', '两万八', '四万多', '一万五', '两万多'],
    workers: ['二十多个', '三十多名', '几十个', '四十多个'],
    boss: ['包工头', '劳务分包老板', '分包方', '项目老板'],
    trade: ['钢筋工', '木工', '瓦工', '水电工', '架子工'],
  },
  titles: {
    negative: ['{project}拖欠{农民工|工人}工资', '{强烈|紧急}反映{project}欠薪问题', '{project}{工人|农民工}讨薪无门', '{project}{workers}工人工资被拖欠'],
    neutral: ['{欠薪|拖欠工资}{投诉|维权}渠道咨询'],
    positive: ['{project}欠薪问题{得到解决|已解决}'],
  },
  negative: [
    '在{project}干{trade}，{boss}拖欠工资{months}了，一共{amount}块钱',
    '{project}{boss}{拖欠|欠}{workers}工人工资{months}，{一直|总是}说{下个月|过完节}就发',
    '{project}的工人讨薪{无门|找不到人}，{boss}{电话不接|人跑了}',
    '{project}{拖欠农民工工资|欠薪}{months}，{工人们|大家}{家里等着钱用|孩子学费都交不上}',
  ],
  details: [
    '{找过|去过}项目部{好几次|多次}，{总包说钱已经拨给分包了|两边互相推}',
    '{马上|眼看}{要过年了|就到年底了}，{家里老人还等着钱看病|这钱再拿不到日子没法过}',
    '{合同|考勤记录}{都有|齐全}，{就是拿不到钱|可就是不给结}',
  ],
  asks: [
    '请{县人社局|劳动监察部门}{出面|介入}{协调|督促}发放工资',
    '希望政府帮{我们|这些}农民工{讨回|要回}血汗钱',
    '要求{总包单位|建设单位}{先行垫付|尽快结清}拖欠的工资',
  ],
  questions: ['{请问|想问}{project}拖欠工资的事{去哪里|找哪个部门}{反映|投诉}', '{请问|想咨询}农民工被拖欠工资{怎么|如何}申请劳动仲裁'],
  notices: ['县人社局{提醒|发布}：{农民工|劳动者}遇到欠薪可拨打{12345|劳动保障监察}热线{投诉|举报}', '县人社局{已|正}{约谈|督促}{project}总包单位{核实|处理}欠薪问题'],
  positive: ['{县人社局|劳动监察大队}{介入后|出面协调后}，{project}拖欠的工资{发下来了|已经结清了}，{感谢政府|谢谢县里}'],
  openers: ['我是{trade}，', '我们是外地来的农民工，', '我爸在{project}干活，', ''],
  noticeTitles: ['县人社局回应{project}欠薪问题', '{project}欠薪{调查|追踪}'],
  news: {
    neutral: [
      '{记者从|据}县人社局{获悉|了解到}，{针对|就}{群众|网友}反映的{project}拖欠农民工工资问题，{劳动保障监察大队已进驻项目|已约谈总包单位和劳务分包方}，{正在|逐一}核实{工人名单和欠薪金额|工资台账}，{督促|要求}{尽快|限期}足额支付。',
    ],
  },
  responses: ['{三日|五日}内{督促|责令}总包单位{足额|全额}垫付工资', '{已|现场}约谈{总包单位|建设单位}，{年底前|本周内}把工资发到工人手上'],
};

/** The burst: workers gather at the project office; posted within ten minutes by many people. */
const BURST_SAYS = [
  '{刚才|就在刚刚|今天}{workers}工人{聚集|围}在{gate}讨薪，{拉着横幅|举着牌子}，{场面|现场}{有点乱|很激动}',
  '{project}{workers}农民工{堵门|堵在项目部门口}讨要工资，{months}没发工资了，{谁来管管|太寒心了}',
  '{实拍|现场}：{project}{工人们|农民工}{聚集|集体}讨薪，{派出所民警|警察}{已经到了|到场维持秩序}',
  '{在现场|刚路过}，{gate}{围了好多人|全是讨薪的工人}，{听说|据说}{boss}{跑路了|联系不上}',
  '{project}{工人|农民工}{拉横幅|打横幅}讨薪，{干了|辛辛苦苦干了}{months}{一分钱没拿到|拿不到工资}，{太欺负人了|还有没有王法}',
];
/** How people who post in a burst feel about it. */
const BURST_OUTCRIES = ['太寒心了', '真是欺人太甚', '黑心老板太可恶了', '干活拿不到钱，太气人了', '农民工太难了，看着心酸', '这样欠薪太过分了', '拖欠血汗钱，太让人气愤了', '没人管吗？太糟心了'];
const BURST_CHANNELS: Partial<Record<MentionChannel, number>> = { weibo: 0.5, short_video: 0.25, wechat: 0.05, hotline_12345: 0.12, forum: 0.08 };

const LAND: Matter = {
  key: 'land',
  places: ['东阿镇'],
  unit: '县自然资源局',
  share: 0.09,
  tone: { negative: 0.75, neutral: 0.22, positive: 0.03 },
  profile: 'steady',
  channels: {
    petition: 0.18,
    supervision_hotline: 0.1,
    hotline_12345: 0.2,
    message_board: 0.15,
    tv_inquiry: 0.03,
    weibo: 0.12,
    forum: 0.1,
    wechat: 0.05,
    short_video: 0.05,
    news: 0.02,
  },
  hashtags: ['#平阴#', '#东阿镇#', '#征地补偿#'],
  slots: {
    village: ['前寨村', '北石硖村'],
    project: ['黄河休闲旅游景观带项目', '黄河休闲旅游景观带'],
    mu: ['三亩二分', '五亩', '两亩半', '四亩多'],
    price: ['每亩{三万|三万二|三万五}', '一亩地{三万|三万五}'],
  },
  titles: {
    negative: ['{village}征地补偿{标准不公开|款未到位}', '{反映|投诉}东阿镇{village}征地补偿问题', '{project}征地{补偿|程序}问题', '{village}征地{未批先占|补偿不公}'],
    neutral: ['{project}征地补偿{标准|政策}咨询'],
    positive: ['{village}征地补偿款已到位'],
  },
  negative: [
    '东阿镇{village}{为|因}{project}征地，{补偿标准|补偿款}{一直没有公开|比周边村低了一大截}',
    '{village}{家里|我家}{mu}地{被征了|被占了}，补偿款{到现在|拖了半年}{还没到账|一分没见到}',
    '{village}征地{青苗补偿|地上附着物补偿}{没给|算得太少}，{村里|村干部}{也说不清楚|不给解释}',
    '{village}征地补偿{price}，{和邻村差得太多|根本不够安置}，{村民|大家}{意见很大|都不认可}',
    '{village}{还没签协议|协议还没谈妥}施工队就{开始施工|推平了地}，村民{想不通|很气愤}',
  ],
  details: [
    '征地补偿{方案|安置方案}{从来没有公示过|没见公示}，{村民|大家}{都不知道|不清楚}钱是怎么算的',
    '{去镇上|找村里}问了{好几次|多次}，{都说在走程序|没人给个准话}',
    '{失地以后|地没了以后}一家老小的生活{没有着落|没了指望}',
  ],
  asks: [
    '请{县自然资源局|有关部门}{公开|公示}征地补偿标准和{批准文件|审批手续}',
    '{希望|要求}{尽快|按时}{足额|全额}发放补偿款',
    '请上级{调查|核实}{村里|村干部}{是否|有没有}截留补偿款',
  ],
  questions: ['{想咨询|请问}{project}征地{补偿标准|安置方案}{是多少|什么时候公示}', '{请问|想问}{village}征地的{批复文件|补偿方案}在哪里能查到'],
  notices: ['东阿镇{召开|组织}{project}征地{政策|补偿}{说明会|座谈会}，{village}{村民代表|群众}{参加|到场}'],
  positive: ['{village}的征地补偿款{已经|这周}{到账|打到卡上}了，{镇上|工作人员}{解释得很清楚|挺耐心}'],
  openers: ['我是东阿镇{village}村民，', '我们{village}的，', ''],
  noticeTitles: ['东阿镇召开{project}征地政策说明会', '{village}征地补偿{调查|追踪}'],
  news: {
    neutral: [
      '{为推进|围绕}{project}建设，东阿镇{近日|日前}在{village}{召开|组织}征地{政策宣讲|补偿说明}会，{县自然资源局工作人员|镇村干部}{现场|逐项}解读{补偿标准|安置政策}，{解答群众疑问|并公示补偿方案}。',
    ],
  },
  responses: ['{在村务公开栏|在县政府网站}{公开|公示}征地批复和补偿标准', '{一个月|30日}内{核查|核实}补偿款发放情况，{发现截留|有问题的}{严肃处理|一查到底}'],
};

const ENROLMENT: Matter = {
  key: 'enrolment',
  places: ['榆山街道', '锦水街道'],
  unit: '县教体局',
  share: 0.08,
  tone: { negative: 0.45, neutral: 0.5, positive: 0.05 },
  profile: 'steady',
  channels: { message_board: 0.25, hotline_12345: 0.25, wechat: 0.08, forum: 0.15, weibo: 0.12, minsheng_line: 0.05, news: 0.05, tv_inquiry: 0.03, short_video: 0.02 },
  hashtags: ['#平阴#', '#入学#', '#学区划分#'],
  slots: {
    compound: ['翠屏小区', '榆山花园', '锦水家园', '滨河新城'],
    school: ['县实验小学', '榆山街道中心小学', '锦水街道第二小学', '县第二实验小学'],
  },
  titles: {
    negative: ['{compound}学区划分{不合理|问题}', '{反映|关于}{school}{学区|招生范围}问题', '{school}学区划分{不公|不合理}'],
    neutral: ['{小学入学|一年级招生}{政策|学区}咨询', '{school}招生范围咨询'],
    positive: ['感谢县教体局{耐心|及时}答复'],
  },
  negative: [
    '{compound}{今年|这次}{被划出了|划不进}{school}学区，{离家只有几百米|就在小区对面}却要{去三公里外上学|跨街道上学}',
    '学区划分{方案|结果}{公布得太晚|临近报名才公布}，{家长们|我们}{根本来不及准备|措手不及}',
    '{compound}{房产证|户口}都在本片区，{school}却说{学位已满|不在招生范围}',
  ],
  details: [
    '孩子{今年九月|明年}{上一年级|该上小学了}',
    '每天接送{要穿过大半个县城|得绕好几条路}，{老人|爷爷奶奶}接送{太不方便|很危险}',
    '{问了学校|打电话到学校}，{让找教体局|说按划片来}',
  ],
  asks: ['请县教体局{公开|说明}学区划分的{依据|标准}', '希望{按就近入学原则|就近入学}{调整|重新考虑}{compound}的学区'],
  questions: [
    '{请问|想咨询}{今年|明年}{school}的招生{范围|学区}包括{compound}吗',
    '{想问一下|请问}一年级新生{入学报名|网上报名}{需要哪些材料|什么时间开始}',
    '{请问|想问}随迁子女在{榆山街道|锦水街道}{上小学|入学}需要{哪些手续|什么材料}',
  ],
  notices: ['县教体局{发布|公布}{今年|本年度}城区小学{学区划分|招生范围}{方案|，征求家长意见}'],
  positive: ['县教体局{回复得很详细|答复很及时}，{学区的事|入学问题}{说清楚了|心里有底了}，{点赞|谢谢}'],
  openers: ['我是{compound}的业主，', '作为一名家长，', '家住{compound}，', ''],
  noticeTitles: ['县教体局公布城区小学学区划分方案', '城区小学学区调整 {家长有疑问|部分小区划片变化}'],
  news: {
    neutral: [
      '{日前|近日}，县教体局{发布|公布}{城区义务教育学校招生划片方案|义务教育招生入学政策}，{明确|坚持}“{就近入学|相对就近}”原则，{对榆山街道、锦水街道部分新建小区学区作了调整|同时开通咨询电话}，家长可登录县政府网站查询。',
    ],
  },
  responses: ['{本周内|尽快}{公开|公布}学区划分依据，{对|就}{compound}的{诉求|问题}{逐一|专门}答复'],
};

const BUS: Matter = {
  key: 'bus',
  places: ['榆山街道'],
  unit: '县交运局',
  share: 0.05,
  tone: { negative: 0.6, neutral: 0.33, positive: 0.07 },
  profile: 'recent',
  channels: { hotline_12345: 0.3, message_board: 0.15, weibo: 0.15, wechat: 0.1, forum: 0.1, minsheng_line: 0.08, news: 0.05, short_video: 0.07 },
  hashtags: ['#平阴#', '#公交改线#'],
  slots: { route: ['3路', '城区3路公交', '3路公交车'], stop: ['县人民医院站', '老汽车站', '榆山路口站'] },
  titles: {
    negative: ['{route}改线{给老人就医带来不便|不合理}', '{建议|请求}{route}恢复{stop}'],
    neutral: ['{route}调整{时刻|线路}咨询'],
    positive: ['{route}新线路{方便|点赞}'],
  },
  negative: [
    '{route}{改线以后|调整线路后}不再经过{stop}，{老年人|老人}{去医院|看病}{得换乘两次|要多走一里多路}',
    '{route}{改道|调整}{没有提前公示|事先没征求意见}，在{stop}{等了半个多小时|白等了半天}',
    '{route}{现在|改线后}{班次太少|半小时一班}，{早上上班|学生上学}{根本挤不上|赶不上}',
  ],
  details: ['家里老人{每周|定期}{要去|得去}县人民医院{透析|复查}', '{站牌|线路图}{还没更新|还是旧的}，{好多人|不少老人}{不知道|走错站}'],
  asks: ['{建议|希望}{恢复|保留}{stop}', '请县交运局{增开|加密}{班次|一条支线}', '希望公交公司{重新考虑|优化}线路'],
  questions: ['{请问|想问}{route}调整后{首末班|发车}时间是几点', '{请问|想问}{route}{还经不经过|以后还停不停}{stop}'],
  notices: ['县交运局{发布|公告}：{route}自{下周一|本月起}{调整走向|优化线路}，{新增|途经}榆山街道{部分小区|两个新小区}'],
  positive: ['{route}{改线后|调整后}{离家近了|直达新小区}，{方便多了|点赞}'],
  openers: ['我住在榆山街道，', '我是天天坐{route}上班的，', ''],
  noticeTitles: ['关于{route}{线路调整|优化}的公告', '{route}改线 {老人就医不便|市民意见不一}'],
  responses: ['{一周内|尽快}{评估|研究}恢复{stop}，{高峰期|早晚}{加密班次|增开区间车}'],
};

const CANTEEN: Matter = {
  key: 'canteen',
  places: ['玫瑰镇', '榆山街道'],
  unit: '县民政局',
  share: 0.06,
  tone: { negative: 0.08, neutral: 0.22, positive: 0.7 },
  profile: 'steady',
  channels: { message_board: 0.15, hotline_12345: 0.08, weibo: 0.2, wechat: 0.15, news: 0.12, short_video: 0.15, forum: 0.05, minsheng_line: 0.1 },
  hashtags: ['#平阴#', '#长者食堂#', '#养老#'],
  slots: { canteen: ['玫瑰镇{敬老|长者}食堂', '榆山街道{社区|幸福}长者食堂', '玫瑰镇幸福院食堂'], price: ['3块钱', '5块钱', '4块钱'] },
  titles: {
    positive: ['{canteen}{暖人心|好评|给老人带来便利}', '为{canteen}点赞'],
    neutral: ['{长者食堂|老年食堂}就餐咨询'],
    negative: ['{canteen}{饭菜|服务}问题建议'],
  },
  positive: [
    '{canteen}{饭菜|伙食}{可口|不错}，{price}{两荤一素|三菜一汤}，{老人们|我们老两口}{天天去|很满意}',
    '{canteen}{开张|开业}以后，{我爸|村里老人}{再也不用|不用天天}{自己做饭|凑合吃}了，{给政府点赞|感谢政府}',
    '{canteen}{还给|能给}{行动不便的|八十岁以上}老人{送餐上门|送饭到家}，{真是|太}{暖心|贴心}了',
  ],
  questions: ['{请问|想问}{canteen}{外地老人能不能吃|怎么办就餐卡|几点开饭}'],
  notices: ['县民政局：{全县|今年}{已建成|新建}{长者食堂|老年食堂}{十余|20余}处，{推进|完善}“四级”养老服务网络'],
  negative: ['{canteen}{最近|这段时间}{饭菜变少了|价格涨了}，{希望|能不能}{保持|恢复}原来的标准', '{canteen}{只中午开门|晚上不开}，老人{吃晚饭还是不方便|晚饭没着落}'],
  openers: ['我今年七十多了，', '替家里老人说一句，', ''],
  noticeTitles: ['县民政局推进“四级”养老服务网络建设', '{canteen}：{price}吃上{热乎饭|暖心饭}'],
  news: {
    positive: [
      '{走进|在}{canteen}，{热气腾腾的饭菜|整齐的餐桌}{刚端上桌|已经摆好}，{老人们|几十位老人}{有说有笑|围坐在一起}。“{price}就能吃饱吃好，比自己做饭{强|省心}多了。”{一位|75岁的}老人告诉记者。{今年以来|近年来}，县民政局{大力推进|高标准建设}“四级”养老服务网络，{长者食堂|老年助餐点}已覆盖全县各镇街。',
    ],
  },
  responses: ['{继续|下一步}{扩大|增加}{送餐上门|助餐点}{覆盖范围|数量}'],
};

const PROPERTY: Matter = {
  key: 'property',
  places: ['锦水街道'],
  unit: '县住建局',
  share: 0.08,
  tone: { negative: 0.8, neutral: 0.15, positive: 0.05 },
  profile: 'steady',
  channels: { hotline_12345: 0.3, message_board: 0.15, weibo: 0.12, forum: 0.15, wechat: 0.05, minsheng_line: 0.08, supervision_hotline: 0.05, short_video: 0.07, tv_inquiry: 0.03 },
  hashtags: ['#平阴#', '#物业#', '#锦水街道#'],
  slots: { compound: ['锦水家园', '滨河新城', '锦绣华庭', '翠屏小区'], building: ['3号楼', '5号楼', '8号楼', '12号楼'] },
  titles: {
    negative: ['{compound}物业{服务差|乱收费}', '{compound}电梯{频繁故障|常坏}', '{投诉|反映}{compound}物业问题'],
    neutral: ['{更换物业|成立业委会}程序咨询'],
    positive: ['{compound}电梯问题解决了'],
  },
  negative: [
    '{compound}{building}电梯{三天两头|隔三差五}{坏|停运}，物业{维修不及时|一拖就是好几天}',
    '{compound}物业{未经业主大会|擅自}{上调|涨了}物业费，{服务却越来越差|楼道卫生没人管}',
    '{compound}{地下车库|小区里}{漏水|积水}{好几个月|很久}了，物业{推给开发商|不管不问}',
    '{compound}{垃圾|建筑垃圾}{堆在楼下|清运不及时}，{天一热|夏天}{臭气熏天|招蚊子}，物业{说没钱|不处理}',
    '{compound}物业{强制|变相}收取停车费，{不交就|还}{不让车进小区|锁车}',
  ],
  details: ['{找物业|打物业电话}{多次|好几次}，{没人接|总说马上来}', '业主群里大家{意见很大|都很气愤}', '{家里有老人|住在高层}，{电梯一坏|没电梯}{只能爬楼|出不了门}'],
  asks: ['请{县住建局|街道}{督促|监管}物业{整改|履行职责}', '{希望|要求}{公开|公示}物业费{收支|使用}明细', '{建议|希望}{更换|重新选聘}物业公司'],
  questions: ['{请问|想咨询}{compound}{更换物业|成立业委会}需要{什么程序|哪些手续}'],
  notices: ['锦水街道{组织|召开}{compound}{物业|业主}{协调会|恳谈会}，县住建局{参加|列席}'],
  positive: ['{compound}电梯{换新了|修好了}，物业{这次|终于}{办了件实事|挺给力}'],
  openers: ['我是{compound}的业主，', '住在{compound}{building}，', ''],
  responses: ['{督促|责令}物业{限期|一周内}整改，{并|同时}{公示|公开}物业费收支'],
};

const ROAD: Matter = {
  key: 'road',
  places: ['孔村镇', '洪范池镇'],
  unit: '县交运局',
  share: 0.06,
  tone: { negative: 0.6, neutral: 0.15, positive: 0.25 },
  profile: 'steady',
  toneProfile: { negative: 'early', positive: 'late' },
  channels: { hotline_12345: 0.28, message_board: 0.15, weibo: 0.12, short_video: 0.1, forum: 0.12, wechat: 0.08, minsheng_line: 0.07, news: 0.05, supervision_hotline: 0.03 },
  hashtags: ['#平阴#', '#孔村镇#', '#修路#'],
  slots: { road: ['孔村镇到县城的公路', '孔村至县城公路', '洪范池镇去云翠山的山路', '孔村镇{李沟村|王楼村}的村村通路'] },
  titles: {
    negative: ['{road}{坑洼严重|亟需维修}', '{road}{施工进度慢|迟迟不完工}'],
    neutral: ['{road}维修{进度|工期}咨询'],
    positive: ['{road}修好了', '为{road}{维修|整修}点赞'],
  },
  negative: [
    '{road}{坑洼不平|坑坑洼洼}，{一下雨|下雨天}{全是积水|根本看不清坑}',
    '{road}{修了|挖开}{一个多月|好几个月}还没{完工|修好}，{施工围挡|围挡}{占了半幅路|只留一条道}',
    '{road}{路面塌陷|有个大坑}，{昨晚|前几天}{有电动车摔倒|一辆车爆胎}',
  ],
  details: ['{孩子们|学生}{每天|天天}走这条路{上学|去镇上}', '{晚上|夜里}{没有路灯|也没有警示牌}，{太危险了|很容易出事}'],
  asks: ['请{县交运局|公路部门}{尽快|抓紧}{修补|维修}', '希望{设置警示标志|加快施工进度}'],
  questions: ['{请问|想问}{road}{什么时候|几月份}{能修好|完工通车}'],
  notices: ['县交运局：{road}{维修|大修}工程{已启动|进入路面施工阶段}，{预计|计划}{月底|下月中旬}{完工|通车}'],
  positive: [
    '{road}{修好了|重新铺了柏油}，{开车平稳多了|走着真舒服}，{点赞|给县交运局点赞}',
    '{road}{上的坑|塌陷的地方}{第二天就补上了|很快就修好了}，{效率真高|为效率点赞}',
  ],
  openers: ['我是附近的村民，', '天天跑这条路的司机说一句，', ''],
  noticeTitles: ['{road}{维修|大修}工程{启动|完工}'],
  responses: ['{本月底前|两周内}完成{路面修补|大修}，{施工期间|同时}{设置警示标志|安排专人值守}'],
};

/** Background chatter: small topics across the county. */
const BACKGROUND: Matter[] = [
  {
    key: 'tourism',
    places: ['玫瑰镇', '洪范池镇'],
    unit: '县文旅局',
    share: 0.05,
    tone: { negative: 0.12, neutral: 0.28, positive: 0.6 },
    profile: 'steady',
    channels: { weibo: 0.3, short_video: 0.3, wechat: 0.15, news: 0.1, forum: 0.1, message_board: 0.05 },
    hashtags: ['#平阴#', '#玫瑰湖湿地公园#', '#洪范池#', '#云翠山#'],
    slots: { spot: ['玫瑰湖湿地公园', '洪范池', '云翠山', '大寨山', '黄河休闲旅游景观带'] },
    titles: { positive: ['{spot}{美景|风景如画}'], neutral: ['{spot}{开放时间|门票}咨询'], negative: ['{spot}{停车难|厕所太少}'] },
    positive: ['{周末|今天}{去了|逛了}{spot}，{风景太美了|空气真好}，{推荐大家去|下次还来}', '{spot}{的芦苇荡|的泉水|的日落}{绝了|太治愈了}，{没想到|原来}家门口就有这么好的地方'],
    questions: ['{请问|想问}{spot}{要门票吗|几点开门|能不能自驾进去}'],
    notices: ['县文旅局{推出|发布}{spot}{秋季|周末}{游览|研学}线路', '{spot}{入选|获评}{省级|市级}{精品旅游线路|乡村旅游重点村}'],
    negative: ['{spot}{周末|节假日}{停车太难|车位太少}，{绕了半小时|根本找不到地方}', '{spot}{厕所太少|垃圾桶满了没人清}，{体验很差|希望改进}'],
  },
  {
    key: 'jobs',
    places: ['榆山街道', '平阴经济开发区'],
    unit: '县人社局',
    share: 0.03,
    tone: { negative: 0.15, neutral: 0.6, positive: 0.25 },
    profile: 'steady',
    channels: { wechat: 0.3, news: 0.2, message_board: 0.2, hotline_12345: 0.15, weibo: 0.15 },
    hashtags: ['#平阴#', '#乐业平阴#', '#招聘#'],
    slots: { company: ['开发区一家铸造企业', '开发区的机械厂', '一家食品加工企业'] },
    titles: { neutral: ['“乐业平阴”{招聘会|岗位信息}', '{就业|求职}政策咨询'], positive: ['在“乐业平阴”找到了工作'], negative: ['{company}{招聘|用工}问题'] },
    notices: ['“乐业平阴”{本周|周六}{举办|推出}{专场招聘会|线上招聘}，{提供|发布}岗位{一千余|六百多}个', '县人社局{开展|举办}“齐鲁智能铸造工匠”{技能培训|劳务品牌}{报名|招生}'],
    questions: ['{请问|想咨询}{高校毕业生|退役军人}{创业补贴|就业补贴}{怎么申请|需要什么条件}', '{请问|想问}“乐业平阴”{平台|小程序}{在哪里注册|怎么投简历}'],
    positive: ['{通过|在}“乐业平阴”{找到了|应聘上了}{company}的工作，{离家近|待遇不错}，{挺满意|谢谢}'],
    negative: ['{company}{招聘时说|承诺}{包吃住|五险一金}，{入职后|干了一个月}{都没兑现|全变了}'],
  },
  {
    key: 'insurance',
    places: ['榆山街道', '安城镇'],
    unit: '县医保局',
    share: 0.03,
    tone: { negative: 0.35, neutral: 0.6, positive: 0.05 },
    profile: 'steady',
    channels: { hotline_12345: 0.45, message_board: 0.3, minsheng_line: 0.1, wechat: 0.1, forum: 0.05 },
    hashtags: ['#平阴#', '#医保#'],
    slots: {},
    titles: { neutral: ['{医保|异地就医}报销咨询', '城乡居民医保{缴费|参保}咨询'], negative: ['医保报销{手续繁琐|太慢}'], positive: ['医保{异地备案|报销}办理{便捷|点赞}'] },
    questions: ['{请问|想咨询}{在济南住院|异地就医}的{医保|医疗费}{怎么报销|需要备案吗}', '{请问|想问}{城乡居民医保|明年的医保}{什么时候|在哪里}缴费'],
    notices: ['县医保局提醒：{城乡居民医保|明年度居民医保}{集中缴费|参保登记}{已开始|截至月底}'],
    negative: ['{医保报销|住院报销}{材料|手续}{来回跑了三趟|太繁琐}，{还没办下来|窗口说缺材料}'],
    positive: ['{医保|异地备案}{在手机上|网上}{就办好了|几分钟办完}，{方便|省事}'],
  },
  {
    key: 'service-hall',
    places: ['榆山街道'],
    unit: '县行政审批服务局',
    share: 0.03,
    tone: { negative: 0.35, neutral: 0.2, positive: 0.45 },
    profile: 'steady',
    channels: { message_board: 0.3, hotline_12345: 0.25, weibo: 0.25, wechat: 0.1, forum: 0.1 },
    hashtags: ['#平阴#', '#政务服务#'],
    slots: {},
    titles: { positive: ['为县政务服务大厅点赞'], negative: ['政务服务大厅{排队时间长|窗口少}'], neutral: ['{营业执照|不动产登记}办理咨询'] },
    positive: ['{在|去}县政务服务大厅办{营业执照|不动产证}，{一次就办好了|不到半小时}，{工作人员很热情|服务真好}'],
    negative: ['县政务服务大厅{不动产登记|社保}窗口{排队|等了}{两个多小时|一上午}，{就开两个窗口|人太多}'],
    questions: ['{请问|想咨询}{个体户营业执照|二手房过户}{需要哪些材料|能不能网上办}'],
    notices: ['县行政审批服务局{推出|上线}“{一件事一次办|帮办代办}”服务'],
  },
  {
    key: 'streetlights',
    places: ['榆山街道', '锦水街道'],
    unit: '县城管局',
    share: 0.025,
    tone: { negative: 0.85, neutral: 0.1, positive: 0.05 },
    profile: 'steady',
    channels: { hotline_12345: 0.6, message_board: 0.25, weibo: 0.1, forum: 0.05 },
    hashtags: ['#平阴#'],
    slots: { street: ['青龙路', '榆山路', '锦水路', '东关街'] },
    titles: { negative: ['{street}路灯{不亮|损坏}'], neutral: ['路灯维修{报修|咨询}'], positive: ['{street}路灯修好了'] },
    negative: ['{street}{一段|靠近学校那段}路灯{坏了|不亮}{半个多月|好几天}，{晚上黑乎乎的|行人走路不安全}'],
    questions: ['{请问|想问}路灯坏了{找哪个部门|打什么电话}报修'],
    positive: ['{street}的路灯{第二天|很快}就修好了，{谢谢|感谢}城管'],
  },
  {
    key: 'food-safety',
    places: ['锦水街道', '孝直镇'],
    unit: '县市场监管局',
    share: 0.025,
    tone: { negative: 0.85, neutral: 0.12, positive: 0.03 },
    profile: 'steady',
    channels: { hotline_12345: 0.5, weibo: 0.2, message_board: 0.15, short_video: 0.1, forum: 0.05 },
    hashtags: ['#平阴#', '#食品安全#'],
    slots: { shop: ['{锦水街道|孝直镇}一家{烧烤店|早餐店|超市}', '{学校门口|菜市场里}的{小吃摊|熟食店}'] },
    titles: { negative: ['{shop}{卫生差|卖过期食品}'], neutral: ['食品安全{投诉|举报}咨询'], positive: ['为市场监管{执法人员|部门}点赞'] },
    negative: ['{shop}{卖过期食品|卫生太差}，{买的牛奶过期了|后厨苍蝇乱飞}', '在{shop}{吃完|买了东西吃了}{拉肚子|肚子疼}，{怀疑|感觉}{食材不新鲜|东西有问题}'],
    questions: ['{请问|想问}{食品安全|过期食品}{投诉|举报}{打什么电话|找哪个部门}'],
    positive: ['{市场监管局|执法人员}{很快|第二天}就来检查了，{处理得很认真|点赞}'],
  },
  {
    key: 'noise',
    places: ['榆山街道'],
    unit: '榆山街道',
    share: 0.02,
    tone: { negative: 0.9, neutral: 0.1, positive: 0 },
    profile: 'steady',
    channels: { hotline_12345: 0.6, forum: 0.2, message_board: 0.1, weibo: 0.1 },
    hashtags: ['#平阴#'],
    slots: { where: ['榆山广场', '翠屏小区门口的广场', '青龙路小游园'] },
    titles: { negative: ['{where}{广场舞|音响}噪音扰民'] },
    negative: ['{where}{广场舞|音响}{每天|天天}{放到晚上十点|声音特别大}，{孩子没法写作业|老人睡不着觉}'],
    questions: ['{请问|想问}广场舞噪音{归哪个部门管|能不能限制音量}'],
  },
  {
    key: 'heating',
    places: ['锦水街道', '榆山街道'],
    unit: '县住建局',
    share: 0.03,
    tone: { negative: 0.75, neutral: 0.22, positive: 0.03 },
    profile: 'steady',
    channels: { hotline_12345: 0.45, message_board: 0.2, weibo: 0.15, forum: 0.1, minsheng_line: 0.1 },
    hashtags: ['#平阴#', '#供暖#'],
    slots: { compound: ['锦水家园', '滨河新城', '榆山花园'], temp: ['十四五度', '不到十六度', '十二度'] },
    titles: { negative: ['{compound}暖气不热'], neutral: ['供暖{缴费|开栓}咨询'], positive: ['{compound}暖气热了'] },
    negative: ['{compound}暖气{不热|温度上不来}，屋里{只有|才}{temp}，{老人孩子冻得感冒了|穿着棉袄在家}'],
    questions: ['{请问|想问}{今年|这个冬天}供暖{什么时候开始|缴费截止到哪天}'],
    notices: ['{县住建局|供热公司}：{城区|全县}集中供热{已|将}{按时|提前}{开栓|升温}'],
    positive: ['{供热公司|维修师傅}{上门|当天}{排了气|检修}，暖气{热了|终于热乎了}'],
  },
  {
    key: 'tutoring',
    places: ['榆山街道', '锦水街道'],
    unit: '县教体局',
    share: 0.02,
    tone: { negative: 0.8, neutral: 0.2, positive: 0 },
    profile: 'steady',
    channels: { hotline_12345: 0.5, message_board: 0.3, forum: 0.1, weibo: 0.1 },
    hashtags: ['#平阴#', '#双减#'],
    slots: {},
    titles: { negative: ['校外培训机构{违规收费|退费难}'], neutral: ['校外培训机构资质查询'] },
    negative: ['{榆山街道|锦水街道}一家校外培训机构{一次收了一年的学费|预收费用超标}，{现在|如今}{关门了|联系不上}，{退费没人管|钱要不回来}'],
    questions: ['{请问|想问}{怎么查|在哪里查}校外培训机构{有没有办学资质|是否备案}'],
  },
  {
    key: 'water-outage',
    places: ['洪范池镇', '安城镇'],
    unit: '县水务局',
    share: 0.025,
    tone: { negative: 0.6, neutral: 0.38, positive: 0.02 },
    profile: 'steady',
    channels: { hotline_12345: 0.45, wechat: 0.2, weibo: 0.15, message_board: 0.1, forum: 0.1 },
    hashtags: ['#平阴#', '#停水#'],
    slots: { village: ['西峪村', '张山村', '{洪范池镇|安城镇}驻地'] },
    titles: { negative: ['{village}{停水|水压低}'], neutral: ['{洪范池镇|安城镇}停水{通知|咨询}'], positive: ['{village}{恢复供水|来水了}'] },
    negative: ['{village}{停水|没水}{一天多了|两天了}，{事先没通知|也没人说什么时候来水}', '{village}{自来水|水压}{太低|时有时无}，{楼上|二楼以上}{根本上不去水|用不了热水器}'],
    questions: ['{请问|想问}{village}{什么时候来水|停水到几点}'],
    notices: ['县水务局：{因管网检修|因设备维护}，{洪范池镇|安城镇}部分区域{明日|本周六}{停水|降压供水}{一天|8小时}'],
    positive: ['{village}{来水了|水压恢复了}，{谢谢|感谢}{水务局|维修师傅}{连夜抢修|及时处理}'],
  },
  {
    key: 'assistance',
    places: ['安城镇', '孝直镇'],
    unit: '县民政局',
    share: 0.02,
    tone: { negative: 0.3, neutral: 0.65, positive: 0.05 },
    profile: 'steady',
    channels: { hotline_12345: 0.5, message_board: 0.3, minsheng_line: 0.1, petition: 0.1 },
    hashtags: ['#平阴#'],
    slots: {},
    titles: { neutral: ['{低保|临时救助}申请咨询'], negative: ['{低保|救助}申请问题'], positive: ['感谢镇民政办{帮助|及时救助}'] },
    questions: ['{请问|想咨询}{家里老人|残疾人}{申请低保|申请临时救助}需要{什么条件|哪些材料}'],
    negative: ['{家里|我家}{条件困难|老人常年生病}，{申请低保|申请救助}{被村里卡着|一直没批下来}，{不知道原因|也没人解释}'],
    positive: ['{镇上|民政办}{帮着|很快}办好了{临时救助|低保}，{解了燃眉之急|很感谢}'],
  },
  {
    key: 'chatter',
    places: ['榆山街道', '锦水街道', '玫瑰镇'],
    unit: '县政府办公室',
    share: 0.03,
    tone: { negative: 0.2, neutral: 0.5, positive: 0.3 },
    profile: 'steady',
    channels: { weibo: 0.45, short_video: 0.25, forum: 0.2, wechat: 0.1 },
    hashtags: ['#平阴#', '#平阴生活#'],
    slots: {},
    titles: { neutral: ['平阴{今天|这周}{天气|生活}'], positive: ['平阴{美食|小城}'], negative: ['{县城|小区}{堵车|停车难}'] },
    notices: ['{平阴今天|这几天}{降温了|有雾}，{出门|开车}{注意|小心}', '{县图书馆|县文化馆}{本周末|周六}{举办|有}{读书会|公益讲座}'],
    questions: ['{有没有|求推荐}平阴{好吃的|靠谱的}{早餐店|驾校|装修公司}'],
    positive: ['{平阴的|家乡的}{玫瑰|阿胶|煎饼}{真是一绝|永远的心头好}', '{在外地|出门}{多年|几年}，{这次|回来}{发现|看到}平阴{变化真大|越来越好了}'],
    negative: ['{早高峰|放学时}{榆山路|青龙路}{堵得动不了|堵成停车场}', '{小区里|路边}{乱停车|占道停车}{太多了|没人管}'],
  },
];

const MATTERS: Matter[] = [RIVER, WAGES, LAND, ENROLMENT, BUS, CANTEEN, PROPERTY, ROAD, ...BACKGROUND];

// ── Shared wording ───────────────────────────────────────────────────────────────────────

const GENERIC_ASKS = ['希望有关部门{尽快|抓紧}处理', '请相关部门{管一管|重视一下}', '{盼|望}{早日|尽快}解决'];
const GENERIC_DETAILS = ['{反映过|打过电话}{好几次|不止一次}了，{一直没解决|没人管}', '{周围|附近}{邻居|居民}{都有意见|意见很大}'];
const GENERIC_RESPONSES = ['{尽快|第一时间}{安排人员|派人}{现场核实|到现场查看}，{三日内|及时}{答复|反馈}'];
const NEUTRAL_CLOSERS = ['请{给予|予以}答复', '{谢谢|麻烦}{解答|回复}', ''];
const POSITIVE_CLOSERS = ['点赞', '{谢谢|感谢}{政府|有关部门}', '为{平阴|县里}点赞', '{希望|但愿}{一直|能}保持下去'];
const NEG_EMOJI = ['[怒]', '[生气]', '[泪]', '[无语]', '[哼]', '', ''];
const POS_EMOJI = ['[赞]', '[心]', '[哈哈]', '[good]', ''];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '曹', '许', '邓', '冯'];
const PHONE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '176', '177', '180', '181', '183', '186', '187', '188', '189', '199'];
const NICK_HEADS = ['平阴', '榆山', '锦水', '玫瑰', '东阿', '孝直', '洪范池', '孔村', '安城', '翠屏山', '浪溪河边的', '济西', '黄河边的', '小城'];
const NICK_TAILS = ['小王子', '的猫', '老李', '闲人', '阿强', '二丫', '打工人', '宝妈', '吃货', '骑行者', '观察员', '搬砖人', '老司机', '小太阳', '追风少年', '大刚', '阿珍', '胖虎', '一棵树', '守望者', '拍客', '老张', '小鱼', '土著', '青年', '大叔'];
const NEWS_OUTLETS = ['平阴融媒', '平阴县融媒体中心', '济南日报', '齐鲁晚报·齐鲁壹点', '大众网·济南', '济南时报·新黄河', '舜网'];
const REPORTERS = ['王晓', '李娜', '张磊', '刘洋', '陈静', '赵鹏'];
const WECHAT_ACCOUNTS = ['平阴生活圈', '平阴头条', '掌上平阴', '平阴微生活', '平阴同城', '济南身边事'];
const WECHAT_OFFICIAL = '平阴发布';
const TV_PROGRAM = '电视问政《问政平阴》';

const MEDIA: readonly MentionChannel[] = ['news', 'weibo', 'wechat', 'short_video', 'forum'];
const HOTLINES: readonly MentionChannel[] = ['hotline_12345', 'minsheng_line', 'supervision_hotline', 'petition', 'tv_inquiry'];
/** Channels that rarely carry a given tone (petitions are complaints; the news reports). */
const TONE_FACTOR: Partial<Record<MentionChannel, Record<Tone, number>>> = {
  petition: { negative: 1, neutral: 0.3, positive: 0 },
  supervision_hotline: { negative: 1, neutral: 0.3, positive: 0.05 },
  tv_inquiry: { negative: 1, neutral: 0.5, positive: 0.1 },
  news: { negative: 0.5, neutral: 1.5, positive: 1 },
  wechat: { negative: 0.7, neutral: 1.2, positive: 1.2 },
};

// ── Randomness ───────────────────────────────────────────────────────────────────────────

/** mulberry32: a small, fast, seeded PRNG (0 ≤ x < 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<K extends string>(weights: Partial<Record<K, number>>): K {
    const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0);
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  /** exp(mu + sigma·z), z standard normal (Box–Muller). */
  logNormal(mu: number, sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    return Math.exp(mu + sigma * z);
  }
}

/**
 * Fills `{a|b|c}` with one of the alternatives and `{name}` with a value of the slot; a slot
 * keeps its first value within one text (`memo`), so a village is the same village throughout.
 */
function fill(template: string, slots: Record<string, string[]>, dice: Dice, memo: Map<string, string>): string {
  let text = template;
  for (let pass = 0; pass < 5 && text.includes('{'); pass++) {
    text = text.replace(/\{([^{}]*)\}/g, (_, body: string) => {
      if (body.includes('|')) return dice.pick(body.split('|'));
      const values = slots[body];
      if (!values) return body;
      let value = memo.get(body);
      if (value === undefined) {
        value = fill(dice.pick(values), slots, dice, memo);
        memo.set(body, value);
      }
      return value;
    });
  }
  return text;
}

/** Sentences joined, each ending in punctuation (。 unless it has its own). */
function sentences(...parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/[。！？!?…~”）)]$/.test(p) ? p : `${p}。`))
    .join('');
}

// ── Time ─────────────────────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

function chinaHour(ms: number): number {
  return Math.floor((((ms + CHINA) % DAY) + DAY) % DAY / HOUR);
}

/** ISO 8601 in China time, to the second. */
function chinaIso(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + CHINA);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}+08:00`;
}

function chinaDay(ms: number): string {
  return chinaIso(ms).slice(0, 10).replace(/-/g, '');
}

/** A moment for a profile within [start, end], and its progress (0 … 1) in the matter's own span. */
function sampleTime(profile: Profile, start: number, end: number, dice: Dice): { ms: number; progress: number } {
  const span = end - start;
  const within = (from: number, u: number): { ms: number; progress: number } => ({ ms: from + u * (end - from), progress: u });
  switch (profile) {
    case 'growing': // the last week, denser towards the end
      return within(Math.max(start, end - 7 * DAY), Math.cbrt(dice.next()));
    case 'recent': // the last three days, denser towards the end
      return within(Math.max(start, end - 3 * DAY), Math.sqrt(dice.next()));
    case 'early': {
      const u = dice.next() * 0.65;
      return { ms: start + u * span, progress: u };
    }
    case 'late': {
      const u = 0.55 + dice.next() * 0.45;
      return { ms: start + u * span, progress: u };
    }
    default: {
      const u = dice.next();
      return { ms: start + u * span, progress: u };
    }
  }
}

/** Hotlines are answered by day; people post by day and in the evening. */
function plausibleHour(channel: MentionChannel, ms: number): boolean {
  const h = chinaHour(ms);
  if (HOTLINES.includes(channel) || channel === 'message_board' || channel === 'news') return h >= 8 && h < 21;
  return h >= 7 || h < 1;
}

// ── Who speaks ───────────────────────────────────────────────────────────────────────────

function maskedPhone(dice: Dice): string {
  return `${dice.pick(PHONE_PREFIXES)}****${dice.digits(4)}`;
}

function nickname(dice: Dice): string {
  const tail = dice.pick(['', '', '', `_${dice.digits(2)}`, dice.digits(3), 'vlog', '呀', `${dice.int(1980, 2005)}`]);
  return `${dice.pick(NICK_HEADS)}${dice.pick(NICK_TAILS)}${tail}`;
}

function author(channel: MentionChannel, tone: Tone, dice: Dice): string {
  switch (channel) {
    case 'hotline_12345':
      return maskedPhone(dice);
    case 'minsheng_line':
    case 'supervision_hotline':
      return `${dice.pick(SURNAMES)}${dice.pick(['先生', '女士'])}（${maskedPhone(dice)}）`;
    case 'petition':
      return dice.chance(0.2) ? `${dice.pick(SURNAMES)}某等${dice.int(3, 15)}人` : `${dice.pick(SURNAMES)}某某`;
    case 'tv_inquiry':
      return TV_PROGRAM;
    case 'message_board':
      return dice.chance(0.6) ? `U${dice.digits(8)}` : nickname(dice);
    case 'news':
      return dice.chance(0.5) ? `${dice.pick(NEWS_OUTLETS)} 记者 ${dice.pick(REPORTERS)}` : dice.pick(NEWS_OUTLETS);
    case 'wechat':
      return tone !== 'negative' && dice.chance(0.3) ? WECHAT_OFFICIAL : dice.pick(WECHAT_ACCOUNTS);
    default:
      return nickname(dice);
  }
}

type Reach = NonNullable<MentionInput['reach']>;

function reachOf(channel: MentionChannel, dice: Dice, boost = 1): Reach | undefined {
  const r = (x: number): number => Math.max(0, Math.round(x));
  switch (channel) {
    case 'weibo': {
      const likes = r(dice.logNormal(2.2, 1.4) * boost);
      return { likes, reposts: r(likes * (0.05 + dice.next() * 0.6)), comments: r(likes * (0.1 + dice.next() * 0.7)) };
    }
    case 'short_video': {
      const views = r(dice.logNormal(7.5, 1.5) * boost);
      const likes = r(views * (0.02 + dice.next() * 0.06));
      return { views, likes, comments: r(likes * (0.05 + dice.next() * 0.25)), reposts: r(likes * (0.02 + dice.next() * 0.2)) };
    }
    case 'wechat': {
      const views = Math.min(100_000, r(dice.logNormal(7, 1.2) * boost));
      return { views, likes: r(views * (0.005 + dice.next() * 0.03)) };
    }
    case 'news': {
      const views = r(dice.logNormal(7.5, 1) * boost);
      return { views, comments: r(views * dice.next() * 0.01) };
    }
    case 'forum': {
      const views = r(dice.logNormal(5.5, 1) * boost);
      return { views, comments: r(Math.min(views, dice.logNormal(1.5, 1))) };
    }
    default:
      return undefined;
  }
}

// ── What is said, by channel ─────────────────────────────────────────────────────────────

interface Draft {
  ms: number;
  channel: MentionChannel;
  title?: string;
  content: string;
  author: string;
  reach?: Reach;
  place?: string;
  /** the matter, to pick reposts within it */
  matter: string;
}

/** A question without its 请问/想咨询, for records that already say 咨询. */
function bare(question: string): string {
  return question.replace(/^(想咨询一下|想咨询|想问一下|想问|请问)/, '');
}

/**
 * One mention's title and text in the channel's own wording. `speaker` is the author as the
 * text names them (Minsheng Line's 王先生).
 */
function compose(channel: MentionChannel, tone: Tone, matter: Matter, progress: number, speaker: string, dice: Dice): { title?: string; content: string } {
  const memo = new Map<string, string>();
  const f = (t: string | undefined): string => (t ? fill(t, matter.slots, dice, memo) : '');
  const pickOf = (list: string[] | undefined): string | undefined => (list && list.length > 0 ? dice.pick(list) : undefined);
  const lateNegative = progress > 0.55 && matter.negativeLate && dice.chance(0.6) ? matter.negativeLate : undefined;
  const complaint = f(pickOf(lateNegative ?? matter.negative) ?? pickOf(GENERIC_ASKS));
  const question = f(pickOf(matter.questions) ?? pickOf(matter.notices) ?? complaint);
  const notice = f(pickOf(matter.notices) ?? pickOf(matter.questions) ?? complaint);
  const praise = f(pickOf(matter.positive) ?? pickOf(matter.notices) ?? complaint);
  const detail = dice.chance(0.7) ? f(pickOf(matter.details) ?? pickOf(GENERIC_DETAILS)) : '';
  const ask = f(pickOf(matter.asks) ?? pickOf(GENERIC_ASKS));
  const opener = f(pickOf(matter.openers) ?? '');
  const response = f(pickOf(matter.responses) ?? pickOf(GENERIC_RESPONSES));
  const official = channel === 'news' || (channel === 'wechat' && tone !== 'negative');
  const titles = (official ? matter.noticeTitles : undefined) ?? matter.titles[tone] ?? matter.titles.neutral ?? matter.titles.negative ?? matter.titles.positive ?? [];
  const title = f(pickOf(titles) ?? '') || undefined;
  const place = f(pickOf(matter.places));
  const tags = dice.chance(0.7) ? ` ${matter.hashtags.filter((_, i) => i === 0 || dice.chance(0.5)).join(' ')}` : '';
  const emoji = tone === 'negative' ? dice.pick(NEG_EMOJI) : tone === 'positive' ? dice.pick(POS_EMOJI) : '';

  switch (channel) {
    case 'hotline_12345': {
      const label = dice.pick(['来电人反映：', '市民来电反映：', '来电反映：', '市民反映：']);
      if (tone === 'negative') return { title, content: sentences(`${label}${complaint}`, detail, `${dice.pick(['诉求：', '来电人诉求：', '来电诉求：'])}${ask}`) };
      if (tone === 'neutral') return { title, content: sentences(`${dice.pick(['来电人咨询：', '市民来电咨询：'])}${bare(question)}？`, f(dice.pick(NEUTRAL_CLOSERS))) };
      return { title, content: sentences(`${dice.pick(['来电人表示：', '市民来电表扬：'])}${praise}`, dice.pick(['特来电表示感谢', '希望转达谢意', ''])) };
    }
    case 'minsheng_line': {
      const head = `${dice.pick(['《民声连线》直播中，', '《民声连线》节目热线里，'])}${place}${dice.pick(['听众', '市民'])}${speaker}`;
      const answer = dice.chance(0.6) ? `${matter.unit}${dice.pick(['负责人', '工作人员'])}在线答复：${response}` : '';
      if (tone === 'negative') return { title, content: sentences(`${head}反映：${complaint}`, detail, ask, answer) };
      if (tone === 'neutral') {
        return { title, content: sentences(`${head}咨询：${bare(question)}？`, `${matter.unit}工作人员在线${dice.pick(['解答了相关政策', '作了解答', '介绍了办理流程'])}`) };
      }
      return { title, content: sentences(`${head}表示：${praise}`) };
    }
    case 'supervision_hotline': {
      if (tone === 'positive') return { title, content: sentences(`来电人表扬：${praise}`) };
      if (tone === 'neutral') return { title, content: sentences(`来电人询问：${bare(question)}？`, `来电人认为相关部门${dice.pick(['答复不够清楚', '信息公开不及时'])}`) };
      return {
        title,
        content: sentences(`来电人反映：${complaint}`, detail, `来电人认为${matter.unit}${dice.pick(['处理不及时', '推诿扯皮', '答复敷衍', '迟迟不作为'])}`, ask),
      };
    }
    case 'tv_inquiry': {
      const head = dice.pick(['《问政平阴》暗访短片显示：', '《问政平阴》现场，市民代表反映：', '《问政平阴》记者调查发现：']);
      const t = title ? `问政平阴：${title}` : undefined;
      if (tone === 'positive') return { title: t, content: sentences(`《问政平阴》回访：${praise}`) };
      if (tone === 'neutral') return { title: t, content: sentences(`《问政平阴》市民代表提问：${question}？`, `${matter.unit}负责人答复：${response}`) };
      return {
        title: t,
        content: sentences(`${head}${complaint}`, detail, `主持人追问：${dice.pick(['问题为什么迟迟得不到解决？', '群众反映多次，为什么没有回音？', '什么时候能给群众一个交代？'])}`, `${matter.unit}负责人表态：${response}`),
      };
    }
    case 'petition': {
      if (tone === 'neutral') return { title, content: sentences(`信访人${dice.pick(['咨询', '询问'])}：${bare(question)}？`) };
      return { title, content: sentences(`信访人${dice.pick(['反映', '称'])}：${complaint}`, detail, ask) };
    }
    case 'message_board': {
      const greet = dice.pick(['尊敬的领导：您好！', '领导您好！', '您好！', '']);
      const bye = dice.pick(/[望盼]/.test(ask) ? ['谢谢！', ''] : ['谢谢！', '盼复。', '望尽快答复，谢谢！', '']);
      if (tone === 'negative') return { title, content: sentences(`${greet}${opener}${complaint}`, detail, ask, bye) };
      if (tone === 'neutral') return { title, content: sentences(`${greet}${opener}${question}？`, dice.pick(['谢谢！', '盼复。', '望尽快答复，谢谢！', ''])) };
      return { title, content: sentences(`${greet}${opener}${praise}`, f(dice.pick(POSITIVE_CLOSERS))) };
    }
    case 'news': {
      const paragraph = f(pickOf(matter.news?.[tone]) ?? pickOf(matter.news?.neutral));
      if (paragraph) return { title, content: paragraph };
      const lead = dice.pick(['近日，', '日前，', '连日来，']);
      if (tone === 'positive') return { title, content: sentences(`${lead}${praise}`, `${matter.unit}表示，${response}`) };
      if (tone === 'neutral') return { title, content: sentences(`${lead}${notice}`, `${matter.unit}表示，${response}`) };
      return { title, content: sentences(`${lead}有群众反映${complaint}`, detail, `记者联系了${matter.unit}，对方表示${response}`) };
    }
    case 'weibo': {
      const at = tone === 'negative' && dice.chance(0.25) ? `@${WECHAT_OFFICIAL} ` : '';
      if (tone === 'negative') {
        if (dice.chance(0.35)) return { content: `${at}${complaint}！${emoji}${tags}` };
        return { content: `${at}${opener}${complaint}${detail ? `，${detail}` : ''}！${ask}！${emoji}${tags}` };
      }
      if (tone === 'neutral') return { content: `${dice.chance(0.5) ? `${question}？` : `${notice}。`}${tags}` };
      return { content: `${opener}${praise}！${emoji}${tags}` };
    }
    case 'wechat': {
      if (tone === 'negative') {
        return {
          title,
          content: sentences(
            `${dice.pick(['据网友爆料，', '有读者向小编反映，', '近日，有粉丝留言，'])}${complaint}`,
            detail,
            `${dice.pick(['小编联系了', '记者致电'])}${matter.unit}，${dice.pick(['对方表示已经关注到此事', '工作人员称会尽快核实处理'])}`,
            dice.pick(['大家怎么看？欢迎留言。', '后续进展我们将持续关注。']),
          ),
        };
      }
      if (tone === 'neutral') return { title, content: sentences(f(pickOf(matter.news?.neutral)) || notice) };
      return { title, content: sentences(`${dice.pick(['好消息！', '暖心！', ''])}${praise}`, f(dice.pick(POSITIVE_CLOSERS))) };
    }
    case 'short_video': {
      if (tone === 'negative') return { content: `${complaint}${dice.pick(['！', '…', '，谁来管管？', '，太离谱了！'])}${tags}` };
      if (tone === 'neutral') return { content: `${question}？${tags}` };
      return { content: `${praise}！${emoji}${tags}` };
    }
    case 'forum': {
      if (tone === 'negative') return { title, content: sentences(`${opener}${complaint}`, detail, ask, dice.pick(['有同样情况的吗？', '大家怎么看？', '顶起来让更多人看到！', ''])) };
      if (tone === 'neutral') return { title, content: sentences(`${opener}${question}？`, dice.pick(['知道的说一下，谢谢！', '求解答。', ''])) };
      return { title, content: sentences(`${opener}${praise}`, f(dice.pick(POSITIVE_CLOSERS))) };
    }
  }
}

// ── Generation ───────────────────────────────────────────────────────────────────────────

/** How many of `count` the burst takes. */
function burstSize(count: number): number {
  return count >= 120 ? 36 + Math.min(10, Math.floor(count / 100)) : Math.floor(count / 4);
}

/** Largest-remainder split of `total` by weights. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

/**
 * `count` demo mentions over the `days` before `now`, sorted by `publishedAt`, each valid
 * against `mentionInputSchema`. Deterministic for the same options.
 */
export function generateDemoMentions(options: DemoMentionOptions): MentionInput[] {
  const count = Math.max(0, Math.floor(options.count));
  if (count === 0) return [];
  const dice = new Dice(prng(options.seed));
  const end = Math.floor(options.now.getTime() / 1000) * 1000;
  if (!Number.isFinite(end)) throw new Error('generateDemoMentions: `now` is not a valid date');
  const start = end - Math.max(1 / 24, options.days) * DAY;

  const drafts: Draft[] = [];
  const burst = burstSize(count);
  const perMatter = apportion(count - burst, MATTERS.map((m) => m.share));

  MATTERS.forEach((matter, index) => {
    const n = perMatter[index]!;
    const planned: { ms: number; progress: number; tone: Tone; channel: MentionChannel }[] = [];
    for (let i = 0; i < n; i++) {
      const tone = dice.weighted(matter.tone);
      const profile = matter.toneProfile?.[tone] ?? matter.profile;
      let when = sampleTime(profile, start, end, dice);
      const weights: Partial<Record<MentionChannel, number>> = {};
      for (const [channel, w] of Object.entries(matter.channels) as [MentionChannel, number][]) {
        const late = matter.mediaLate && MEDIA.includes(channel) ? 0.2 + 1.6 * when.progress : 1;
        weights[channel] = w * (TONE_FACTOR[channel]?.[tone] ?? 1) * late;
      }
      const channel = dice.weighted(weights);
      for (let tries = 0; tries < 12 && !plausibleHour(channel, when.ms); tries++) when = sampleTime(profile, start, end, dice);
      planned.push({ ...when, tone, channel });
    }
    planned.sort((a, b) => a.ms - b.ms);
    const mine: Draft[] = [];
    for (const p of planned) {
      const draft: Draft = { ms: p.ms, channel: p.channel, content: '', author: author(p.channel, p.tone, dice), matter: matter.key };
      const speaker = draft.author.replace(/（.*$/, '');
      // Reposts: the same words again, by someone else, somewhere else.
      const sources = mine.filter((d) => (d.channel === 'weibo' || d.channel === 'news' || d.channel === 'wechat') && d.ms < p.ms);
      if ((p.channel === 'weibo' || p.channel === 'wechat' || p.channel === 'forum') && sources.length > 0 && dice.chance(0.12)) {
        const source = dice.pick(sources.slice(-8));
        draft.content = source.content;
        if (p.channel !== 'weibo' && source.title) draft.title = source.title;
      } else {
        const text = compose(p.channel, p.tone, matter, p.progress, speaker, dice);
        draft.content = text.content;
        if (text.title && p.channel !== 'weibo' && p.channel !== 'short_video') draft.title = text.title;
      }
      const reach = reachOf(p.channel, dice, matter === RIVER ? 1 + 2 * p.progress : 1);
      if (reach) draft.reach = reach;
      if (!MEDIA.includes(p.channel)) draft.place = matter.places.find((pl) => draft.content.includes(pl)) ?? dice.pick(matter.places);
      mine.push(draft);
    }
    drafts.push(...mine);
  });

  drafts.push(...burstDrafts(burst, end, start, dice));
  return finish(drafts, dice);
}

/** Workers gather at the project office: `size` negative posts by different people within ten minutes. */
function burstDrafts(size: number, end: number, start: number, dice: Dice): Draft[] {
  const burstEnd = Math.max(start + 10 * MINUTE, end - 12 * MINUTE);
  const burstStart = Math.max(start, burstEnd - 10 * MINUTE);
  const times = Array.from({ length: size }, () => burstStart + dice.next() * (burstEnd - burstStart)).sort((a, b) => a - b);
  const used = new Set<string>();
  const out: Draft[] = [];
  for (const ms of times) {
    const channel = dice.weighted(BURST_CHANNELS);
    let who = author(channel, 'negative', dice);
    for (let tries = 0; used.has(who) && tries < 50; tries++) who = author(channel, 'negative', dice);
    if (used.has(who)) who = `${who}${used.size}`;
    used.add(who);
    const draft: Draft = { ms, channel, content: '', author: who, matter: 'wages' };
    if (!MEDIA.includes(channel)) draft.place = WAGES.places[0]!;
    const sources = out.filter((d) => d.channel === 'weibo' || d.channel === 'short_video');
    if (channel === 'weibo' && sources.length >= 3 && dice.chance(0.25)) {
      draft.content = dice.pick(sources).content;
    } else {
      const memo = new Map<string, string>();
      const say = `${fill(dice.pick(BURST_SAYS), WAGES.slots, dice, memo)}。${dice.pick(BURST_OUTCRIES)}`;
      const tags = ` ${WAGES.hashtags.filter((_, i) => i < 2 || dice.chance(0.4)).join(' ')}`;
      switch (channel) {
        case 'hotline_12345':
          draft.content = sentences(
            fill('来电人反映：{gate}{workers}工人聚集讨薪，{拉着横幅|情绪激动}，{boss}{联系不上|跑路了}，{工人们|大家}{months}没拿到工资', WAGES.slots, dice, memo),
            `诉求：${fill(dice.pick(WAGES.asks!), WAGES.slots, dice, memo)}`,
          );
          draft.title = fill('{project}{工人|农民工}聚集讨薪', WAGES.slots, dice, memo);
          break;
        case 'forum':
        case 'wechat':
          draft.content = sentences(say, fill(dice.pick(WAGES.details!), WAGES.slots, dice, memo));
          draft.title = fill('{project}{工人|农民工}{聚集|堵门}讨薪', WAGES.slots, dice, memo);
          break;
        default:
          draft.content = `${say}！${dice.pick(NEG_EMOJI)}${tags}`;
      }
    }
    const reach = reachOf(channel, dice, 2);
    if (reach) draft.reach = reach;
    out.push(draft);
  }
  return out;
}

/** The matter each generated mention was written about (for measuring clustering). */
export const DEMO_MATTER = new WeakMap<MentionInput, string>();

/** Sorts by time and gives each mention its channel's id (and a link for media). */
function finish(drafts: Draft[], dice: Dice): MentionInput[] {
  const sorted = drafts.map((d, i) => [d, i] as const).sort((a, b) => a[0].ms - b[0].ms || a[1] - b[1]).map(([d]) => d);
  const daily = new Map<string, number>();
  const running = new Map<MentionChannel, number>([
    ['tv_inquiry', dice.int(20, 60)],
    ['petition', dice.int(1000, 4000)],
    ['message_board', dice.int(180_000, 200_000)],
    ['news', dice.int(30_000, 60_000)],
    ['wechat', dice.int(1000, 9000)],
    ['forum', dice.int(500_000, 600_000)],
  ]);
  let weiboMid = 4_960_000_000_000_000 + dice.int(0, 999_999) * 1_000_000;
  let videoId = 7_300_000_000_000 + dice.int(0, 999_999) * 1000;
  const next = (channel: MentionChannel): number => {
    const n = (running.get(channel) ?? 0) + 1;
    running.set(channel, n);
    return n;
  };
  const nextDaily = (key: string, first: () => number): number => {
    const n = (daily.get(key) ?? first()) + 1;
    daily.set(key, n);
    return n;
  };

  return sorted.map((d) => {
    const day = chinaDay(d.ms);
    const year = day.slice(0, 4);
    let externalId: string;
    let url: string | undefined;
    switch (d.channel) {
      case 'hotline_12345':
        externalId = `GD${day}${String(nextDaily(`12345:${day}`, () => dice.int(100, 400))).padStart(5, '0')}`;
        break;
      case 'minsheng_line':
        externalId = `MSLX${day}-${String(nextDaily(`ms:${day}`, () => 0)).padStart(3, '0')}`;
        break;
      case 'supervision_hotline':
        externalId = `JDRX${day}${String(nextDaily(`jd:${day}`, () => dice.int(0, 20))).padStart(4, '0')}`;
        break;
      case 'tv_inquiry':
        externalId = `WZPY-${year}-${String(next('tv_inquiry')).padStart(3, '0')}`;
        break;
      case 'petition':
        externalId = `XF${year}${String(next('petition')).padStart(6, '0')}`;
        break;
      case 'message_board':
        externalId = `LY${next('message_board')}`;
        break;
      case 'news': {
        const n = next('news');
        externalId = `news-${day}-${n}`;
        url = `https://example.cn/news/${day}/${n}.html`;
        break;
      }
      case 'weibo': {
        weiboMid += dice.int(1, 999) * 1000 + dice.int(0, 999);
        externalId = String(weiboMid);
        url = `https://example.cn/weibo/${userId(d.author)}/${externalId}`;
        break;
      }
      case 'wechat': {
        externalId = `wx-${next('wechat')}-${dice.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
        url = `https://example.cn/wechat/s/${externalId}`;
        break;
      }
      case 'short_video': {
        videoId += dice.int(1, 999) * 1000 + dice.int(0, 999);
        externalId = `sv${videoId}`;
        url = `https://example.cn/video/${externalId}`;
        break;
      }
      case 'forum': {
        const n = next('forum');
        externalId = `thread-${n}`;
        url = `https://example.cn/forum/thread-${n}-1-1.html`;
        break;
      }
    }
    const mention: MentionInput = { channel: d.channel, externalId, content: d.content, author: d.author, publishedAt: chinaIso(d.ms) };
    if (d.title) mention.title = d.title;
    if (url) mention.url = url;
    if (d.reach) mention.reach = d.reach;
    if (d.place) mention.place = d.place;
    DEMO_MATTER.set(mention, d.matter);
    return mention;
  });
}

/** A stable 10-digit user id for a nickname (FNV-1a). */
function userId(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(1_000_000_000 + (h % 9_000_000_000));
}
