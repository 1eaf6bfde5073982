import { bracketedRoot } from './root';

/** f and a counter of its evaluations, with the bracket [low, high]. */
function counted(f: (x: number) => number, low: number, high: number) {
  const counter = { calls: 0 };
  const g = (x: number) => {
    counter.calls++;
    return f(x);
  };
  return { f: g, counter, bracket: { low, high, valueAtLow: f(low), valueAtHigh: f(high) } };
}

describe('bracketedRoot (Illinois false position)', () => {
  it('finds the root of a line in a few steps (a price multiplier against a net)', () => {
    for (const root of [0.4123456789, 1 / 3, 7.77, 9.999]) {
      const line = counted((x) => 3.2e6 * (root - x), 0, 10);
      expect(bracketedRoot(line.f, line.bracket, { tolerance: 1e-12 })).toBeCloseTo(root, 11);
      expect(line.counter.calls).toBeLessThanOrEqual(4);
    }
  });

  it('closes in from both ends on a curved function, where plain false position stalls', () => {
    // e^x − 10 on [0, 5]: convex, so false position alone would keep the right end fixed.
    const curve = counted((x) => Math.exp(x) - 10, 0, 5);
    expect(bracketedRoot(curve.f, curve.bracket, { tolerance: 1e-12 })).toBeCloseTo(
      Math.log(10),
      11,
    );
    expect(curve.counter.calls).toBeLessThan(20);
  });

  it('still converges on a flat root, where false position creeps (bisection takes over)', () => {
    const flat = counted((x) => 1e3 * (x - 0.3) ** 5, 0, 1);
    expect(bracketedRoot(flat.f, flat.bracket, { tolerance: 1e-9 })).toBeCloseTo(0.3, 8);
    expect(flat.counter.calls).toBeLessThan(100);
  });

  it('narrows a jump (a threshold payment) to the tolerance, and stops early where isRoot says so', () => {
    const step = counted((x) => (x < 0.45 ? -100 : 100), 0, 1);
    expect(bracketedRoot(step.f, step.bracket, { tolerance: 1e-9 })).toBeCloseTo(0.45, 8);
    const line = counted((x) => x - 0.3, 0, 1);
    const nearEnough = bracketedRoot(line.f, line.bracket, {
      tolerance: 1e-15,
      isRoot: (value) => Math.abs(value) < 0.01,
    });
    expect(Math.abs(nearEnough - 0.3)).toBeLessThan(0.01);
  });
});
