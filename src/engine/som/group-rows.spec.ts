import { effectsFromGroupRows } from './group-rows';

describe('effectsFromGroupRows', () => {
  it("reproduces the SØM course's worked example for kontanthjælp weeks of homeless shelter users", () => {
    // Seed 002, slide "Beregning af konsekvenser i 3 trin". effect = (success − others) − adjustment:
    //   year 1: (17.8 − 21.8) − (−1.1) = −2.9     year 2: (16.1 − 19.2) − (−0.8) = −2.3
    //   year 3: (14.8 − 17.0) − (−0.5) = −1.7     year 4: (13.6 − 14.9) − (−0.3) = −1.0
    //   years 5–6: "–" (not significant) after the last significant year → 0.
    // The slide shows −2.4 in year 2: it rounds three inputs to one decimal, so a recomputed effect
    // can differ by up to 0.1 from the printed one.
    const published = [-2.9, -2.4, -1.7, -1.0, 0, 0];
    const effects = effectsFromGroupRows({
      successGroup: [17.8, 16.1, 14.8, 13.6, 12.6, 11.8],
      others: [21.8, 19.2, 17.0, 14.9, 13.2, 12.1],
      adjustment: [-1.1, -0.8, -0.5, -0.3, null, null],
      source: 'seed 002',
    });
    expect(effects).toEqual([-2.9, -2.3, -1.7, -1, 0, 0]);
    effects.forEach((effect, year) => {
      expect(Math.abs(effect - published[year])).toBeLessThanOrEqual(0.1 + 1e-12);
    });
  });

  it('keeps an insignificant year between two significant ones, with adjustment 0', () => {
    // year 2: (5 − 7) − 0 = −2 is kept; year 4 lies after the last significant year → 0.
    expect(
      effectsFromGroupRows({
        successGroup: [10, 5, 4, 3],
        others: [12, 7, 5, 9],
        adjustment: [0.5, null, -0.5, null],
        source: 'test',
      }),
    ).toEqual([-2.5, -2, -0.5, 0]);
  });

  it('gives all zeros when fewer than two estimates are significant', () => {
    expect(
      effectsFromGroupRows({
        successGroup: [10, 5, 4],
        others: [12, 7, 5],
        adjustment: [0.5, null, null],
        source: 'test',
      }),
    ).toEqual([0, 0, 0]);
  });

  it('refuses rows of different lengths', () => {
    expect(() =>
      effectsFromGroupRows({
        successGroup: [1, 2],
        others: [1],
        adjustment: [0, 0],
        source: 'test',
      }),
    ).toThrow(/equal lengths/);
  });
});
