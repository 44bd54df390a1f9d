import { analyzeText, simhashToBigInt } from '@govdesk/text-analysis';
import { HotspotIndex, isMergeCheckpoint, mergeTargets, type ClusterMention } from './hotspot-index';

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

  it('does not let a word that many hotspots share make mentions one matter', () => {
    // Twenty different matters in one town, each named with the town (as messages of a county
    // name its seat); then a new matter in that town that shares nothing else with them.
    const index = new HotspotIndex();
    const matters = ['路灯不亮', '井盖缺失', '垃圾成堆', '噪音扰民', '占道经营', '污水横流', '电梯故障', '停车收费', '学校划片', '公交停运',
      '自来水停供', '燃气涨价', '物业乱收费', '违章搭建', '树木倒伏', '道路破损', '广场舞扰民', '宠物伤人', '菜市场脏乱', '网吧接纳未成年人'];
    matters.forEach((m, i) => index.assign(mention(`星沙${m}的问题，${m}已经很久了`, i)));
    const shared = index.assign(mention('星沙某小区门口的快递柜收费太贵', 30));
    expect(shared.created).toBe(true);
    // (Without the rule it joins one of them.)
    const without = new HotspotIndex({ ...index.options, maxAnchorShare: 1 });
    matters.forEach((m, i) => without.assign(mention(`星沙${m}的问题，${m}已经很久了`, i)));
    expect(without.assign(mention('星沙某小区门口的快递柜收费太贵', 30)).created).toBe(false);
    // A word few hotspots share still names a matter.
    const first = index.assign(mention('星沙浏阳河大桥桥面开裂，过车时晃得厉害', 31));
    const second = index.assign(mention('浏阳河大桥桥面裂缝越来越大，什么时候维修', 32));
    expect(first.created).toBe(true);
    expect(second.hotspotId).toBe(first.hotspotId);
  });

  it('merges the hotspots one matter started side by side once a mention names both, the smaller into the larger', () => {
    const index = new HotspotIndex();
    const fish = ['浪溪河孝直镇段河面上漂着不少死鱼', '浪溪河胡庄村桥下河面上漂着一片死鱼', '浪溪河后屯村附近河面上漂着死鱼，河水发黑'];
    const smell = ['浪溪河孝直镇段河水发黑发臭，味道呛人', '浪溪河孝直镇段河水发黑，河面上漂着死鱼，臭味刺鼻', '浪溪河死鱼越来越多，河水发黑发臭'];
    const a = fish.map((t, i) => index.assign(mention(t, i)));
    const b = index.assign(mention(smell[0]!, 3));
    expect(b.hotspotId).not.toBe(a[0]!.hotspotId);
    index.assign(mention(smell[1]!, 4));
    index.assign(mention(smell[2]!, 5));
    expect(index.takeMerges()).toEqual([]); // two fragments so far
    const last = index.assign(mention('浪溪河污染严重：死鱼、发黑、发臭', 6));
    const merges = index.takeMerges();
    expect(merges).toEqual([{ from: b.hotspotId, into: a[0]!.hotspotId, similarity: expect.any(Number) }]);
    expect(merges[0]!.similarity).toBeGreaterThanOrEqual(index.options.mergeSimilarity);
    expect(last.hotspotId).toBe(a[0]!.hotspotId);
    expect(index.get(b.hotspotId)).toBeUndefined();
    expect(index.get(a[0]!.hotspotId)!.mentionCount).toBe(fish.length + smell.length + 1);
    expect(index.takeMerges()).toEqual([]);
  });

  it('does not merge when merging is off, nor different matters', () => {
    const off = new HotspotIndex({ ...new HotspotIndex().options, mergeSimilarity: 2 });
    const texts = ['浪溪河孝直镇段河面上漂着不少死鱼', '浪溪河胡庄村桥下河面上漂着一片死鱼', '浪溪河后屯村附近河面上漂着死鱼，河水发黑', '浪溪河孝直镇段河水发黑发臭，味道呛人', '浪溪河孝直镇段河水发黑，河面上漂着死鱼，臭味刺鼻', '浪溪河死鱼越来越多，河水发黑发臭', '浪溪河污染严重：死鱼、发黑、发臭'];
    texts.forEach((t, i) => off.assign(mention(t, i)));
    expect(off.takeMerges()).toEqual([]);
    const index = new HotspotIndex();
    for (let i = 0; i < 6; i++) index.assign(mention(`锦水街道明珠小区电梯三天两头坏，老人上下楼很困难（${i}号楼）`, i));
    for (let i = 0; i < 6; i++) index.assign(mention(`榆山街道实验小学划片招生范围调整，孩子上学要走三公里（${i}）`, 10 + i));
    expect(index.takeMerges()).toEqual([]);
  });

  it('follows chains of merges to where each hotspot ended up, and checks at 3–8 mentions then every quarter more', () => {
    const target = mergeTargets([{ from: 'a', into: 'b', similarity: 0.5 }, { from: 'b', into: 'c', similarity: 0.6 }]);
    expect([target('a'), target('b'), target('c'), target('d')]).toEqual(['c', 'c', 'c', 'd']);
    expect([1, 2, 3, 4, 8, 9, 10, 11, 12].map(isMergeCheckpoint)).toEqual([false, false, true, true, true, false, true, false, true]);
  });

  it('never merges a hotspot a monitor split (it still takes mentions)', () => {
    const fish = ['浪溪河孝直镇段河面上漂着不少死鱼', '浪溪河胡庄村桥下河面上漂着一片死鱼', '浪溪河后屯村附近河面上漂着死鱼，河水发黑'];
    const smell = ['浪溪河孝直镇段河水发黑发臭，味道呛人', '浪溪河孝直镇段河水发黑，河面上漂着死鱼，臭味刺鼻', '浪溪河死鱼越来越多，河水发黑发臭'];
    const index = new HotspotIndex();
    const a = fish.map((t, i) => index.assign(mention(t, i)));
    const b = smell.map((t, i) => index.assign(mention(t, 3 + i)));
    index.get(b[0]!.hotspotId)!.keepApart = true;
    const last = index.assign(mention('浪溪河污染严重：死鱼、发黑、发臭', 6));
    expect(index.takeMerges()).toEqual([]);
    expect([a[0]!.hotspotId, b[0]!.hotspotId]).toContain(last.hotspotId);
  });
});
