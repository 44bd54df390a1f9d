/**
 * A hotspot's heat and growth as exponentially decaying sums over published time, so that
 * replaying old data gives the same answer as live data and the state is a few numbers.
 *
 * - heat: Σ weight × 2^(−age / heatHalfLife); a mention's weight grows with its channel's
 *   weight, its reach (logarithmically) and negativity.
 * - growth: the fast rate (half-life 1 h) against the slow, usual rate (half-life 24 h),
 *   both in mentions per hour; 1 means "as usual", 3 means three times the usual rate.
 */
export interface HeatState {
  heat: number;
  fastRate: number;
  slowRate: number;
  /** Published time the decayed sums refer to (ms since epoch). */
  at: number;
}

export const HEAT_HALF_LIFE_HOURS = 24;
const FAST_HALF_LIFE_HOURS = 1;
const SLOW_HALF_LIFE_HOURS = 24;
const HOUR = 3_600_000;
/** The usual rate never counts as below one mention a day, so a first burst shows growth. */
const MIN_USUAL_PER_HOUR = 1 / 24;

export const emptyHeat = (at: number): HeatState => ({ heat: 0, fastRate: 0, slowRate: 0, at });

export function mentionWeight(channelWeight: number, reach: number, negative: boolean): number {
  return channelWeight * (1 + Math.log10(1 + Math.max(0, reach)) / 2) * (negative ? 1.5 : 1);
}

const decay = (hours: number, halfLife: number): number => Math.pow(2, -Math.max(0, hours) / halfLife);

/** The state at a later time (an older time leaves it as it is: late mentions add undecayed). */
export function decayHeat(state: HeatState, at: number): HeatState {
  if (at <= state.at) return state;
  const hours = (at - state.at) / HOUR;
  return {
    heat: state.heat * decay(hours, HEAT_HALF_LIFE_HOURS),
    fastRate: state.fastRate * decay(hours, FAST_HALF_LIFE_HOURS),
    slowRate: state.slowRate * decay(hours, SLOW_HALF_LIFE_HOURS),
    at,
  };
}

/** Adds one mention published at `at` with the given weight. */
export function addToHeat(state: HeatState, at: number, weight: number): HeatState {
  const now = decayHeat(state, at);
  const hours = (now.at - at) / HOUR; // > 0 only for a mention older than the state
  return {
    heat: now.heat + weight * decay(hours, HEAT_HALF_LIFE_HOURS),
    fastRate: now.fastRate + decay(hours, FAST_HALF_LIFE_HOURS),
    slowRate: now.slowRate + decay(hours, SLOW_HALF_LIFE_HOURS),
    at: now.at,
  };
}

/** Fast rate against the usual rate. Rates are mentions per hour (sum × ln2 / half-life). */
export function growthOf(state: HeatState): number {
  const fast = (state.fastRate * Math.LN2) / FAST_HALF_LIFE_HOURS;
  const slow = Math.max((state.slowRate * Math.LN2) / SLOW_HALF_LIFE_HOURS, MIN_USUAL_PER_HOUR);
  return Math.round((fast / slow) * 100) / 100;
}
