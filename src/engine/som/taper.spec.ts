import { taperedEffects } from './taper';

describe('taperedEffects (SØM mechanical taper to year 20)', () => {
  const given = [-2.9, -2.4, -1.7, -1.0];

  it('keeps the estimated years unchanged', () => {
    expect(taperedEffects(given).slice(0, 4)).toEqual(given);
  });

  it('falls linearly from the last estimate: year 5 is e(4) × (20 − 5) / (20 − 4)', () => {
    // −1.0 × 15 / 16 = −0.9375; year 12: −1.0 × 8 / 16 = −0.5
    const tapered = taperedEffects(given);
    expect(tapered[4]).toBe(-0.9375);
    expect(tapered[11]).toBe(-0.5);
  });

  it('reaches 0 in year 20 and returns years 1..20', () => {
    const tapered = taperedEffects(given);
    expect(tapered).toHaveLength(20);
    expect(tapered[19]).toBe(0);
  });

  it('tapers from year 9 when nine years are estimated: year 10 is e(9) × 10 / 11', () => {
    // 1.1 × (20 − 10) / (20 − 9) = 1.1 × 10 / 11 = 1
    const nine = [5, 4, 3, 3, 2, 2, 1.5, 1.2, 1.1];
    expect(taperedEffects(nine)[9]).toBe(1);
  });

  it('uses another end year when given one', () => {
    // −1.0 × (10 − 5) / (10 − 4) = −5/6
    expect(taperedEffects(given, 10)[4]).toBeCloseTo(-5 / 6, 15);
    expect(taperedEffects(given, 10)).toHaveLength(10);
  });

  it('leaves an empty series empty and a series reaching the end year unchanged', () => {
    expect(taperedEffects([])).toEqual([]);
    expect(taperedEffects([1, 2, 3], 3)).toEqual([1, 2, 3]);
  });

  it('refuses an end year that is not a whole year', () => {
    expect(() => taperedEffects(given, 0)).toThrow(RangeError);
  });
});
