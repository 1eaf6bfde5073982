import type { Arith } from '../shared/arith';
import type {
  CompiledBaselineAdjusted,
  CompiledComponent,
  CompiledCost,
  CompiledRateCard,
  CompiledThreshold,
} from './compiled';
import { metricSeries, type OutcomesByYear } from './outcomes';

/**
 * The payment formulas that do not depend on the investors' position, by contract year
 * (index 0 = year 1). Amounts falling due after the horizon are not paid within it.
 */

/**
 * Intervention cost by year: observed, else a spending schedule, else cost per started
 * participant. Written into `into` when given (the Monte Carlo reuses one array per thread).
 */
export function interventionCostByYear<T>(
  cost: CompiledCost<T>,
  started: readonly T[],
  ar: Arith<T>,
  into: T[] = new Array<T>(started.length),
): T[] {
  for (let y = 0; y < started.length; y++) {
    const observed = cost.observed[y];
    if (observed !== null) into[y] = observed;
    else if (cost.schedule) into[y] = cost.schedule[y];
    else into[y] = cost.perStarted === null ? ar.zero : ar.mul(cost.perStarted, started[y]);
  }
  return into;
}

function addAt<T>(values: T[], index: number, amount: T, ar: Arith<T>): void {
  if (index < values.length) values[index] = ar.add(values[index], amount);
}

/** `years` zeros in `into` (or a new array). */
function zeroed<T>(years: number, ar: Arith<T>, into?: T[]): T[] {
  const values = into ?? new Array<T>(years);
  for (let y = 0; y < years; y++) values[y] = ar.zero;
  return values;
}

/** (a) price × units of the metric measured in year y, paid in year y + delay. */
function rateCardEarnings<T>(
  c: CompiledRateCard<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
  into?: T[],
): T[] {
  const earned = zeroed(o.years, ar, into);
  const units = metricSeries(o, c.metric) ?? [];
  for (let y = 0; y < units.length; y++) addAt(earned, y + c.delay, ar.mul(c.price, units[y]), ar);
  return earned;
}

/**
 * (b) Baseline adjustment on the cumulative cohort: entitled(y) = price × max(0, Σgross −
 * comparisonRate × Σmeasured) up to year y; each year pays the rise of the running maximum, so a
 * success is paid once and a weak year is offset by the next rather than clawed back.
 */
function baselineEarnings<T>(
  c: CompiledBaselineAdjusted<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
  into?: T[],
): T[] {
  const earned = zeroed(o.years, ar, into);
  let cumulativeGross = ar.zero;
  let cumulativeMeasured = ar.zero;
  let paidFor = ar.zero;
  for (let y = 0; y < o.years; y++) {
    cumulativeGross = ar.add(cumulativeGross, o.grossSuccesses[y]);
    cumulativeMeasured = ar.add(cumulativeMeasured, o.measured[y]);
    const above = ar.max(
      ar.zero,
      ar.sub(cumulativeGross, ar.mul(c.comparisonRate, cumulativeMeasured)),
    );
    const entitled = ar.mul(c.price, above);
    addAt(earned, y + c.delay, ar.max(ar.zero, ar.sub(entitled, paidFor)), ar);
    paidFor = ar.max(paidFor, entitled);
  }
  return earned;
}

/**
 * The cohort's improvement at the measurement year: observed if given, else from the counts
 * measured up to it: rate = Σgross / Σmeasured; percentage points = rate − comparison;
 * relative = (rate − comparison) / comparison. Null when nobody was measured.
 */
export function cohortImprovement<T>(
  c: CompiledThreshold<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
): T | null {
  const observed = o.thresholdImprovement[c.id];
  if (observed !== undefined) return observed;
  let gross = ar.zero;
  let measured = ar.zero;
  for (let y = 0; y <= c.measurementIndex && y < o.years; y++) {
    gross = ar.add(gross, o.grossSuccesses[y]);
    measured = ar.add(measured, o.measured[y]);
  }
  if (ar.isZero(measured)) return null;
  const points = ar.sub(ar.div(gross, measured), c.comparisonRate);
  return c.relative ? ar.div(points, c.comparisonRate) : points;
}

/**
 * The cohort payment for an improvement: 0 below the first point (the threshold); stepped: the
 * payment of the highest point reached; linear: interpolated between the points around it; flat
 * beyond the last point.
 */
export function thresholdPayment<T>(
  c: CompiledThreshold<T>,
  improvement: T | null,
  ar: Arith<T>,
): T {
  const points = c.points;
  if (improvement === null || points.length === 0 || ar.lt(improvement, points[0].improvement)) {
    return ar.zero;
  }
  let i = 0;
  while (i + 1 < points.length && ar.gte(improvement, points[i + 1].improvement)) i++;
  if (!c.linear || i + 1 === points.length) return points[i].payment;
  const from = points[i];
  const to = points[i + 1];
  const position = ar.div(
    ar.sub(improvement, from.improvement),
    ar.sub(to.improvement, from.improvement),
  );
  return ar.add(from.payment, ar.mul(ar.sub(to.payment, from.payment), position));
}

function thresholdEarnings<T>(
  c: CompiledThreshold<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
  into?: T[],
): T[] {
  const earned = zeroed(o.years, ar, into);
  addAt(
    earned,
    c.measurementIndex + c.delay,
    thresholdPayment(c, cohortImprovement(c, o, ar), ar),
    ar,
  );
  return earned;
}

/**
 * Applies a cap on the running total: each year pays at most what is left under it. Writes into
 * `into` when given (which may be `amounts` itself: each year is read before it is written).
 */
export function capCumulative<T>(
  amounts: readonly T[],
  cap: T | null,
  ar: Arith<T>,
  into: T[] = new Array<T>(amounts.length),
): T[] {
  if (cap === null) {
    for (let y = 0; y < amounts.length; y++) into[y] = amounts[y];
    return into;
  }
  let paid = ar.zero;
  for (let y = 0; y < amounts.length; y++) {
    const allowed = ar.min(amounts[y], ar.max(ar.zero, ar.sub(cap, paid)));
    paid = ar.add(paid, allowed);
    into[y] = allowed;
  }
  return into;
}

/**
 * What a component earns by year before the model-wide caps, its own cap applied. A share of
 * savings depends on the investors' position and is computed in the cash-flow loop (null here).
 * With `into` (one array per year) the result is written there, so a Monte Carlo trial
 * allocates nothing.
 */
export function componentEarnings<T>(
  c: CompiledComponent<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
  into?: T[],
): T[] | null {
  switch (c.kind) {
    case 'rateCard':
      return capCumulative(rateCardEarnings(c, o, ar, into), c.cap, ar, into);
    case 'baselineAdjusted':
      return capCumulative(baselineEarnings(c, o, ar, into), c.cap, ar, into);
    case 'threshold':
      return capCumulative(thresholdEarnings(c, o, ar, into), c.cap, ar, into);
    case 'shareOfSavings':
      return null;
  }
}
