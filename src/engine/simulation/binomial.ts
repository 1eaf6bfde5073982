import type { Xor128Stream } from './rng';
import { logFactorial } from './special-functions';

/**
 * Exact Binomial(n, p) sampling, fast for n up to a few thousand. Floats throughout: this runs
 * inside the Monte Carlo hot loop, and the counts it returns are exact integers.
 *
 * - p > 0.5 is drawn as n − Binomial(n, 1 − p), so the methods below only see p ≤ 0.5.
 * - n·p < 10: inversion by sequential search from 0 (Kachitvichyanukul & Schmeiser 1988,
 *   "BINV"): one uniform and about n·p + 1 multiplications per draw.
 * - n·p ≥ 10: BTRS, transformed rejection with squeeze (Hörmann 1993, "The generation of
 *   binomial random variates", J. Statist. Comput. Simul. 46:101–110), the method of TensorFlow,
 *   JAX and PyTorch: about 2.3 uniforms per draw whatever n; exact, since the final acceptance
 *   test uses the exact log-probabilities (ln k! from `logFactorial`).
 */

/** Hörmann's BTRS is valid for n·p ≥ 10; below it inversion is faster anyway. */
const INVERSION_MEAN_LIMIT = 10;

export function sampleBinomial(stream: Xor128Stream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomialAtMostHalf(stream, n, 1 - p);
  return sampleBinomialAtMostHalf(stream, n, p);
}

function sampleBinomialAtMostHalf(stream: Xor128Stream, n: number, p: number): number {
  return n * p < INVERSION_MEAN_LIMIT
    ? binomialInversion(stream, n, p)
    : binomialBtrs(stream, n, p);
}

/**
 * BINV: walk the distribution function from k = 0 with the recurrence
 * P(k) = P(k − 1)·((n + 1)·s/k − s), s = p/q. If rounding leaves the uniform above the total
 * mass (k passes n), the draw restarts with a fresh uniform.
 */
function binomialInversion(stream: Xor128Stream, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const probabilityOfZero = integerPower(q, n);
  for (;;) {
    let u = stream.nextDouble();
    let probability = probabilityOfZero;
    let k = 0;
    while (u >= probability) {
      u -= probability;
      k++;
      if (k > n) break;
      probability *= a / k - s;
    }
    if (k <= n) return k;
  }
}

/**
 * x^n for integer n ≥ 0 by repeated squaring: about 2·log₂ n multiplications, several times
 * faster than Math.pow, relative error about log₂ n ulps.
 */
export function integerPower(x: number, n: number): number {
  let result = 1;
  let base = x;
  let exponent = n;
  while (exponent > 0) {
    if (exponent & 1) result *= base;
    base *= base;
    exponent >>>= 1;
  }
  return result;
}

/** Constants of Hörmann's BTRS (paper, algorithm BTRS, step 0). */
const BTRS_B_OFFSET = 1.15;
const BTRS_B_SLOPE = 2.53;
const BTRS_A_OFFSET = -0.0873;
const BTRS_A_SLOPE = 0.0248;
const BTRS_A_P_SLOPE = 0.01;
const BTRS_VR_OFFSET = 0.92;
const BTRS_VR_SLOPE = 4.2;
const BTRS_ALPHA_OFFSET = 2.83;
const BTRS_ALPHA_SLOPE = 5.1;
/** Squeeze region: |U| ≤ 0.43 (us ≥ 0.07) with V ≤ v_r accepts without evaluating logs. */
const BTRS_SQUEEZE_US = 0.07;

function binomialBtrs(stream: Xor128Stream, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = BTRS_B_OFFSET + BTRS_B_SLOPE * spq;
  const a = BTRS_A_OFFSET + BTRS_A_SLOPE * b + BTRS_A_P_SLOPE * p;
  const c = n * p + 0.5;
  const vr = BTRS_VR_OFFSET - BTRS_VR_SLOPE / b;
  const alpha = (BTRS_ALPHA_OFFSET + BTRS_ALPHA_SLOPE / b) * spq;
  const logOdds = Math.log(p / q);
  const mode = Math.floor((n + 1) * p);
  const logModeTerms = logFactorial(mode) + logFactorial(n - mode);
  for (;;) {
    const u = stream.nextDouble() - 0.5;
    let v = stream.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= BTRS_SQUEEZE_US && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const logRatio = logModeTerms - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds;
    if (v <= logRatio) return k;
  }
}

