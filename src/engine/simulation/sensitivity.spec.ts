import { loadContractTemplate } from '../../data/contracts';
import { loadKnowledgeBase } from '../../data/knowledge';
import { projectContract, type Contract } from '../contract';
import { gainProfile } from '../som';
import type { GainProfile } from '../som/types';
import { simulateContract } from './contract-simulation';
import { rateRange, switchingValue, type SensitivityEntry } from './sensitivity';

describe('switchingValue', () => {
  it('finds where a rising line crosses zero', () => {
    expect(switchingValue((x) => 1000 * (x - 0.3), [0, 1], 0.5)).toBeCloseTo(0.3, 6);
  });

  it('finds a price multiplier’s crossing (nets are linear in it) in a step or two after the grid', () => {
    let evaluations = 0;
    const net = (multiplier: number) => {
      evaluations++;
      return 3.2e6 * (0.4123456789 - multiplier);
    };
    expect(switchingValue(net, [0, 10], 1)).toBeCloseTo(0.4123456789, 9);
    expect(evaluations).toBeLessThanOrEqual(17 + 2);
  });

  it('is null when the function keeps its sign, or is zero throughout', () => {
    expect(switchingValue((x) => 1000 + x, [0, 1], 0.5)).toBeNull();
    expect(switchingValue(() => 0, [0, 1], 0.5)).toBeNull();
  });

  it('takes the crossing nearest the contract’s value when there are two', () => {
    // Zero at 0.2 and 0.8; from 0.7 the nearer is 0.8, from 0.3 it is 0.2.
    const parabola = (x: number) => 1e6 * (x - 0.2) * (x - 0.8);
    expect(switchingValue(parabola, [0, 1], 0.7)).toBeCloseTo(0.8, 6);
    expect(switchingValue(parabola, [0, 1], 0.3)).toBeCloseTo(0.2, 6);
  });

  it('finds the jump of a step (a threshold payment) to the search tolerance', () => {
    expect(switchingValue((x) => (x < 0.45 ? -100 : 100), [0, 1], 0.9)).toBeCloseTo(0.45, 6);
  });
});

describe('rateRange', () => {
  it('allows what contract validation allows with the other rates fixed: d ≤ g, dropout + g ≤ 1', () => {
    const contract = loadContractTemplate('ips-holbaek'); // g 0.40, d 0.24, dropout 0.10
    expect(rateRange(contract, 'grossSuccessRate')).toEqual([0.24, 0.9]);
    expect(rateRange(contract, 'deadweightRate')).toEqual([0, 0.4]);
    expect(rateRange(contract, 'dropoutRate')).toEqual([0, 0.6]);
  });
});

describe('the sensitivity of ips-holbaek', () => {
  let contract: Contract;
  let gains: GainProfile;
  let entries: Record<string, SensitivityEntry>;

  beforeAll(async () => {
    contract = loadContractTemplate('ips-holbaek');
    gains = gainProfile(loadKnowledgeBase(), contract.intervention.successMeasureId, {
      priceYear: contract.priceYear,
      years: contract.horizonYears,
    });
    const result = await simulateContract(
      { contract, gains, sensitivity: { variation: 0.2 } },
      { trials: 1024, seed: 'tornado' },
    );
    entries = Object.fromEntries(result.sensitivity!.parameters.map((e) => [e.parameter, e]));
  });

  it('puts the switching values where the projection’s kommune net crosses zero', () => {
    // The kommune pays the 6.9 mio. kr. and gains G = 6,380,658.23 kr. at the contract's rates
    // (projection). Its net is linear in each parameter: G × (g − d)(1 − δ)/(0.16 × 0.9) × m − cost.
    // Zero at g = 0.24 + 0.16 × 6.9/G', d = 0.40 − 0.16 × 6.9/G', 1 − δ = 0.9 × 6.9/G',
    // m = 6.9/G' (G' = G in millions): 0.413023, 0.226977, 0.026746, 1.081393.
    const projected = projectContract(contract, gains);
    const ratio = 6_900_000 / projected.somGains.kommune.toNumber();
    expect(projected.somGains.kommune.toFixed(2)).toBe('6380658.23');
    expect(entries.grossSuccessRate.switchingValue.kommune).toBeCloseTo(0.24 + 0.16 * ratio, 6);
    expect(entries.deadweightRate.switchingValue.kommune).toBeCloseTo(0.4 - 0.16 * ratio, 6);
    expect(entries.dropoutRate.switchingValue.kommune).toBeCloseTo(1 - 0.9 * ratio, 6);
    expect(entries.somGains.switchingValue.kommune).toBeCloseTo(ratio, 6);
    expect(entries.grossSuccessRate.switchingValue.investor).toBeNull();
  });

  it('sweeps each rate by ±20% and the gains by the multipliers 0.8 and 1.2', () => {
    expect([entries.grossSuccessRate.low.value, entries.grossSuccessRate.high.value]).toEqual([
      0.4 * 0.8,
      0.4 * 1.2,
    ]);
    expect([entries.dropoutRate.low.value, entries.dropoutRate.high.value]).toEqual([
      0.1 * 0.8,
      0.1 * 1.2,
    ]);
    expect([entries.somGains.low.value, entries.somGains.high.value]).toEqual([0.8, 1.2]);
    expect(entries.pricePerOutcome).toBeUndefined();
  });

  it('centres every bar on the projection’s nets at the horizon', () => {
    // The projection rounds each year's net to the øre: within half an øre a year.
    const { net } = projectContract(contract, gains);
    const tolerance = 0.005 * contract.horizonYears;
    const publicNet = net.kommune.plus(net.region).plus(net.stat).toNumber();
    for (const entry of Object.values(entries)) {
      const { kommune, public: total } = entry.base.netAtHorizon;
      expect(Math.abs(kommune - net.kommune.toNumber())).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(total - publicNet)).toBeLessThanOrEqual(3 * tolerance);
      expect(entry.base.netAtHorizon.investor).toBeNull();
    }
  });

  it('moves the kommune’s net linearly here: each bar is ±20% of the parameter’s effect', () => {
    // This contract's nets are linear in every parameter (no payment model, no caps), so the
    // high point lies as far above the base as the low point lies below it, and +20% SØM gains
    // add exactly 20% of the projected gains.
    for (const entry of Object.values(entries)) {
      const [low, base, high] = [entry.low, entry.base, entry.high].map(
        (point) => point.netAtHorizon.kommune,
      );
      expect(high - base).toBeCloseTo(base - low, 2);
    }
    const { grossSuccessRate: g, deadweightRate: d, somGains } = entries;
    expect(g.high.netAtHorizon.kommune).toBeGreaterThan(g.base.netAtHorizon.kommune);
    expect(d.high.netAtHorizon.kommune).toBeLessThan(d.base.netAtHorizon.kommune);
    const projected = projectContract(contract, gains);
    const added = somGains.high.netAtHorizon.kommune - somGains.base.netAtHorizon.kommune;
    expect(added).toBeCloseTo(0.2 * projected.somGains.kommune.toNumber(), 2);
  });
});
