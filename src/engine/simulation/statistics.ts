import { selectOrderStatistics, valueRange, type ValueRange } from './bucket-select';
import { firstPass, type FirstPass } from './first-pass';

/**
 * Statistics over Monte Carlo outputs (one value per trial, in Float64Arrays). Floats: these
 * describe a sample, they are not money ledgers.
 *
 * NaN marks a trial whose value is undefined (e.g. an IRR without a sign change in the cash
 * flows): every function here leaves NaN values out, and `summarize` counts them as `missing`.
 */

/** The quantiles every output reports, and the bands of a fan chart. */
export const SUMMARY_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Default number of histogram bins. */
export const DEFAULT_HISTOGRAM_BINS = 30;

export interface Quantiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface Summary extends Quantiles {
  /** Trials with a value (not NaN). */
  count: number;
  /** Trials whose value is NaN (undefined). */
  missing: number;
  mean: number;
  /** Sample standard deviation (divisor count − 1). */
  standardDeviation: number;
  /** Standard error of the mean: standardDeviation / √count. */
  standardError: number;
  min: number;
  max: number;
}

export interface Histogram {
  /** binCount + 1 ascending edges; bin i covers [edges[i], edges[i+1]), the last bin includes its upper edge. */
  edges: number[];
  counts: number[];
}

export interface FanChartBand extends Quantiles {
  mean: number;
}

function asFloat64Array(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/** Arithmetic mean, by Neumaier's compensated summation (order-stable to ~1 ulp per million values). */
export function mean(values: ArrayLike<number>): number {
  return firstPass(asFloat64Array(values)).mean;
}

/** Sample standard deviation (divisor n − 1), two-pass around the mean. NaN below two values. */
export function standardDeviation(values: ArrayLike<number>, knownMean?: number): number {
  const data = asFloat64Array(values);
  const first = firstPass(data);
  return spreadOf(first.count, sumOfSquaredDeviations(data, knownMean ?? first.mean));
}

/** The sample standard deviation from the count and Σ (value − mean)²; NaN below two values. */
function spreadOf(count: number, sumOfSquares: number): number {
  return count < 2 ? NaN : Math.sqrt(sumOfSquares / (count - 1));
}

/**
 * Quantiles by linear interpolation between order statistics, "type 7 as in R and numpy":
 * with n sorted values x₀ … x₍ₙ₋₁₎ and h = (n − 1)·p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * The order statistics are found by selection (`bucket-select.ts`), not by sorting; the input
 * is not modified.
 */
export function quantiles(values: ArrayLike<number>, probabilities: readonly number[]): number[] {
  return quantilesWithin(asFloat64Array(values), probabilities);
}

/** `quantiles`, given the values' range when a pass over them has found it already. */
function quantilesWithin(
  values: Float64Array,
  probabilities: readonly number[],
  knownRange?: ValueRange,
): number[] {
  for (const p of probabilities) {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`quantile probability must lie in [0, 1], got ${p}`);
    }
  }
  const selected = selectOrderStatistics(
    values,
    (n) =>
      n === 0
        ? []
        : probabilities.flatMap((p) => {
            const lower = Math.floor((n - 1) * p);
            return [lower, Math.min(lower + 1, n - 1)];
          }),
    knownRange,
  );
  const n = selected.count;
  if (n === 0) return probabilities.map(() => NaN);
  const valueAt = new Map(selected.ranks.map((rank, i) => [rank, selected.values[i]]));
  return probabilities.map((p) => {
    const position = (n - 1) * p;
    const lower = Math.floor(position);
    const fraction = position - lower;
    const lowerValue = valueAt.get(lower) as number;
    if (fraction === 0) return lowerValue;
    return lowerValue + fraction * ((valueAt.get(lower + 1) as number) - lowerValue);
  });
}

export function quantile(values: ArrayLike<number>, probability: number): number {
  return quantiles(values, [probability])[0];
}

function asQuantiles(values: number[]): Quantiles {
  const [p5, p25, p50, p75, p95] = values;
  return { p5, p25, p50, p75, p95 };
}

function summaryOf(data: Float64Array, first: FirstPass, sumOfSquares: number): Summary {
  const { count, min, max, mean: average } = first;
  const spread = spreadOf(count, sumOfSquares);
  return {
    count,
    missing: data.length - count,
    mean: average,
    standardDeviation: spread,
    standardError: count < 2 ? NaN : spread / Math.sqrt(count),
    min: count === 0 ? NaN : min,
    max: count === 0 ? NaN : max,
    ...asQuantiles(quantilesWithin(data, SUMMARY_PROBABILITIES, valueRange(first))),
  };
}

/** Σ (value − mean)² over the non-NaN values: `standardDeviation`'s second pass. */
function sumOfSquaredDeviations(data: Float64Array, average: number): number {
  let sumOfSquares = 0;
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (value !== value) continue; // NaN
    const deviation = value - average;
    sumOfSquares += deviation * deviation;
  }
  return sumOfSquares;
}

/**
 * Mean, spread, standard error and the p5/p25/p50/p75/p95 quantiles (type 7) of one output.
 * Two passes plus the selection (the count and extremes ride along with the sum); the passes
 * of `mean` and `standardDeviation`, so the same numbers.
 */