/** Cohort-sized counts get a lookup table; larger ones use `sampleBinomial`. */
export const MAX_TABULATED_TRIALS = 512;

/**
 * Binomial(n, p) draws for one FIXED p and many n (a fixed dropout rate, a lag split, a relapse
 * hazard): inversion over a precomputed distribution function with a guide table (Chen & Asau
 * 1974), so a draw costs one uniform and one or two comparisons. Exact like BINV: both invert
 * the same distribution function, rounded once. Tables are built lazily per n ≤ 512 (at most
 * about 1 MB for a p); they depend only on (n, p), never on the stream.
 */
export class FixedRateBinomial {
  private readonly distributionFunctions: (Float64Array | undefined)[] = [];
  private readonly guides: (Int32Array | undefined)[] = [];

  constructor(readonly probability: number) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`a binomial probability must lie in [0, 1], got ${probability}`);
    }
  }

  sample(stream: Xor128Stream, n: number): number {
    if (n <= 0 || this.probability === 0) return 0;
    if (this.probability === 1) return n;
    if (n > MAX_TABULATED_TRIALS) return sampleBinomial(stream, n, this.probability);
    const index = n | 0; // counts arrive as doubles from Float64Arrays; an int index keeps the load fast
    let distribution = this.distributionFunctions[index];
    if (distribution === undefined) distribution = this.tabulate(index);
    const guide = this.guides[index] as Int32Array;
    const u = stream.nextDouble();
    let k = guide[(u * guide.length) | 0];
    while (distribution[k] <= u) k++;
    return k;
  }

  private tabulate(n: number): Float64Array {
    const p = this.probability;
    const logP = Math.log(p);
    const logQ = Math.log1p(-p);
    const logNFactorial = logFactorial(n);
    const distribution = new Float64Array(n + 1);
    let cumulative = 0;
    for (let k = 0; k <= n; k++) {
      cumulative += Math.exp(
        logNFactorial - logFactorial(k) - logFactorial(n - k) + k * logP + (n - k) * logQ,
      );
      distribution[k] = cumulative;
    }
    // The total is 1 up to rounding; make it exactly 1 so every uniform in [0, 1) finds a k.
    distribution[n] = 1;
    const guide = new Int32Array(n + 1);
    let k = 0;
    for (let slot = 0; slot < guide.length; slot++) {
      while (distribution[k] <= slot / guide.length) k++;
      guide[slot] = k;
    }
    this.distributionFunctions[n] = distribution;
    this.guides[n] = guide;
    return distribution;
  }
}

/**
 * A binomial draw site whose probability is either fixed for the run (then tabulated) or
 * drawn per trial (then `sampleBinomial`). Callers always pass the trial's p.
 */
export class BinomialSite {
  private readonly table: FixedRateBinomial | null;

  constructor(fixedProbability: number | null) {
    this.table = fixedProbability === null ? null : new FixedRateBinomial(fixedProbability);
  }

  sample(stream: Xor128Stream, n: number, p: number): number {
    return this.table === null ? sampleBinomial(stream, n, p) : this.table.sample(stream, n);
  }
}

/** Reference: n Bernoulli trials, one uniform per participant. For tests only (slow). */
export function sampleBinomialByBernoulliTrials(
  stream: Xor128Stream,
  n: number,
  p: number,
): number {
  let successes = 0;
  for (let i = 0; i < n; i++) if (stream.nextDouble() < p) successes++;
  return successes;
}

/** P(X = k) for X ~ Binomial(n, p), for goodness-of-fit tests. */
export function binomialProbability(n: number, p: number, k: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(
    logFactorial(n) -
      logFactorial(k) -
      logFactorial(n - k) +
      k * Math.log(p) +
      (n - k) * Math.log1p(-p),
  );
}
