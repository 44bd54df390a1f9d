import { mentionInputSchema, type MentionInput } from '@govdesk/contracts';
import { MENTION_CHANNELS } from '@govdesk/domain';
import { analyzeText } from '@govdesk/text-analysis';
import { generateDemoMentions } from './demo-mentions';

const NOW = new Date('2026-11-26T06:00:00Z'); // 14:00 in China
const OPTIONS = { seed: 20231, now: NOW, days: 14, count: 800 };
const MEDIA = ['news', 'weibo', 'wechat', 'short_video', 'forum'];

const ms = (m: MentionInput): number => Date.parse(m.publishedAt);

describe('generateDemoMentions', () => {
  const mentions = generateDemoMentions(OPTIONS);

  it('is deterministic: the same options give the same mentions, another seed others', () => {
    expect(generateDemoMentions({ ...OPTIONS, now: new Date(NOW) })).toEqual(mentions);
    const other = generateDemoMentions({ ...OPTIONS, seed: 20232 });
    expect(other).toHaveLength(800);
    expect(other.map((m) => m.content)).not.toEqual(mentions.map((m) => m.content));
  });

  it.each([0, 1, 7, 119, 120, 800, 2500])('gives exactly %i mentions', (count) => {
    expect(generateDemoMentions({ ...OPTIONS, count })).toHaveLength(count);
  });

  it('gives mentions valid against mentionInputSchema, sorted, within the period, in China time', () => {
    for (const m of mentions) {
      const parsed = mentionInputSchema.safeParse(m);
      if (!parsed.success) throw new Error(`${JSON.stringify(m)}: ${parsed.error.message}`);
      expect(m.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    }
    const times = mentions.map(ms);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]!).toBeGreaterThanOrEqual(NOW.getTime() - 14 * 86_400_000);
    expect(times.at(-1)!).toBeLessThanOrEqual(NOW.getTime());
  });

  it('covers every channel, with ids unique per channel and links only for media', () => {
    expect(new Set(mentions.map((m) => m.channel))).toEqual(new Set(MENTION_CHANNELS));
    for (const channel of MENTION_CHANNELS) {
      const ids = mentions.filter((m) => m.channel === channel).map((m) => m.externalId);
      expect(ids.every(Boolean)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const m of mentions) {
      if (MEDIA.includes(m.channel)) expect(m.url).toMatch(/^https:\/\/example\.cn\//);
      else expect(m.url).toBeUndefined();
    }
  });

  it('gives hotline callers masked numbers, Weibo users nicknames, media reach figures, official channels a town', () => {
    for (const m of mentions.filter((x) => x.channel === 'hotline_12345')) expect(m.author).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const weibo = mentions.filter((m) => m.channel === 'weibo');
    expect(weibo.every((m) => m.author && !/\d{11}/.test(m.author) && m.reach?.likes !== undefined)).toBe(true);
    expect(new Set(weibo.map((m) => m.author)).size).toBeGreaterThan(weibo.length / 2);
    for (const m of mentions.filter((x) => x.channel === 'short_video')) expect(m.reach?.views).toBeGreaterThanOrEqual(0);
    const towns = ['榆山街道', '锦水街道', '东阿镇', '玫瑰镇', '洪范池镇', '孔村镇', '孝直镇', '安城镇', '平阴经济开发区'];
    for (const m of mentions.filter((x) => x.channel === 'hotline_12345' || x.channel === 'petition')) expect(towns).toContain(m.place);
  });

  it('is about the demo county: its towns, units and the plan’s matters', () => {
    const all = mentions.map((m) => `${m.title ?? ''}${m.content}`).join('\n');
    for (const word of ['浪溪河', '孝直镇', '讨薪', '征地', '东阿镇', '学区', '3路', '长者食堂', '物业', '孔村', '县生态环境局', '县人社局', '县教体局']) {
      expect(all).toContain(word);
    }
  });

  it('varies its texts: a matter’s mentions are alike but rarely the same', () => {
    const river = mentions.filter((m) => m.content.includes('浪溪河'));
    expect(river.length).toBeGreaterThan(60);
    expect(new Set(river.map((m) => m.content)).size).toBeGreaterThan(river.length * 0.8);
  });

  it('has reposts: identical content under other ids and authors', () => {
    const byContent = new Map<string, MentionInput[]>();
    for (const m of mentions) byContent.set(m.content, [...(byContent.get(m.content) ?? []), m]);
    const reposted = [...byContent.values()].filter((group) => group.length > 1);
    expect(reposted.length).toBeGreaterThanOrEqual(10);
    for (const group of reposted) expect(new Set(group.map((m) => `${m.channel}:${m.externalId}`)).size).toBe(group.length);
  });

  it('grows the river matter over the last days', () => {
    const day = 86_400_000;
    const river = mentions.filter((m) => m.content.includes('浪溪河'));
    const lastTwoDays = river.filter((m) => ms(m) > NOW.getTime() - 2 * day).length;
    const daysFiveToSeven = river.filter((m) => ms(m) <= NOW.getTime() - 4 * day && ms(m) > NOW.getTime() - 7 * day).length;
    expect(lastTwoDays).toBeGreaterThan(2 * daysFiveToSeven);
  });

  it('has a burst near now: 30+ negative mentions by different authors within ten minutes', () => {
    let best: MentionInput[] = [];
    for (let i = 0; i < mentions.length; i++) {
      const window = mentions.slice(i).filter((m) => ms(m) - ms(mentions[i]!) <= 10 * 60_000);
      if (window.length > best.length) best = window;
    }
    expect(NOW.getTime() - ms(best[0]!)).toBeLessThan(60 * 60_000);
    // judged by the analyser the ingest uses, about one matter (the wage arrears)
    const negative = best.filter((m) => analyzeText(`${m.title ?? ''}\n${m.content}`).sentiment.label === 'negative' && /讨薪|工资/.test(m.content));
    expect(new Set(negative.map((m) => m.author)).size).toBeGreaterThanOrEqual(30);
  });

  it('is mostly negative or neutral, with some positive (as intended by the generator)', () => {
    const positiveWords = /点赞|感谢|谢谢政府|暖心|贴心|方便多了|很满意|太美|治愈|给力/;
    const positive = mentions.filter((m) => positiveWords.test(m.content)).length;
    expect(positive).toBeGreaterThan(mentions.length * 0.05);
    expect(positive).toBeLessThan(mentions.length * 0.35);
  });

  it('works for a short period and a small count', () => {
    const few = generateDemoMentions({ seed: 1, now: NOW, days: 1, count: 40 });
    expect(few).toHaveLength(40);
    for (const m of few) {
      expect(mentionInputSchema.safeParse(m).success).toBe(true);
      expect(ms(m)).toBeGreaterThanOrEqual(NOW.getTime() - 86_400_000);
    }
  });
});
