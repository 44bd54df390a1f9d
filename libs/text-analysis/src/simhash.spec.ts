import { hammingDistance, simhash, simhashToBigInt, simhashToHex } from './simhash';
import { Segmenter } from './segmenter';
import { IdfTable, tfidfWeights } from './keywords';

describe('simhash', () => {
  const segmenter = new Segmenter();
  const idf = IdfTable.default();
  const fingerprint = (text: string) => simhash(tfidfWeights(segmenter.words(text), idf));

  it('is 64 bits as 16 hex digits and as a bigint', () => {
    const h = fingerprint('浪溪河下游又出现黑水，沿岸村民反映臭味严重');
    expect(h.hex).toMatch(/^[0-9a-f]{16}$/);
    expect(simhashToBigInt(h.hex)).toBe(h.value);
    expect(simhashToHex(h.value)).toBe(h.hex);
    expect(fingerprint('浪溪河下游又出现黑水，沿岸村民反映臭味严重')).toEqual(h);
  });

  it('puts near-duplicates a few bits apart and different matters far apart', () => {
    const a = fingerprint('玫瑰镇化工厂夜间偷排废水，浪溪河下游河水发黑发臭，村民多次反映无人处理');
    const b = fingerprint('玫瑰镇化工厂夜间偷排废水！浪溪河下游河水发黑发臭，村民多次反映，无人处理。');
    const c = fingerprint('玫瑰镇化工厂夜间偷排废水，浪溪河下游河水发黑发臭，周边村民多次反映一直无人处理');
    const other = fingerprint('锦水街道某小区物业乱收费，电梯坏了一个月没人修，业主要求更换物业公司');
    expect(hammingDistance(a.hex, b.hex)).toBe(0);
    expect(hammingDistance(a.value, c.value)).toBeLessThanOrEqual(10);
    expect(hammingDistance(a.hex, other.hex)).toBeGreaterThan(20);
  });

  it('weighs tokens: a heavy token pulls the fingerprint to its own hash', () => {
    const alone = simhash(['浪溪河']);
    expect(hammingDistance(simhash([['浪溪河', 10], ['的', 1]]).hex, alone.hex)).toBe(0);
    expect(simhash([]).hex).toBe('0000000000000000');
  });

  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance(0n, 0x8000000000000001n)).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow();
  });
});
