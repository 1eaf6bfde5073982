import { irr, IRR_TOLERANCE, npvAtRate } from './irr';

describe('irr', () => {
  it('finds 10% for one krone lent and 1.10 repaid a year later', () => {
    // −1000 + 1100 / (1 + r) = 0  ⇒  r = 0.10
    expect(irr([-1000, 1100])).toBeCloseTo(0.1, 9);
  });

  it('finds the 5% interest of a loan repaid in five equal instalments of principal plus interest', () => {
    // 1000 lent at 5%; each year 200 principal + 5% on what is still owed:
    // 200 + 50, 200 + 40, 200 + 30, 200 + 20, 200 + 10
    expect(irr([-1000, 250, 240, 230, 220, 210])).toBeCloseTo(0.05, 9);
  });

  it('finds a negative rate when less comes back than was put in', () => {
    // −1000 + 900 / (1 + r) = 0  ⇒  r = −0.10
    expect(irr([-1000, 900])).toBeCloseTo(-0.1, 9);
  });

  it('finds a rate above 100% by widening its bracket', () => {
    // −100 + 500 / (1 + r) = 0  ⇒  r = 4
    expect(irr([-100, 500])).toBeCloseTo(4, 8);
  });

  it('has no rate when nothing was invested or nothing comes back', () => {
    expect(irr([100, 200])).toBeNull();
    expect(irr([-100, -200])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
  });

  it('returns a rate at which the NPV is zero within the tolerance', () => {
    const flows = [-7200000, 0, 1500000, 2500000, 4100000];
    const rate = irr(flows);
    expect(rate).not.toBeNull();
    // The NPV changes by about Σ t·cf_t = 2·1.5e6 + 3·2.5e6 + 4·4.1e6 = 2.69e7 kr. per unit of rate
    // (at r = 0), so a bracket of 1e-10 leaves well under 0.01 kr.
    expect(Math.abs(npvAtRate(flows, rate as number))).toBeLessThan(1e8 * IRR_TOLERANCE);
  });
});
