/**
 * Special functions in double precision, used to fit distributions once per run and to test the
 * samplers (never inside a trial loop, except `logFactorial`). Algorithms as in Numerical
 * Recipes, 3rd ed. (Press et al. 2007), §6.1, §6.2 and §6.4.
 */

/** Lanczos coefficients for g = 7, n = 9 (Godfrey's set): relative error below 2e-15 for x > 0. */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos approximation). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) {
    // Reflection Γ(x)Γ(1−x) = π / sin(πx) keeps the Lanczos series in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Below this, ln k! comes from an exact running sum; above, from Stirling's series. */
const LOG_FACTORIAL_TABLE_SIZE = 256;
const LOG_FACTORIAL_TABLE = (() => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 1; k < LOG_FACTORIAL_TABLE_SIZE; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
})();

/**
 * ln k! for integer k ≥ 0. Stirling's series with terms to 1/(1260k⁵): at k ≥ 256 the first
 * omitted term (1/(1680k⁷)) is below 1e-20, far under double precision.
 */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return LOG_FACTORIAL_TABLE[k];
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  return (
    (k + 0.5) * Math.log(k) -
    k +
    HALF_LOG_TWO_PI +
    inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260))
  );
}

/** Relative tolerance and iteration cap of the continued fractions and series below. */
const CONVERGENCE_EPSILON = 1e-15;
const MAX_ITERATIONS = 10000;
/** Guard against division by zero in Lentz's method. */
const TINY = 1e-300;

/** Continued fraction for the incomplete beta function (modified Lentz). */
function incompleteBetaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CONVERGENCE_EPSILON) return h;
  }
  throw new Error(`incomplete beta did not converge for a=${a}, b=${b}, x=${x}`);
}

/** The regularised incomplete beta function I_x(a, b): the Beta(a, b) distribution function. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`Beta shapes must be > 0, got a=${a}, b=${b}`);
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The fraction converges fast only for x below the mean-ish point; use symmetry above it.
  if (x < (a + 1) / (a + b + 2)) return (front * incompleteBetaFraction(a, b, x)) / a;
  return 1 - (front * incompleteBetaFraction(b, a, 1 - x)) / b;
}

/** Absolute tolerance on x when inverting a distribution function. */
const QUANTILE_X_TOLERANCE = 1e-14;
/** Steps of `betaQuantile` before it gives up: bisection alone reaches 1e-14 in 47. */
const MAX_QUANTILE_STEPS = 200;

/**
 * The p-quantile of Beta(a, b), to |Δx| ≤ 1e-14: Newton's method on I_x(a, b) = p from the
 * mean, the Beta density as the derivative, inside a bracket [low, high] that every step
 * narrows, with the safeguard of Numerical Recipes' `rtsafe`: a Newton step that would leave
 * the bracket, or that is not at most half the step before last, bisects instead. Shapes of a
 * fitted rate (α and β from about 2 to a few hundred) take 7 evaluations of I_x where bisection
 * takes 47; extreme shapes (below 0.01 or near 10⁶) up to about 55.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must lie in [0, 1], got ${p}`);
  if (!(a > 0 && b > 0)) throw new RangeError(`Beta shapes must be > 0, got a=${a}, b=${b}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const logNormaliser = logGamma(a + b) - logGamma(a) - logGamma(b);
  let low = 0;
  let high = 1;
  let x = a / (a + b);
  let lastStep = 1;
  let stepBeforeLast = 1;
  for (let step = 0; step < MAX_QUANTILE_STEPS; step++) {
    const excess = regularizedIncompleteBeta(x, a, b) - p;
    if (excess === 0) return x;
    if (excess < 0) low = x;
    else high = x;
    const density = Math.exp(logNormaliser + (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x));
    let next = x - excess / density;
    if (!(next > low && next < high) || Math.abs(next - x) > Math.abs(stepBeforeLast) / 2) {
      next = 0.5 * (low + high);
    }
    stepBeforeLast = lastStep;
    lastStep = next - x;
    if (Math.abs(lastStep) <= QUANTILE_X_TOLERANCE || high - low <= QUANTILE_X_TOLERANCE) {
      return next;
    }
    x = next;
  }
  throw new Error(`Beta quantile did not converge for p=${p}, a=${a}, b=${b}`);
}

/** The regularised lower incomplete gamma function P(a, x): the Gamma(a, 1) distribution function. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`Gamma shape must be > 0, got ${a}`);
  if (x <= 0) return 0;
  if (x < a + 1) return gammaSeries(a, x);
  return 1 - gammaFraction(a, x);
}

/** The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), accurate in the tail. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`Gamma shape must be > 0, got ${a}`);
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaFraction(a, x);
}

/** P(χ²_df ≥ statistic): the p-value of a chi-square test. */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  return regularizedGammaQ(degreesOfFreedom / 2, statistic / 2);
}

function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * CONVERGENCE_EPSILON) {
      return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }
  }
  throw new Error(`incomplete gamma series did not converge for a=${a}, x=${x}`);
}

function gammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CONVERGENCE_EPSILON) {
      return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
  }
  throw new Error(`incomplete gamma fraction did not converge for a=${a}, x=${x}`);
}
