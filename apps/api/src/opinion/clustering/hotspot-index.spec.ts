import { analyzeText, simhashToBigInt } from '@govdesk/text-analysis';
import { HotspotIndex, type ClusterMention } from './hotspot-index';

const at = Date.UTC(2026, 10, 26, 8);
function mention(text: string, minutes = 0): ClusterMention {
  const a = analyzeText(text);
  return { publishedAt: at + minutes * 60_000, simhash: simhashToBigInt(a.simhash), keywords: a.keywords, places: a.places.map((p) => p.name), category: a.category?.code ?? null };
}

describe('HotspotIndex', () => {
  it('puts a repost of a complaint into the same hotspot and a different matter into a new one', () => {
    const index = new HotspotIndex();
    const first = index.assign(mention('东阿镇西街垃圾中转站臭气熏天，夏天根本没法开窗，请环保部门尽快处理'));
    const repost = index.assign(mention('转发：东阿镇西街垃圾中转站臭气熏天，夏天根本没法开窗，请环保部门尽快处理', 5));
    const other = index.assign(mention('锦水街道明珠小区电梯三天两头坏，老人上下楼很困难', 6));
    expect(first.created).toBe(true);
    expect(repost).toMatchObject({ hotspotId: first.hotspotId, created: false });
    expect(other.created).toBe(true);
    expect(other.hotspotId).not.toBe(first.hotspotId);
  });

  it('does not treat texts without words as near-duplicates of each other', () => {
    const index = new HotspotIndex();
    const empty = mention('[微笑][微笑] http://t.cn/abc');
    expect(empty.simhash).toBe(0n);
    const a = index.assign(empty);
    const b = index.assign(mention('[怒][怒][怒]', 1));
    expect(a.created).toBe(true);
    expect(b.created).toBe(true);
    expect(b.hotspotId).not.toBe(a.hotspotId);
  });

  it('only joins hotspots active within the window of the published time', () => {
    const index = new HotspotIndex({ ...new HotspotIndex().options, windowMs: 60 * 60_000 });
    const text = '玫瑰镇中心小学门口早晚接送时段严重拥堵，请交警部门安排疏导';
    const first = index.assign(mention(text));
    const later = index.assign(mention(`${text}。`, 3 * 60));
    expect(later.created).toBe(true);
    expect(later.hotspotId).not.toBe(first.hotspotId);
  });
});
