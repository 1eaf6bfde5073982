import fc from 'fast-check';
import {
  betaQuantile,
  chiSquareSurvival,
  logFactorial,
  logGamma,
  regularizedGammaP,
  regularizedIncompleteBeta,
} from './special-functions';

describe('special functions', () => {
  it('ln Γ matches known values: Γ(5) = 4! = 24, Γ(½) = √π, ln Γ(101) = ln 100!', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    // ln 100! = 363.73937555556347 (published table value, e.g. OEIS/Abramowitz–Stegun).
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 10);
  });

  it('ln k! agrees with the direct sum of logs on both sides of the table boundary at 256', () => {
    let sumOfLogs = 0;
    for (let k = 1; k <= 1000; k++) {
      sumOfLogs += Math.log(k);
      // The running sum itself drifts by ~1e-15 relative; allow 1e-13 relative.
      expect(Math.abs(logFactorial(k) - sumOfLogs)).toBeLessThan(1e-13 * Math.max(1, sumOfLogs));
    }
  });

  it('the incomplete beta function reproduces closed forms', () => {
    // I_x(1, 1) = x (uniform); I_x(3, 1) = x³.
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 14);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 14);
    // I_x(2, 3) = P(Bin(4, x) ≥ 2) = 6·0.3²·0.7² + 4·0.3³·0.7 + 0.3⁴ = 0.2646 + 0.0756 + 0.0081 = 0.3483
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 13);
    // Symmetry: I_½(a, a) = ½.
    expect(regularizedIncompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 13);
  });

  it('the Beta quantile inverts the distribution function: Beta(2, 2) has q05 solving 3x² − 2x³ = 0.05', () => {
    // Solving the cubic by bisection gives x = 0.13535036217158…
    expect(betaQuantile(0.05, 2, 2)).toBeCloseTo(0.1353503621715838, 12);
    expect(betaQuantile(0.95, 2, 2)).toBeCloseTo(1 - 0.1353503621715838, 12);
  });

  it('the Beta quantile agrees with plain bisection for skewed, U-shaped, peaked and extreme shapes (property, seed 11)', () => {
    /** The slow, obvious reference: bisection on I_x(a, b) = p to a bracket of 1e-14. */
    const bisected = (p: number, a: number, b: number): number => {
      let low = 0;
      let high = 1;
      while (high - low > 1e-14) {
        const middle = 0.5 * (low + high);
        if (regularizedIncompleteBeta(middle, a, b) < p) low = middle;
        else high = middle;
      }
      return 0.5 * (low + high);
    };
    // Shapes from 10⁻³ to 10⁶ on a log scale (a fit's concentration spans 10⁻³ … 10⁶), any p.
    const shape = fc.double({ min: -3, max: 6, noNaN: true }).map((e) => 10 ** e);
    fc.assert(
      fc.property(shape, shape, fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (a, b, p) => {
        expect(Math.abs(betaQuantile(p, a, b) - bisected(p, a, b))).toBeLessThan(2e-14);
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('the gamma and chi-square tails reproduce closed forms and table values', () => {
    // P(1, x) = 1 − e^(−x).
    expect(regularizedGammaP(1, 2.5)).toBeCloseTo(1 - Math.exp(-2.5), 14);
    // χ² with 2 degrees of freedom: P(χ² ≥ x) = e^(−x/2), e^(−2) = 0.1353352832366127.
    expect(chiSquareSurvival(4, 2)).toBeCloseTo(0.1353352832366127, 13);
    // 3.841458820694124 is the 95% quantile of χ²₁ (statistical tables).
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
  });

  it('refuse arguments outside their domain', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => betaQuantile(1.5, 2, 2)).toThrow(RangeError);
  });
});
