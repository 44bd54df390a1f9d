import { addToHeat, DEFAULT_LEVEL_RULES, emptyHeat, growthOf } from '@govdesk/domain';
import type { HotspotEntity } from './entities/hotspot.entity';
import { addFigures, judge } from './hotspot-figures';

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 10, 20, 8);

/** A hotspot whose figures are those of mentions published at `times` (hours after t0), one author each. */
function hotspotOf(times: number[], extra: Partial<HotspotEntity> = {}): HotspotEntity {
  let heat = emptyHeat(t0);
  for (const t of times) heat = addToHeat(heat, t0 + t * HOUR, 1);
  return {
    mentionCount: times.length,
    duplicateCount: 1,
    authorCount: times.length,
    negativeCount: times.length,
    reach: '10',
    channels: { weibo: times.length },
    categoryCounts: { environment: times.length },
    places: { 孝直镇: times.length },
    flags: ['pollution'],
    firstSeenAt: new Date(t0 + Math.min(...times) * HOUR),
    lastSeenAt: new Date(t0 + Math.max(...times) * HOUR),
    heat: heat.heat,
    fastRate: heat.fastRate,
    slowRate: heat.slowRate,
    heatAt: new Date(heat.at),
    growth: growthOf(heat),
    level: null,
    levelManual: false,
    levelReason: null,
    unitId: null,
    ...extra,
  } as HotspotEntity;
}

describe('hotspot figures', () => {
  it('adds a merged hotspot to the survivor as if its mentions had been the survivor\'s all along', () => {
    const survivor = hotspotOf([0, 5, 30]);
    addFigures(survivor, hotspotOf([2, 40], { unitId: 'unit-1', flags: ['crowd-gathering'] }));
    const together = hotspotOf([0, 2, 5, 30, 40]);
    expect(survivor).toMatchObject({ mentionCount: 5, negativeCount: 5, duplicateCount: 2, reach: '20', channels: { weibo: 5 }, places: { 孝直镇: 5 }, unitId: 'unit-1' });
    expect(survivor.flags.sort()).toEqual(['crowd-gathering', 'pollution']);
    expect(new Date(survivor.firstSeenAt).getTime()).toBe(t0);
    expect(new Date(survivor.lastSeenAt).getTime()).toBe(t0 + 40 * HOUR);
    expect(survivor.heat).toBeCloseTo(together.heat, 6);
    expect(survivor.slowRate).toBeCloseTo(together.slowRate, 6);
    expect(survivor.growth).toBeCloseTo(together.growth, 2);
  });

  it('judges the level by the rules but never lowers it, and leaves a level set by hand', () => {
    const many = hotspotOf(Array.from({ length: 40 }, (_, i) => i / 10));
    expect(judge(many, { mentions: 40, authors: 40, negative: 40 }, DEFAULT_LEVEL_RULES).rule).not.toBeNull();
    expect(many.level).not.toBeNull();
    const raised = hotspotOf([0], { level: 1 });
    judge(raised, undefined, DEFAULT_LEVEL_RULES);
    expect(raised.level).toBe(1);
    const manual = hotspotOf(Array.from({ length: 40 }, (_, i) => i / 10), { level: 4, levelManual: true });
    judge(manual, { mentions: 40, authors: 40, negative: 40 }, DEFAULT_LEVEL_RULES);
    expect(manual.level).toBe(4);
  });
});
