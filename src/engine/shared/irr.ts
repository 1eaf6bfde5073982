/** Bisection stops when the bracket is narrower than this (a rate, per year). */
export const IRR_TOLERANCE = 1e-10;
/** −99.99% a year: the NPV is undefined at −100%. */
export const IRR_LOWEST_RATE = -0.9999;
/** 1,000,000% a year: beyond any contract; stops the bracket search. */
export const IRR_HIGHEST_RATE = 1e4;
const MAX_BISECTIONS = 200;

export function npvAtRate(cashflows: readonly number[], rate: number): number {
  let value = 0;
  let factor = 1;
  for (const flow of cashflows) {
    value += flow / factor;
    factor *= 1 + rate;
  }
  return value;
}

/**
 * Internal rate of return of yearly cash flows (index t = years after the first flow): the rate r
 * with Σ cf_t / (1 + r)^t = 0. A rate is reported, not booked, so floats are fine here.
 *
 * Method: bisection on (−1, ∞). The bracket starts at [IRR_LOWEST_RATE, 1] and its upper end
 * doubles until the NPV changes sign (up to IRR_HIGHEST_RATE); then it halves until it is
 * narrower than IRR_TOLERANCE. Bisection always converges once bracketed, where Newton can
 * overshoot below −100%. With one sign change in the flows (invest, then receive) the root is
 * unique; with several, the root in the first bracket found is returned.
 *
 * Returns null when there is no root: all flows of one sign, all zero, or no sign change of the
 * NPV on the searched range.
 */
export function irr(cashflows: readonly number[]): number | null {
  const hasPositive = cashflows.some((flow) => flow > 0);
  const hasNegative = cashflows.some((flow) => flow < 0);
  if (!hasPositive || !hasNegative) return null;

  let low = IRR_LOWEST_RATE;
  let high = 1;
  const npvLow = npvAtRate(cashflows, low);
  let npvHigh = npvAtRate(cashflows, high);
  while (Math.sign(npvHigh) === Math.sign(npvLow) && high < IRR_HIGHEST_RATE) {
    high *= 2;
    npvHigh = npvAtRate(cashflows, high);
  }
  if (npvLow === 0) return low;
  if (npvHigh === 0) return high;
  if (Math.sign(npvHigh) === Math.sign(npvLow)) return null;

  const lowSign = Math.sign(npvLow);
  for (let i = 0; i < MAX_BISECTIONS && high - low > IRR_TOLERANCE; i++) {
    const middle = (low + high) / 2;
    const npvMiddle = npvAtRate(cashflows, middle);
    if (npvMiddle === 0) return middle;
    if (Math.sign(npvMiddle) === lowSign) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** The IRR of investors who drew capital and got nothing back: −100 %, the limit as receipts → 0. */
export const TOTAL_LOSS_IRR = -1;

/**
 * An investor's IRR as both the projection and the Monte Carlo report it: −100 % for a total
 * loss (money out, nothing back), otherwise the root of the NPV, or null when there is none.
 */
export function investorIrr(cashflows: readonly number[]): number | null {
  const paidOut = cashflows.some((flow) => flow < 0);
  const gotBack = cashflows.some((flow) => flow > 0);
  if (paidOut && !gotBack) return TOTAL_LOSS_IRR;
  return irr(cashflows);
}
