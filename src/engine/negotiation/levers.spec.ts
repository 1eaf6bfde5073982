import { baseContract, investorContract } from '../contract/contract.fixture';
import type { Contract } from '../contract/types';
import { validateContract } from '../contract/validate';
import { InvalidInputError } from '../shared/errors';
import { ADDED_STATE_PARTY, applyLever, resolveLever } from './levers';

/** The base contract with two rate-card prices (110 kr. a day housed, 50.000 kr. per success). */
function twoPriceContract(): Contract {
  return investorContract(
    {},
    {
      paymentModel: {
        components: [
          {
            kind: 'rateCard',
            id: 'days',
            metric: 'completers',
            price: '110',
            paymentDelayYears: 0,
          },
          {
            kind: 'rateCard',
            id: 'success',
            metric: 'grossSuccesses',
            price: '50000',
            paymentDelayYears: 0,
          },
        ],
        caps: { total: '2000000' },
      },
      parties: [
        ...investorContract().parties,
        { id: 'foundation', name: 'Foundation', role: 'guarantor' },
      ],
    },
  );
}

describe('levers', () => {
  it('scales every priced component with the first one, so a rate card keeps its proportions', () => {
    // 110 → 220 doubles the first price; the second follows: 50.000 × 2 = 100.000 kr.
    const lever = resolveLever(twoPriceContract(), { name: 'pricePerOutcome' });
    const moved = applyLever(twoPriceContract(), lever, 220);
    const prices = moved.paymentModel!.components.map((c) => ('price' in c ? c.price : null));
    expect(prices).toEqual(['220.00', '100000.00']);
  });

  it('prices a single named component and leaves the others as they are', () => {
    const lever = resolveLever(twoPriceContract(), {
      name: 'pricePerOutcome',
      component: 'success',
    });
    const moved = applyLever(twoPriceContract(), lever, 65000);
    const prices = moved.paymentModel!.components.map((c) => ('price' in c ? c.price : null));
    expect(prices).toEqual(['110', '65000.00']);
  });

  it('defaults the price range to 0 – twice the current price and the cap range to 0 – twice the cap', () => {
    // 2 × 110 = 220; 2 × 2.000.000 = 4.000.000.
    expect(resolveLever(twoPriceContract(), { name: 'pricePerOutcome' })).toMatchObject({
      min: 0,
      max: 220,
      unit: 'kroner',
      current: 110,
      resolution: 0.01,
    });
    expect(resolveLever(twoPriceContract(), { name: 'totalCap' })).toMatchObject({
      min: 0,
      max: 4000000,
    });
  });

  it('gives the stat a fixed share and the kommune the rest, adding a state party if needed', () => {
    const contract = twoPriceContract();
    const lever = resolveLever(contract, { name: 'statShare' });
    expect([lever.min, lever.max]).toEqual([0, 1]);
    const moved = applyLever(contract, lever, 0.3);
    // kommune = 1 − region 0 − stat 0,3 = 0,7
    expect(moved.gainSharing).toEqual({
      basis: 'fixed',
      shares: { kommune: 0.7, region: 0, stat: 0.3 },
    });
    expect(moved.parties).toContainEqual(ADDED_STATE_PARTY);
    expect(validateContract(moved)).toEqual([]);
  });

  it('sets the afkastloft multiple, every tranche rate and the first-loss maximum', () => {
    const contract = twoPriceContract();
    const multiple = applyLever(
      contract,
      resolveLever(contract, { name: 'repaymentMultiple' }),
      1.25,
    );
    expect(multiple.capital!.returnCap).toEqual({ multiple: 1.25 });
    const rate = applyLever(
      contract,
      resolveLever(contract, { name: 'trancheInterestRate' }),
      0.07,
    );
    expect(rate.capital!.tranches.map((t) => t.interestRate)).toEqual([0.07]);
    const cover = applyLever(contract, resolveLever(contract, { name: 'firstLossCover' }), 300000);
    // No first-loss cover yet: one is created for the contract's guarantor party.
    expect(cover.capital!.firstLoss).toEqual({
      guarantorPartyId: 'foundation',
      maxAmount: '300000.00',
    });
    expect(validateContract(cover)).toEqual([]);
  });

  it('rejects a lever the contract cannot take, naming the field', () => {
    expect(() => resolveLever(baseContract(), { name: 'pricePerOutcome' })).toThrow(
      new InvalidInputError([
        {
          path: 'lever.name',
          message: 'the contract has no rate-card or baseline-adjusted component to price',
        },
      ]),
    );
    expect(() => resolveLever(baseContract(), { name: 'firstLossCover' })).toThrow(
      /the contract has no investors/,
    );
    expect(() =>
      resolveLever(twoPriceContract(), { name: 'statShare', min: 0.5, max: 0.2 }),
    ).toThrow(/lever.max: must be above min \(0.5\), got 0.2/);
  });
});
