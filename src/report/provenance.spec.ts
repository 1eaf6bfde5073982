import type { Contract } from '../engine/contract/types';
import type { FundInput } from '../engine/fund/types';
import { TINY_KB } from '../engine/som/tiny-kb.fixture';
import { collectProvenance, type ScenarioDocument } from './provenance';
import type { AssumptionEntry } from './types';

/**
 * A contract on the tiny knowledge base (measure 'tiny-measure': bed-days with 2 effects,
 * benefit weeks with 4, course weeks with 2) over 3 years in 2023 prices.
 */
function tinyContract(): Contract {
  return {
    id: 'tiny',
    name: 'Tiny',
    startYear: 2024,
    priceYear: 2023,
    horizonYears: 3,
    parties: [
      { id: 'k', name: 'Kommune', role: 'authority', level: 'kommune' },
      { id: 'p', name: 'Provider', role: 'provider' },
    ],
    intervention: {
      targetGroupId: 'tiny-group',
      successMeasureId: 'tiny-measure',
      participants: 100,
      intake: [0.5, 0.5],
      cost: { total: '1000000' },
      interventionYears: 2,
      grossSuccessRate: 0.4,
      deadweightRate: 0.2,
      dropoutRate: 0.1,
      outcomeLagYears: 1,
    },
    costBearer: 'authority',
    sources: {
      '/startYear': { source: 'S1' },
      '/intervention/participants': { source: 'P' },
      '/intervention/intake': { assumption: true, reason: 'even intake' },
      '/intervention/grossSuccessRate': { source: 'G' },
    },
  };
}

const byPointer = (entries: AssumptionEntry[], origin: AssumptionEntry['origin']) =>
  Object.fromEntries(entries.filter((e) => e.origin === origin).map((e) => [e.pointer, e]));

