/**
 * Stop words: function words, pronouns and the boilerplate of citizens' messages and
 * official replies that carry no topic. Keywords, TextRank, SimHash and the taxonomy skip
 * them; sentiment does not (negation words such as 不 and 没有 are stop words here).
 */
export const DEFAULT_STOP_WORDS: readonly string[] = (
  '的 了 着 过 地 得 之 和 与 及 或 而 且 并 也 还 又 就 都 才 再 却 只 很 太 更 最 挺 好 ' +
  '是 为 在 于 以 从 向 对 把 被 让 给 由 将 跟 同 比 等 等等 啊 呀 吧 吗 呢 嘛 哦 哈 啦 呗 么 嗯 噢 哎 唉 ' +
  '我 你 他 她 它 我们 你们 他们 她们 它们 咱们 大家 自己 本人 人家 别人 谁 什么 怎么 怎样 怎么样 为什么 为何 哪 哪里 哪儿 哪些 多少 如何 是否 能否 可否 什么时候 ' +
  '这 那 这个 那个 这些 那些 这样 那样 这里 那里 这么 那么 这种 那种 此 其 其中 其他 其它 各 每 某 该 本 ' +
  '一 一个 一些 一下 一直 一样 一定 一起 一切 个 些 点 种 次 位 条 件 ' +
  '不 没 没有 无 未 别 非 不是 就是 还是 但是 但 可是 可 然而 因为 所以 因此 如果 虽然 而且 并且 然后 于是 只是 只要 只有 ' +
  '已 已经 曾经 正在 将要 会 能 能够 可以 要 想 应该 应当 需要 必须 得到 ' +
  '有 有的 有些 没有的 所 所有 因 为了 关于 对于 根据 按照 通过 经过 随着 ' +
  '现在 目前 今天 昨天 明天 今年 去年 时候 时间 当时 期间 以来 以后 以前 之后 之前 上 下 中 里 内 外 前 后 年 月 日 号 ' +
  '还有 以及 另外 此外 同时 其次 首先 最后 总之 例如 比如 特别 非常 十分 比较 ' +
  '您好 你好 领导 尊敬 尊敬的 请问 谢谢 感谢 敬请 恳请 希望 请 问题 情况 相关 有关 进行 工作 方面 ' +
  '回复 答复 留言 反映 网友 来信 如下 收悉 现 将 予以 此致 敬礼'
).split(/\s+/).filter(Boolean);
