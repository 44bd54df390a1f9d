/**
 * Text normalisation before analysis: full-width ASCII to half-width, Weibo markup
 * (`[emoticon]`, `{%topic%}`, `#topic#`), URLs and @-mentions removed, white space folded.
 * Segmentation, keywords and sentiment (the opinion-pipeline issue) build on this.
 */
const URL_PATTERN = /https?:\/\/[^\s\u3000，。！？]+/g;
const MENTION_PATTERN = /@[\p{L}\p{N}_-]{1,30}/gu;
const WEIBO_TOPIC_PATTERN = /\{%[^%]*%\}/g;
const EMOTICON_PATTERN = /\[[\p{L}\p{N}]{1,8}\]/gu;

export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export interface NormalizedText {
  text: string;
  emoticons: string[];
  urls: string[];
  mentions: string[];
  /** text of Weibo `{%…%}` spans (hashtags, places, link titles), `#` removed */
  topics: string[];
}

export function normalizeText(raw: string): NormalizedText {
  // most texts have none of the markup: skip the patterns whose first character is absent
  const hasUrl = raw.includes('http');
  const hasTopic = raw.includes('{%');
  const hasEmoticon = raw.includes('[');
  const hasMention = raw.includes('@');
  const emoticons = hasEmoticon ? Array.from(raw.matchAll(EMOTICON_PATTERN), (m) => m[0].slice(1, -1)) : [];
  const urls = hasUrl ? Array.from(raw.matchAll(URL_PATTERN), (m) => m[0]) : [];
  const mentions = hasMention ? Array.from(raw.matchAll(MENTION_PATTERN), (m) => m[0].slice(1)) : [];
  const topics = hasTopic
    ? Array.from(raw.matchAll(WEIBO_TOPIC_PATTERN), (m) => toHalfWidth(m[0].slice(2, -2)).replace(/#/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean)
    : [];
  let text = raw;
  if (hasUrl) text = text.replace(URL_PATTERN, ' ');
  if (hasTopic) text = text.replace(WEIBO_TOPIC_PATTERN, ' ');
  if (hasEmoticon) text = text.replace(EMOTICON_PATTERN, ' ');
  if (hasMention) text = text.replace(MENTION_PATTERN, ' ');
  return { text: toHalfWidth(text).replace(/\s+/g, ' ').trim(), emoticons, urls, mentions, topics };
}