describe('the provenance collector', () => {
  it('lists every number of a template once, with the source recorded at its pointer or above it', () => {
    const entries = collectProvenance(
      TINY_KB,
      { kind: 'contract', contract: tinyContract(), templateFile: 'contracts/tiny.json' },
      'en',
    );
    const template = byPointer(entries, 'template');
    // 12 numbers: 3 years, participants, 2 intake shares, cost, intervention years, 3 rates, lag.
    expect(Object.keys(template).sort()).toEqual(
      [
        '/startYear',
        '/priceYear',
        '/horizonYears',
        '/intervention/participants',
        '/intervention/intake/0',
        '/intervention/intake/1',
        '/intervention/cost/total',
        '/intervention/interventionYears',
        '/intervention/grossSuccessRate',
        '/intervention/deadweightRate',
        '/intervention/dropoutRate',
        '/intervention/outcomeLagYears',
      ].sort(),
    );
    expect(template['/intervention/intake/1']).toMatchObject({
      value: '0.5',
      assumption: true,
      reason: 'even intake',
      unsourced: false,
    });
    expect(template['/intervention/cost/total']).toMatchObject({
      value: '1000000',
      unsourced: true,
    });
    expect(template['/startYear'].source).toBe('S1');
  });

  it("lists a number a scenario overrides with the scenario's source, not the template's", () => {
    const scenario: ScenarioDocument = {
      file: 'simulations/tiny.json',
      document: {
        name: 'Tiny scenario',
        contract: 'tiny',
        overrides: { intervention: { grossSuccessRate: 0.5, intake: [1] } },
        uncertainty: { grossSuccessRate: { interval90: [0.3, 0.5] } },
        simulation: { trials: 10 },
        sources: {
          '/overrides/intervention/grossSuccessRate': { source: 'pilot' },
          '/uncertainty/grossSuccessRate/interval90': { assumption: true, reason: 'guess' },
        },
      },
    };
    const contract = tinyContract();
    const merged: Contract = {
      ...contract,
      intervention: { ...contract.intervention, grossSuccessRate: 0.5, intake: [1] },
    };
    const entries = collectProvenance(
      TINY_KB,
      { kind: 'contract', contract: merged, templateFile: 'contracts/tiny.json', scenario },
      'en',
    );
    const fromScenario = byPointer(entries, 'scenario');
    // The run settings (simulation.trials) are not numbers of the model: the report shows them apart.
    expect(Object.keys(fromScenario).sort()).toEqual([
      '/overrides/intervention/grossSuccessRate',
      '/overrides/intervention/intake/0',
      '/uncertainty/grossSuccessRate/interval90/0',
      '/uncertainty/grossSuccessRate/interval90/1',
    ]);
    expect(fromScenario['/overrides/intervention/grossSuccessRate']).toMatchObject({
      value: '0.5',
      source: 'pilot',
      file: 'simulations/tiny.json',
    });
    expect(fromScenario['/overrides/intervention/intake/0'].unsourced).toBe(true);
    const template = byPointer(entries, 'template');
    // 12 template numbers less the overridden rate and intake shares (the override has one).
    expect(Object.keys(template)).toHaveLength(9);
    expect(template['/intervention/grossSuccessRate']).toBeUndefined();
    expect(template['/intervention/intake/0']).toBeUndefined();
  });

  it('lists the prices and effects of the years valued, the price indexes, the taper and the discount rate', () => {
    const entries = collectProvenance(
      TINY_KB,
      { kind: 'contract', contract: tinyContract(), templateFile: 'contracts/tiny.json' },
      'da',
    );
    const knowledge = entries.filter((e) => e.origin === 'knowledge');
    // Per item 3 prices; effects of years 1..3 only: bed-days 2, benefit weeks 3 (of 4), course
    // weeks 2 → 9 + 7 = 16; price index 2020 and 2023 (items' and the contract's price years): 2;
    // taper end year: 1; discount rate (the contract names none): 1. Total 20.
    expect(knowledge).toHaveLength(20);
    const pointers = knowledge.map((e) => `${e.file}#${e.pointer}`);
    expect(pointers).toContain(
      'knowledge/target-groups/tiny-group.json#/successMeasures/0/consequences/1/effects/2/value',
    );
    expect(pointers).not.toContain(
      'knowledge/target-groups/tiny-group.json#/successMeasures/0/consequences/1/effects/3/value',
    );
    expect(pointers).toEqual(
      expect.arrayContaining([
        'knowledge/parameters.json#/priceIndex/0/index/value',
        'knowledge/parameters.json#/priceIndex/1/index/value',
        'knowledge/parameters.json#/taperEndYear/value',
        'knowledge/parameters.json#/discountRate/0/rate/value',
      ]),
    );
    const regionBedDay = knowledge.find((e) => e.pointer === '/items/0/prices/region/value');
    expect(regionBedDay).toMatchObject({ value: '900', source: 'test', unit: 'kr.' });
    expect(regionBedDay?.label).toBe('Sengedag: enhedspris for region (kr. pr. day, 2020-priser)');
  });

  it('lists the discount rate only when the run uses the default', () => {
    const contract = { ...tinyContract(), discountRate: 0.04 };
    const entries = collectProvenance(
      TINY_KB,
      { kind: 'contract', contract, templateFile: 'contracts/tiny.json' },
      'en',
    );
    expect(entries.some((e) => e.pointer.startsWith('/discountRate/'))).toBe(false);
    expect(byPointer(entries, 'template')['/discountRate']).toMatchObject({ value: '0.04' });
  });

  it("takes a fund product's numbers from its template unless the scenario sets them", () => {
    const template = tinyContract();
    const fund: FundInput = {
      startYear: 2024,
      injections: [{ year: 2024, amount: '1000' }],
      products: [
        {
          id: 'p',
          contractTemplate: 'tiny',
          mixWeight: 1,
          participantsPerKrone: { participants: 100, perAmount: '1000000' },
          grossSuccessRate: 0.4,
          deadweightRate: 0.2,
          dropoutRate: 0.2,
          employmentShare: 0.4,
          repayment: { mode: 'multiple', repaymentMultiple: 1.1 },
        },
      ],
    };
    const scenario: ScenarioDocument = {
      file: 'simulations/fund.json',
      document: {
        id: 'fund',
        name: 'Fund',
        fund: { startYear: 2024, injections: [{ year: 2024, amount: '1000' }] },
        products: [
          {
            id: 'p',
            contractTemplate: 'tiny',
            mixWeight: 1,
            dropoutRate: 0.2,
            employmentShare: 0.4,
            repayment: { mode: 'multiple', repaymentMultiple: 1.1 },
          },
        ],
        sources: { '/fund/injections/0/amount': { source: 'budget' } },
      },
    };
    const entries = collectProvenance(
      TINY_KB,
      {
        kind: 'fund',
        fund,
        scenario,
        templates: { tiny: { file: 'contracts/tiny.json', contract: template } },
      },
      'en',
    );
    expect(Object.keys(byPointer(entries, 'template')).sort()).toEqual([
      '/horizonYears',
      '/intervention/cost/total',
      '/intervention/deadweightRate',
      '/intervention/grossSuccessRate',
      '/intervention/participants',
      '/priceYear',
    ]);
    const fromScenario = byPointer(entries, 'scenario');
    expect(Object.keys(fromScenario).sort()).toEqual([
      '/fund/injections/0/amount',
      '/fund/injections/0/year',
      '/fund/startYear',
      '/products/0/dropoutRate',
      '/products/0/employmentShare',
      '/products/0/mixWeight',
      '/products/0/repayment/repaymentMultiple',
    ]);
    expect(fromScenario['/fund/injections/0/amount'].source).toBe('budget');
    expect(entries.filter((e) => e.origin === 'knowledge')).toHaveLength(20);
  });
});
