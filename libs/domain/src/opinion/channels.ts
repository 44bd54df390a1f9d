/** Where a mention was said (issue 5's fixed channel codes). */
export const MENTION_CHANNELS = [
  'hotline_12345',
  'minsheng_line',
  'supervision_hotline',
  'tv_inquiry',
  'petition',
  'message_board',
  'news',
  'weibo',
  'wechat',
  'short_video',
  'forum',
] as const;
export type MentionChannel = (typeof MENTION_CHANNELS)[number];

export const CHANNEL_LABELS: Record<MentionChannel, { zh: string; en: string }> = {
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  minsheng_line: { zh: '民声连线', en: 'Minsheng Line' },
  supervision_hotline: { zh: '政务监督热线', en: 'Supervision hotline' },
  tv_inquiry: { zh: '电视问政', en: 'TV inquiry' },
  petition: { zh: '信访投诉', en: 'Petition' },
  message_board: { zh: '政府留言板', en: 'Message board' },
  news: { zh: '新闻媒体', en: 'News' },
  weibo: { zh: '微博', en: 'Weibo' },
  wechat: { zh: '微信', en: 'WeChat' },
  short_video: { zh: '短视频', en: 'Short video' },
  forum: { zh: '论坛', en: 'Forum' },
};

/**
 * How much one mention on a channel weighs in a hotspot's heat. Official channels where a
 * citizen speaks to the government in person or on air weigh more than one post among many.
 */
export const DEFAULT_CHANNEL_WEIGHTS: Record<MentionChannel, number> = {
  hotline_12345: 1.5,
  minsheng_line: 2,
  supervision_hotline: 2,
  tv_inquiry: 3,
  petition: 2,
  message_board: 1.5,
  news: 2,
  weibo: 1,
  wechat: 1,
  short_video: 1.2,
  forum: 0.8,
};
