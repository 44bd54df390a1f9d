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
}

export function normalizeText(raw: string): NormalizedText {
  const emoticons = Array.from(raw.matchAll(EMOTICON_PATTERN), (m) => m[0].slice(1, -1));
  const urls = Array.from(raw.matchAll(URL_PATTERN), (m) => m[0]);
  const mentions = Array.from(raw.matchAll(MENTION_PATTERN), (m) => m[0].slice(1));
  const text = raw
    .replace(URL_PATTERN, ' ')
    .replace(WEIBO_TOPIC_PATTERN, ' ')
    .replace(EMOTICON_PATTERN, ' ')
    .replace(MENTION_PATTERN, ' ');
  return { text: toHalfWidth(text).replace(/\s+/g, ' ').trim(), emoticons, urls, mentions };
}
