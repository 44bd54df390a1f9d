/**
 * The sentiment lexicon: the language of citizens' complaints about government work (and of
 * their thanks), with negation and degree words, and the polarity of common Weibo
 * emoticons. Weights are in the units of the model's log-odds: -1 is a clear complaint word,
 * -2 a strong one, +1 clear praise. Phrases are matched as substrings, longest first, so a
 * phrase that contains a negation (没人管, 至今未解决, 不作为) is taken whole.
 */
export interface LexiconEntry {
  word: string;
  weight: number;
}

const words = (weight: number, list: string): LexiconEntry[] =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ word, weight }));

export const DEFAULT_SENTIMENT_LEXICON: LexiconEntry[] = [
  // complaints about how a matter is handled, strong
  ...words(
    -2,
    '不作为 乱作为 慢作为 至今未解决 至今没有解决 至今没解决 一直未解决 一直没有解决 一直没解决 迟迟未解决 迟迟不解决 没人管 没有人管 无人管 无人问津 ' +
      '不管不问 不闻不问 置之不理 推诿 推诿扯皮 互相推诿 踢皮球 扯皮 石沉大海 敷衍了事 敷衍塞责 强拆 强行拆除 暴力执法 暴力拆迁 乱收费 乱罚款 乱摊派 ' +
      '吃拿卡要 拖欠工资 拖欠工程款 欠薪 讨薪 克扣工资 黑心 坑人 坑害 诈骗 欺诈 贪污 受贿 腐败 官官相护 草菅人命 欺压 殴打 打人 态度恶劣 恶臭',
  ),
  // complaints, problems and bad feelings
  ...words(
    -1,
    '投诉 举报 控告 上访 拖欠 拖延 刁难 敷衍 推脱 推托 多次反映 反复反映 屡次反映 多次投诉 多次举报 多次打电话 还是没有 依然没有 仍然没有 迟迟 未解决 没解决 ' +
      '没有解决 得不到解决 未能解决 不解决 不处理 不予处理 没有回复 未回复 不回复 没有下文 没下文 不了了之 不到位 不负责任 违规 违法 违章 非法 私自 霸占 侵占 强占 ' +
      '强迫 强制拆除 克扣 挪用 臭 臭味 异味 刺鼻 污染 排污 偷排 黑臭 黑水 脏乱差 脏乱 垃圾成堆 垃圾遍地 乱倒垃圾 噪音 噪声 扰民 粉尘 扬尘 积水 漏水 停水 停电 断水 断电 ' +
      '坑洼 塌陷 破损 损坏 烂尾 安全隐患 隐患 危险 事故 死亡 身亡 受伤 伤亡 跳楼 堵塞 拥堵 堵车 难办 办不了 来回跑 无奈 失望 绝望 寒心 心寒 痛心 气愤 愤怒 ' +
      '愤慨 恼火 生气 郁闷 委屈 痛苦 难受 可恶 恶劣 差劲 糟糕 太差 很差 极差 差评 骗子 骗人 难吃 难看 恶心 讨厌 后悔 担心 担忧 害怕 焦虑 着急 不公 不公平 ' +
      '不合理 不满 不好 不行 太慢 很慢 太贵 很脏 太脏 太吵 吵闹 乱象 乱停乱放 效率低 质量差 态度差 服务差 冷漠 傲慢 蛮横 野蛮 欺负 无理 无良 无耻 可怜 悲哀 悲剧 惨',
  ),
  // thanks and praise, strong
  ...words(2, '非常满意 十分满意 特别满意 点赞 大大的赞 衷心感谢 非常感谢 十分感谢 万分感谢 由衷感谢 感激不尽 为民办实事 办实事 好样的'),
  ...words(
    1,
    '感谢 谢谢 感激 感恩 满意 解决了 已解决 已经解决 得到解决 得到了解决 顺利解决 妥善解决 及时解决 及时处理 处理及时 回复及时 迅速 高效 辛苦了 好评 表扬 ' +
      '称赞 赞扬 给力 认真负责 尽职尽责 热情 耐心 周到 细致 贴心 暖心 温暖 便民 惠民 利民 方便 便利 省心 放心 安心 改善 好转 改观 干净 整洁 漂亮 美丽 优美 ' +
      '舒适 舒服 开心 高兴 快乐 幸福 喜欢 喜爱 棒 优秀 出色 完美 精彩 值得 推荐 不错 挺好 很好 真好 太好了 好吃 实惠 划算 加油 祝福 恭喜 成功 进步',
  ),
  ...words(0.5, '及时 负责 辛苦 支持 提升 顺利'),
  // asking is not complaining: questions lean negative on Weibo, not in a message to the government
  ...words(1, '请问 咨询 想咨询 想问一下 想了解 请教 如何办理 怎么办理 办理流程 需要哪些材料 需要什么材料 需要准备 是否可以 可否 盼回复 盼复'),
  // how complaints about a matter sound
  ...words(-1, '怎么还没 为什么还没 还没有修 一直不 到现在都 至今没有 至今未 严重影响 影响正常 无法正常 太少 太久 迟迟没有 没人理 无人理 打不通 打不进'),
];

/** Words before a lexicon phrase that reverse it (looked for within a few characters). */
export const NEGATION_WORDS: readonly string[] = ['不', '没', '没有', '未', '别', '无', '非', '莫', '勿', '毫无', '并非', '不是', '从未', '从不', '绝不', '决不'];

/** Words before a lexicon phrase that scale it. */
export const DEGREE_WORDS: Readonly<Record<string, number>> = {
  极其: 2,
  极度: 2,
  极为: 2,
  极: 1.8,
  最: 1.8,
  非常: 1.8,
  特别: 1.7,
  十分: 1.7,
  相当: 1.5,
  严重: 1.8,
  太: 1.7,
  超: 1.5,
  超级: 1.7,
  好: 1.3,
  真: 1.3,
  很: 1.4,
  挺: 1.2,
  越来越: 1.5,
  更: 1.3,
  更加: 1.4,
  愈发: 1.4,
  比较: 0.8,
  较: 0.8,
  还算: 0.7,
  稍微: 0.5,
  稍: 0.5,
  略: 0.5,
  有点: 0.6,
  有点儿: 0.6,
  有些: 0.6,
  一点: 0.5,
};

/** Polarity of common Weibo emoticons (`[怒]`), in the same units. */
export const EMOTICON_POLARITY: Readonly<Record<string, number>> = {
  怒: -1.5,
  怒骂: -1.5,
  抓狂: -1.2,
  鄙视: -1.2,
  哼: -0.8,
  泪: -1,
  悲伤: -1.2,
  伤心: -1.2,
  失望: -1.2,
  委屈: -0.8,
  可怜: -0.6,
  衰: -0.8,
  晕: -0.6,
  吐: -1,
  生病: -0.6,
  黑线: -0.6,
  打脸: -0.5,
  汗: -0.4,
  费解: -0.4,
  囧: -0.4,
  弱: -0.6,
  NO: -0.6,
  不要: -0.6,
  哈哈: 1,
  嘻嘻: 1,
  偷笑: 0.8,
  笑哈哈: 1,
  太开心: 1.2,
  心: 1,
  爱你: 1.2,
  鼓掌: 1,
  赞: 1.2,
  good: 1,
  ok: 0.5,
  耶: 1,
  加油: 1,
  鲜花: 1,
  可爱: 0.8,
  憧憬: 0.8,
  亲亲: 1,
  抱抱: 0.6,
  好喜欢: 1.2,
  给力: 1.2,
  威武: 1,
  作揖: 0.6,
  微笑: 0.2,
};