export function summarize(values: ArrayLike<number>): Summary {
  const data = asFloat64Array(values);
  const first = firstPass(data);
  return summaryOf(data, first, sumOfSquaredDeviations(data, first.mean));
}

/**
 * `summarize` and `histogram` of one output together, sharing their passes: the histogram's
 * range comes from the first pass and its counts from the spread's pass. A million-trial output
 * is read three times instead of seven. The same numbers as calling both.
 */
export function summarizeWithHistogram(
  values: Float64Array,
  binCount = DEFAULT_HISTOGRAM_BINS,
): { summary: Summary; histogram: Histogram } {
  checkBinCount(binCount);
  const first = firstPass(values);
  const { finiteMin: min, finiteMax: max, mean: average } = first;
  const width = (max - min) / binCount;
  const binCounts = new Float64Array(min < max ? binCount : 1);
  const sumOfSquares = spreadAndBins(values, average, min, width, binCounts);
  const counts = Array.from(binCounts);
  let result: Histogram;
  if (min > max) result = { edges: [], counts: [] };
  else if (min === max) result = { edges: [min, max], counts };
  else result = { edges: histogramEdges(min, max, width, binCount), counts };
  return { summary: summaryOf(values, first, sumOfSquares), histogram: result };
}

/**
 * Σ (value − mean)² over the non-NaN values, and the histogram counts of the finite ones: one
 * bin of width `width` from `min` each, the last also holding its upper edge (one bin when all
 * finite values are equal). A loop in a function of its own (see `tallyFirstPass`).
 */
function spreadAndBins(
  values: Float64Array,
  average: number,
  min: number,
  width: number,
  counts: Float64Array,
): number {
  const binCount = counts.length;
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) continue; // NaN
    const deviation = value - average;
    sumOfSquares += deviation * deviation;
    if (value === Infinity || value === -Infinity) continue;
    if (binCount > 1) counts[Math.min(binCount - 1, Math.floor((value - min) / width))]++;
    else counts[0]++;
  }
  return sumOfSquares;
}

function checkBinCount(binCount: number): void {
  if (!(Number.isInteger(binCount) && binCount >= 1)) {
    throw new RangeError(`binCount must be a positive integer, got ${binCount}`);
  }
}

function histogramEdges(min: number, max: number, width: number, binCount: number): number[] {
  const edges = Array.from({ length: binCount + 1 }, (_, i) => min + i * width);
  edges[binCount] = max;
  return edges;
}

/**
 * Equal-width bins from the smallest to the largest finite value. When all values are equal
 * there is one bin [v, v] holding them all; with no finite value, no bins.
 */
export function histogram(values: ArrayLike<number>, binCount = DEFAULT_HISTOGRAM_BINS): Histogram {
  checkBinCount(binCount);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return { edges: [], counts: [] };
  if (min === max) {
    let count = 0;
    for (let i = 0; i < values.length; i++) if (values[i] === min) count++;
    return { edges: [min, max], counts: [count] };
  }
  const width = (max - min) / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    counts[Math.min(binCount - 1, Math.floor((value - min) / width))]++;
  }
  return { edges: histogramEdges(min, max, width, binCount), counts };
}

/**
 * Per-year bands of a [trials × years] matrix stored row by row (matrix[trial·years + year]):
 * the mean and the p5/p25/p50/p75/p95 quantiles (type 7) of each year's column.
 */
export function fanChart(matrix: ArrayLike<number>, years: number): FanChartBand[] {
  if (!(Number.isInteger(years) && years >= 1) || matrix.length % years !== 0) {
    throw new RangeError(`a matrix of ${matrix.length} values does not have ${years} columns`);
  }
  const trials = matrix.length / years;
  const column = new Float64Array(trials);
  const bands: FanChartBand[] = [];
  for (let year = 0; year < years; year++) {
    let count = 0;
    for (let trial = 0; trial < trials; trial++) {
      const value = matrix[trial * years + year];
      if (!Number.isNaN(value)) column[count++] = value;
    }
    const present = column.subarray(0, count);
    bands.push({ mean: mean(present), ...asQuantiles(quantiles(present, SUMMARY_PROBABILITIES)) });
  }
  return bands;
}

/** Share of trials (with a value) whose value is strictly below `threshold`; NaN if none has one. */
export function probabilityBelow(values: ArrayLike<number>, threshold: number): number {
  const { count, below } = countBelow(values, threshold);
  return count === 0 ? NaN : below / count;
}

/** Share of trials (with a value) whose value is at least `threshold`; NaN if none has one. */
export function probabilityAtLeast(values: ArrayLike<number>, threshold: number): number {
  const { count, below } = countBelow(values, threshold);
  return count === 0 ? NaN : (count - below) / count;
}

/** Values that are not NaN, and how many of them lie strictly below `threshold`. */
function countBelow(
  values: ArrayLike<number>,
  threshold: number,
): { count: number; below: number } {
  let below = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    count++;
    if (value < threshold) below++;
  }
  return { count, below };
}
