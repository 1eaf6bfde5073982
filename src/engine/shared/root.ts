/** Steps before `bracketedRoot` settles for its bracket's middle; it needs a dozen at most in practice. */
const MAX_STEPS = 200;

/** A bracket of a root: f(low) and f(high) have opposite signs (neither is 0). */
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
 * in (plain false position can leave one end fixed). Superlinear on smooth functions, one step
 * on a line; a cut that would fall outside the bracket (rounding) bisects instead. Stops at a
 * point where `isRoot(f(x))`, returning it, or when the bracket is at most `tolerance` wide,
 * returning its middle.
 */
export function bracketedRoot(
  f: (x: number) => number,
  bracket: RootBracket,
  options: { tolerance: number; isRoot?: (value: number) => boolean },
): number {
  let { low, high, valueAtLow, valueAtHigh } = bracket;
  const isRoot = options.isRoot ?? ((value: number) => value === 0);
  let movedEnd = 0;
  for (let step = 0; step < MAX_STEPS && high - low > options.tolerance; step++) {
    let x = (low * valueAtHigh - high * valueAtLow) / (valueAtHigh - valueAtLow);
    if (!(x > low && x < high)) x = (low + high) / 2;
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
