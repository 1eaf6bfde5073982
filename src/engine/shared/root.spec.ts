import { bracketedRoot } from './root';

/** The bracket of f on [low, high]. */
const around = (f: (x: number) => number, low: number, high: number) => ({
  low,
  high,
  valueAtLow: f(low),
  valueAtHigh: f(high),
});

describe('bracketedRoot (Illinois false position)', () => {
  it('finds the root of a line in one step', () => {
    let calls = 0;
    const line = (x: number) => {
      calls++;
      return 3.2e6 * (0.4123456789 - x);
    };
    const bracket = around(line, 0, 10);
    calls = 0;
    expect(bracketedRoot(line, bracket, { tolerance: 1e-12 })).toBeCloseTo(0.4123456789, 12);
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('closes in from both ends on a curved function, where plain false position stalls', () => {
    // e^x − 10 on [0, 5]: convex, so false position alone would keep the right end fixed.
    let calls = 0;
    const curve = (x: number) => {
      calls++;
      return Math.exp(x) - 10;
    };
    const bracket = around(curve, 0, 5);
    calls = 0;
    expect(bracketedRoot(curve, bracket, { tolerance: 1e-12 })).toBeCloseTo(Math.log(10), 11);
    expect(calls).toBeLessThan(20);
  });

  it('narrows a jump (a threshold payment) to the tolerance, and stops early where isRoot says so', () => {
    const step = (x: number) => (x < 0.45 ? -100 : 100);
    expect(bracketedRoot(step, around(step, 0, 1), { tolerance: 1e-9 })).toBeCloseTo(0.45, 8);
    const line = (x: number) => x - 0.3;
    const nearEnough = bracketedRoot(line, around(line, 0, 1), {
      tolerance: 1e-15,
      isRoot: (value) => Math.abs(value) < 0.01,
    });
    expect(Math.abs(nearEnough - 0.3)).toBeLessThan(0.01);
  });
});
