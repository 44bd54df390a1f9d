/**
 * 64-bit SimHash (Charikar 2002) over weighted tokens: near-duplicate texts get fingerprints
 * a few bits apart. Each token's 64-bit hash is two seeded 32-bit hashes; every bit adds the
 * token's weight where it is 1 and subtracts it where it is 0; the fingerprint keeps the
 * positive sums. Carried as 16 hex digits (JSON-safe) or as a bigint.
 */
import { hashString } from './hash';

const SEED_HIGH = 0x5173;
const SEED_LOW = 0x9e37;

export interface SimHash {
  /** 16 lower-case hex digits */
  hex: string;
  value: bigint;
}

/** SimHash of tokens with weights (e.g. TF-IDF); tokens without weight count 1. */
export function simhash(tokens: Iterable<readonly [string, number]> | Iterable<string>): SimHash {
  const sums = new Float64Array(64);
  const add = (token: string, weight: number): void => {
    if (!(weight > 0)) return;
    const high = hashString(token, SEED_HIGH);
    const low = hashString(token, SEED_LOW);
    for (let bit = 0; bit < 32; bit++) {
      sums[bit] += (((high >>> (31 - bit)) & 1) * 2 - 1) * weight;
      sums[32 + bit] += (((low >>> (31 - bit)) & 1) * 2 - 1) * weight;
    }
  };
  if (tokens instanceof Map) for (const [token, weight] of tokens as Map<string, number>) add(token, weight);
  else {
    for (const item of tokens) {
      if (typeof item === 'string') add(item, 1);
      else add(item[0], item[1]);
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (sums[bit]! > 0) high |= 1 << (31 - bit);
    if (sums[32 + bit]! > 0) low |= 1 << (31 - bit);
  }
  const hex = (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
  return { hex, value: (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0) };
}

export function simhashToBigInt(hex: string): bigint {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) throw new Error(`not a 64-bit simhash: ${hex}`);
  return BigInt(`0x${hex}`);
}

export function simhashToHex(value: bigint): string {
  return BigInt.asUintN(64, value).toString(16).padStart(16, '0');
}

function halves(x: bigint | string): [number, number] {
  if (typeof x === 'string') {
    if (!/^[0-9a-fA-F]{16}$/.test(x)) throw new Error(`not a 64-bit simhash: ${x}`);
    return [parseInt(x.slice(0, 8), 16), parseInt(x.slice(8), 16)];
  }
  const v = BigInt.asUintN(64, x);
  return [Number(v >> 32n), Number(v & 0xffffffffn)];
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of differing bits (0 … 64) between two fingerprints, as hex strings or bigints. */
export function hammingDistance(a: bigint | string, b: bigint | string): number {
  const [ah, al] = halves(a);
  const [bh, bl] = halves(b);
  return popcount32((ah ^ bh) >>> 0) + popcount32((al ^ bl) >>> 0);
}
