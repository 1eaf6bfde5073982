/** Steps before `bracketedRoot` gives up; forced bisections alone reach 2⁻⁹⁰ of the bracket in 180. */
const MAX_STEPS = 200;

/** A bracket of a root: f(low) and f(high) have opposite signs. */
export interface RootBracket {
  low: number;
  high: number;
  valueAtLow: number;
  valueAtHigh: number;
}

/**
 * A root of a continuous f inside a bracket, by the Illinois variant of false position (Dowell
 * & Jarratt 1971): each step cuts the bracket where the line through its ends crosses 0, and
 * when the same end moves twice running, the other end's value is halved, so both ends close
 * in (plain false position can leave one end fixed). Superlinear on smooth functions, a step
 * or two on a line. Safeguards keep it at least as sure as bisection: a cut outside the bracket
 * (rounding) bisects instead, and so does every second step while the bracket has not halved
 * in the last two (a flat root such as (x − a)⁵ would otherwise creep). Stops at a point where
 * `isRoot(f(x))`, returning it, or when the bracket is at most `tolerance` wide, returning its
 * middle.
 */
export function bracketedRoot(
  f: (x: number) => number,
  bracket: RootBracket,
  options: { tolerance: number; isRoot?: (value: number) => boolean },
): number {
  let { low, high, valueAtLow, valueAtHigh } = bracket;
  const isRoot = options.isRoot ?? ((value: number) => value === 0);
  let movedEnd = 0;
  let widthTwoStepsAgo = Infinity;
  let widthOneStepAgo = Infinity;
  for (let step = 0; high - low > options.tolerance; step++) {
    if (step === MAX_STEPS) {
      throw new Error(`no root within ${options.tolerance} after ${MAX_STEPS} steps`);
    }
    const width = high - low;
    const stalled = width > widthTwoStepsAgo / 2;
    widthTwoStepsAgo = widthOneStepAgo;
    widthOneStepAgo = width;
    let x = (low * valueAtHigh - high * valueAtLow) / (valueAtHigh - valueAtLow);
    if (stalled || !(x > low && x < high)) x = (low + high) / 2;
    const value = f(x);
    if (isRoot(value)) return x;
    if (Math.sign(value) === Math.sign(valueAtLow)) {
      low = x;
      valueAtLow = value;
      if (movedEnd === -1) valueAtHigh /= 2;
      movedEnd = -1;
    } else {
      high = x;
      valueAtHigh = value;
      if (movedEnd === 1) valueAtLow /= 2;
      movedEnd = 1;
    }
  }
  return (low + high) / 2;
}
