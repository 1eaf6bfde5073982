/**
 * The fund's investment rules that the exact projection and the Monte Carlo share, so both
 * pick the same products in the same order. Counts and shares are plain numbers: no money here.
 */

/** Two mix deficits closer than this are a tie (shares are floats such as 1/3). */
const DEFICIT_TIE_TOLERANCE = 1e-9;

/**
 * The product the next partnership takes: the one furthest below its share of the mix once the
 * next partnership is counted, i.e. the largest share[i]·(total + 1) − started[i] (the
 * Sainte-Laguë idea of apportionment); ties go to the earlier product. Over time the counts
 * follow the mix weights as closely as whole partnerships allow.
 */
export function nextProductIndex(started: ArrayLike<number>, shares: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < started.length; i++) total += started[i];
  let best = 0;
  let bestDeficit = -Infinity;
  for (let i = 0; i < shares.length; i++) {
    const deficit = shares[i] * (total + 1) - started[i];
    if (deficit > bestDeficit + DEFICIT_TIE_TOLERANCE) {
      best = i;
      bestDeficit = deficit;
    }
  }
  return best;
}

/** True in the last `stopInLastYears` years of the horizon, when repaid money is not reinvested. */
export function reinvestmentStopped(
  yearIndex: number,
  horizonYears: number,
  stopInLastYears: number,
): boolean {
  return yearIndex >= horizonYears - stopInLastYears;
}
