import { textSimilarity } from './similarity';

describe('textSimilarity', () => {
  it('rates the same ask in other words high, and different asks low', () => {
    const a = '申请公开浪溪河下游治理工程的环境影响评价报告';
    const b = '请公开浪溪河下游治理工程环评报告及批复';
    const c = '申请公开2026年城区义务教育学校招生划片范围';
    expect(textSimilarity(a, b)).toBeGreaterThan(0.5);
    expect(textSimilarity(a, c)).toBeLessThan(0.15);
    expect(textSimilarity(a, a)).toBe(1);
  });

  it('ignores the boilerplate every application shares', () => {
    expect(textSimilarity('申请公开有关信息', '申请公开相关文件')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });
});
