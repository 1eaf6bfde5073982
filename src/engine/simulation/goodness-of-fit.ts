import { chiSquareSurvival } from './special-functions';

/**
 * Pearson chi-square tests, used to check samplers against their analytic distributions and
 * the binomial cohort draws against the per-participant reference.
 */

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  /** P(χ² ≥ statistic) under the hypothesis that the distributions agree. */
  pValue: number;
  /** Cells after pooling sparse neighbours. */
  cells: number;
}

/** Cochran's rule: pool neighbouring categories until each cell expects at least 5. */
const MIN_EXPECTED_PER_CELL = 5;

/**
 * Observed counts per category against expected probabilities (the categories in a natural
 * order, e.g. k = 0 … n of a binomial, so neighbours are pooled). Probability mass not listed
 * (a truncated tail) joins the last cell.
 */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  probabilities: readonly number[],
): ChiSquareResult {
  if (observed.length !== probabilities.length) {
    throw new RangeError(
      `${observed.length} observed categories but ${probabilities.length} probabilities`,
    );
  }
  const total = observed.reduce((sum, count) => sum + count, 0);
  const listedMass = probabilities.reduce((sum, p) => sum + p, 0);
  const cellObserved: number[] = [];
  const cellExpected: number[] = [];
  let pendingObserved = 0;
  let pendingExpected = 0;
  for (let k = 0; k < observed.length; k++) {
    pendingObserved += observed[k];
    pendingExpected += probabilities[k] * total;
    if (k === observed.length - 1) pendingExpected += Math.max(0, 1 - listedMass) * total;
    if (pendingExpected >= MIN_EXPECTED_PER_CELL) {
      cellObserved.push(pendingObserved);
      cellExpected.push(pendingExpected);
      pendingObserved = 0;
      pendingExpected = 0;
    }
  }
  if (cellObserved.length === 0) {
    cellObserved.push(pendingObserved);
    cellExpected.push(pendingExpected);
  } else {
    cellObserved[cellObserved.length - 1] += pendingObserved;
    cellExpected[cellExpected.length - 1] += pendingExpected;
  }
  let statistic = 0;
  for (let i = 0; i < cellObserved.length; i++) {
    const difference = cellObserved[i] - cellExpected[i];
    statistic += (difference * difference) / cellExpected[i];
  }
  const degreesOfFreedom = Math.max(1, cellObserved.length - 1);
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    cells: cellObserved.length,
  };
}

/**
 * Two samples of counts over the same ordered categories: do they come from the same
 * distribution? (Chi-square test of homogeneity, neighbours pooled until each cell expects at
 * least 5 in both samples.)
 */
export function chiSquareHomogeneity(
  first: readonly number[],
  second: readonly number[],
): ChiSquareResult {
  const length = Math.max(first.length, second.length);
  const firstTotal = first.reduce((sum, count) => sum + count, 0);
  const secondTotal = second.reduce((sum, count) => sum + count, 0);
  const grandTotal = firstTotal + secondTotal;
  const minimumCellTotal =
    MIN_EXPECTED_PER_CELL * Math.max(grandTotal / firstTotal, grandTotal / secondTotal);
  const cells: [number, number][] = [];
  let pending: [number, number] = [0, 0];
  for (let k = 0; k < length; k++) {
    pending[0] += first[k] ?? 0;
    pending[1] += second[k] ?? 0;
    if (pending[0] + pending[1] >= minimumCellTotal) {
      cells.push(pending);
      pending = [0, 0];
    }
  }
  if (cells.length === 0) cells.push(pending);
  else {
    cells[cells.length - 1][0] += pending[0];
    cells[cells.length - 1][1] += pending[1];
  }
  let statistic = 0;
  for (const [a, b] of cells) {
    const cellTotal = a + b;
    const expectedA = (cellTotal * firstTotal) / grandTotal;
    const expectedB = (cellTotal * secondTotal) / grandTotal;
    statistic += (a - expectedA) ** 2 / expectedA + (b - expectedB) ** 2 / expectedB;
  }
  const degreesOfFreedom = Math.max(1, cells.length - 1);
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    cells: cells.length,
  };
}

/** Counts how often each integer value 0 … maxValue occurs; larger values land in the last slot. */
export function countOccurrences(values: ArrayLike<number>, maxValue: number): number[] {
  const counts = new Array<number>(maxValue + 1).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(maxValue, values[i])]++;
  return counts;
}

/**
 * Kolmogorov–Smirnov distance between a sample and a continuous distribution function:
 * D = max over the sorted sample of max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n).
 */
export function kolmogorovSmirnovDistance(
  values: ArrayLike<number>,
  distributionFunction: (x: number) => number,
): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const f = distributionFunction(sorted[i]);
    distance = Math.max(distance, (i + 1) / n - f, f - i / n);
  }
  return distance;
}

/**
 * Asymptotic critical value of √n·D at the 0.1% level (Kolmogorov distribution:
 * P(K > 1.9495) = 0.001); a correct sampler exceeds it one time in a thousand.
 */
export const KOLMOGOROV_CRITICAL_VALUE_0_1_PERCENT = 1.9495;
