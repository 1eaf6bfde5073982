import { InvalidInputError } from '../shared/errors';
import { flatGainProfile, fundOf, ipsProduct } from './fund.fixture';
import { projectFund, type FundProjection } from './projection';
import { fundProjectionToJson } from './projection-json';

/** Money of every year for one field, as 2-decimal strings, for readable expectations. */
function series(
  projection: FundProjection,
  field: 'cash' | 'capitalDeployed' | 'repaymentsReceived' | 'fundValue' | 'losses' | 'returns',
) {
  return projection.years.map((year) => year[field].toFixed(2));
}

describe('projectFund: reinvestment arithmetic', () => {
  it('repays a single 4 mio. kr. ticket at 1.10 in five equal parts, principal first, and reinvests once a full ticket has accumulated', () => {
    // 4,000,000 × 1.10 = 4,400,000 repaid as 5 × 880,000 in 2025–2029.
    // Cash: 2024 0; 2025 880,000; 2026 1,760,000; 2027 2,640,000; 2028 3,520,000;
    // 2029 4,400,000 ≥ 4,000,000 → a second partnership starts, cash 400,000.
    // Principal first: 2025–2028 repay 4 × 880,000 = 3,520,000 of principal, 2029 the last
    // 480,000 plus 400,000 of return.
    // Fund value 2029 = 400,000 cash + 4,400,000 expected from the new partnership = 4,800,000.
    const projection = projectFund(fundOf({ injections: [{ year: 2024, amount: '4000000' }] }));
    expect(series(projection, 'cash')).toEqual([
      '0.00',
      '880000.00',
      '1760000.00',
      '2640000.00',
      '3520000.00',
      '400000.00',
    ]);
    expect(series(projection, 'capitalDeployed')).toEqual([
      '4000000.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '4000000.00',
    ]);
    expect(series(projection, 'returns')).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '400000.00',
    ]);
    const last = projection.years[5];
    expect(last.principalRepaid.toFixed(2)).toBe('480000.00');
    expect(last.fundValue.toFixed(2)).toBe('4800000.00');
    expect(projection.totals.capitalDeployed.toFixed(2)).toBe('8000000.00');
    expect(projection.totals.partnerships).toBe(2);
  });

  it('reinvests repayments in the year they arrive', () => {
    // 10 mio. kr.: 2024 starts 2 partnerships (8,000,000), cash 2,000,000.
    // 2025: + 2 × 880,000 = 1,760,000 → cash 3,760,000 < 4,000,000: nothing starts.
    // 2026: + 1,760,000 → 5,520,000 → one partnership starts in 2026 itself, cash 1,520,000.
    // Fund value 2026 = 1,520,000 + 2 × 3 × 880,000 (2027–2029) + 4,400,000 = 11,200,000.
    const projection = projectFund(
      fundOf({ horizonYears: 3, injections: [{ year: 2024, amount: '10000000' }] }),
    );
    expect(series(projection, 'repaymentsReceived')).toEqual(['0.00', '1760000.00', '1760000.00']);
    expect(series(projection, 'capitalDeployed')).toEqual(['8000000.00', '0.00', '4000000.00']);
    expect(series(projection, 'cash')).toEqual(['2000000.00', '3760000.00', '1520000.00']);
    expect(projection.years[2].fundValue.toFixed(2)).toBe('11200000.00');
  });

  it('stops reinvesting repaid money in the last years but still deploys capital never invested', () => {
    // Injections 8,000,000 in 2024 and 6,000,000 in 2026; 2026 is the last year and reinvestment stops there.
    // 2024: 2 partnerships (8,000,000), cash 0. 2025: cash 1,760,000. 2026: + 1,760,000 + 6,000,000 = 9,520,000.
    // Without the switch: 2 partnerships (8,000,000), cash 1,520,000.
    // With it: at most injected − deployed = 14,000,000 − 8,000,000 = 6,000,000 → 1 partnership, cash 5,520,000.
    const base = fundOf({
      horizonYears: 3,
      injections: [
        { year: 2024, amount: '8000000' },
        { year: 2026, amount: '6000000' },
      ],
    });
    const reinvesting = projectFund(base);
    const stopped = projectFund({ ...base, stopReinvestingInLastYears: 1 });
    expect(reinvesting.years[2].partnerships).toBe(2);
    expect(reinvesting.years[2].cash.toFixed(2)).toBe('1520000.00');
    expect(stopped.years[2].partnerships).toBe(1);
    expect(stopped.years[2].cash.toFixed(2)).toBe('5520000.00');
  });

  it('never reinvests when the switch covers the whole horizon', () => {
    // 10,000,000: 2 partnerships in 2024; later repayments (1,760,000 a year) pile up as cash,
    // and the 2,000,000 never deployed is too small for a ticket: 2,000,000 + 5 × 1,760,000 = 10,800,000.
    const projection = projectFund(
      fundOf({ injections: [{ year: 2024, amount: '10000000' }], stopReinvestingInLastYears: 6 }),
    );
    expect(projection.totals.partnerships).toBe(2);
    expect(projection.years[5].cash.toFixed(2)).toBe('10800000.00');
  });

  it('keeps a liquidity reserve as a share of the capital injected uninvested', () => {
    // 10,000,000 with 25% reserved: 2,500,000 stays, 7,500,000 is available → 1 partnership, cash 6,000,000.
    // 2025: + 880,000 → 6,880,000, available 4,380,000 → 1 more, cash 2,880,000.
    const projection = projectFund(
      fundOf({
        horizonYears: 2,
        injections: [{ year: 2024, amount: '10000000' }],
        liquidityReserve: { shareOfCapital: 0.25 },
      }),
    );
    expect(series(projection, 'capitalDeployed')).toEqual(['4000000.00', '4000000.00']);
    expect(series(projection, 'cash')).toEqual(['6000000.00', '2880000.00']);
  });

  it('keeps a fixed liquidity reserve uninvested', () => {
    // 10,000,000 − 2,000,000 reserve = 8,000,000 → exactly 2 partnerships, cash 2,000,000.
    // With a reserve of 2,000,000.01 only 7,999,999.99 is available → 1 partnership.
    const exact = projectFund(
      fundOf({
        horizonYears: 1,
        injections: [{ year: 2024, amount: '10000000' }],
        liquidityReserve: { amount: '2000000' },
      }),
    );
    const oneOreMore = projectFund(
      fundOf({
        horizonYears: 1,
        injections: [{ year: 2024, amount: '10000000' }],
        liquidityReserve: { amount: '2000000.01' },
      }),
    );
    expect(exact.years[0].partnerships).toBe(2);
    expect(exact.years[0].cash.toFixed(2)).toBe('2000000.00');
    expect(oneOreMore.years[0].partnerships).toBe(1);
  });

  it('writes off the unpaid principal of a partnership that repays less than it took at its last repayment', () => {
    // Multiple 0.5: 4,000,000 × 0.5 = 2,000,000 repaid as 5 × 400,000 in 2025–2029, all of it principal.
    // In 2029 the remaining 2,000,000 of principal is a loss. Cash 2029 = 2,000,000 = fund value.
    const projection = projectFund(
      fundOf({
        injections: [{ year: 2024, amount: '4000000' }],
        products: [ipsProduct({ repayment: { mode: 'multiple', repaymentMultiple: 0.5 } })],
      }),
    );
    expect(series(projection, 'losses')).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '2000000.00',
    ]);
    expect(projection.totals.returns.toFixed(2)).toBe('0.00');
    expect(projection.years[4].outstandingPrincipal.toFixed(2)).toBe('2400000.00');
    expect(projection.years[5].outstandingPrincipal.toFixed(2)).toBe('0.00');
    expect(projection.years[5].fundValue.toFixed(2)).toBe('2000000.00');
  });

  it('repays a profile from the contract engine per krone and writes off the rest after its last year', () => {
    // Profile 0.3, 0.3, 0.2 per krone: 1,200,000 in 2025 and 2026, 800,000 in 2027; the
    // 800,000 of principal left is lost in 2027. Cash (3,200,000 by 2027) never reaches a new ticket.
    const projection = projectFund(
      fundOf({
        horizonYears: 4,
        injections: [{ year: 2024, amount: '4000000' }],
        products: [
          ipsProduct({ repayment: { mode: 'profile', repaymentPerKrone: [0.3, 0.3, 0.2] } }),
        ],
      }),
    );
    expect(series(projection, 'repaymentsReceived')).toEqual([
      '0.00',
      '1200000.00',
      '1200000.00',
      '800000.00',
    ]);
    expect(series(projection, 'losses')).toEqual(['0.00', '0.00', '0.00', '800000.00']);
  });

  it('pays operating costs and a management fee on the capital injected before investing', () => {
    // 10,000,000 injected; costs 100,000 + 1% × 10,000,000 = 200,000 → cash 9,800,000 → 2 partnerships, cash 1,800,000.
    const projection = projectFund(
      fundOf({
        horizonYears: 1,
        injections: [{ year: 2024, amount: '10000000' }],
        operatingCostPerYear: '100000',
        managementFeeRate: 0.01,
      }),
    );
    const year = projection.years[0];
    expect(year.managementFees.toFixed(2)).toBe('100000.00');
    expect(year.feesAndCosts.toFixed(2)).toBe('200000.00');
    expect(year.cash.toFixed(2)).toBe('1800000.00');
  });

  it('starts a smaller last partnership only when partial tickets are allowed and it reaches the minimum ticket', () => {
    // 10,000,000: 2 full tickets (8,000,000) leave 2,000,000.
    // Partial tickets with minimum 1,500,000: a third partnership of 2,000,000 with
    // 2,000,000 × 180 / 6,900,000 = 52.17 participants. Minimum 2,500,000: none.
    const partial = projectFund(
      fundOf({
        horizonYears: 1,
        injections: [{ year: 2024, amount: '10000000' }],
        allowPartialTickets: true,
        minimumTicket: '1500000',
      }),
    );
    const tooSmall = projectFund(
      fundOf({
        horizonYears: 1,
        injections: [{ year: 2024, amount: '10000000' }],
        allowPartialTickets: true,
        minimumTicket: '2500000',
      }),
    );
    expect(partial.years[0].partnerships).toBe(3);
    expect(partial.partnerships[2].investment.toFixed(2)).toBe('2000000.00');
    expect(partial.partnerships[2].participants.toFixed(2)).toBe('52.17');
    expect(partial.years[0].cash.toFixed(2)).toBe('0.00');
    expect(tooSmall.years[0].partnerships).toBe(2);
  });

  it('starts no more partnerships in a year than the yearly limit', () => {
    // 25,000,000 would start 6; the limit is 3 → 12,000,000 deployed, 13,000,000 in cash.
    const projection = projectFund(fundOf({ horizonYears: 1, maxNewPartnershipsPerYear: 3 }));
    expect(projection.years[0].partnerships).toBe(3);
    expect(projection.years[0].cash.toFixed(2)).toBe('13000000.00');
  });

  it('follows the pipeline mix: a 2:1 mix of two products starts them as a, b, a, a, b, a', () => {
    // Deficits share·(n + 1) − started: (0,0) → a 0.67 > b 0.33; (1,0) → a 0.33 < b 0.67;
    // (1,1) → a 1.00 > b 0.00; (2,1) → a 0.67 > b 0.33; (3,1) → a 0.33 < b 0.67; (3,2) → a 1.00.
    const projection = projectFund(
      fundOf({
        horizonYears: 1,
        injections: [{ year: 2024, amount: '6000000' }],
        products: [
          ipsProduct({ id: 'a', mixWeight: 2, investmentPerPartnership: '1000000' }),
          ipsProduct({ id: 'b', mixWeight: 1, investmentPerPartnership: '1000000' }),
        ],
      }),
    );
    expect(projection.partnerships.map((p) => p.productId)).toEqual(['a', 'b', 'a', 'a', 'b', 'a']);
  });
});

describe('projectFund: people and public gains', () => {
  it('counts participants, completers, employment and successes of one IPS partnership in its start year', () => {
    // participants = 4,000,000 × 180 / 6,900,000 = 104.3478…; helped (completers) = × 0.9 = 93.9130…;
    // employed = 104.3478 × 0.4 = 41.7391…; gross = 93.9130 × 0.40 = 37.5652…; additional = 93.9130 × 0.16 = 15.0261…
    const projection = projectFund(
      fundOf({ horizonYears: 1, injections: [{ year: 2024, amount: '4000000' }] }),
    );
    const year = projection.years[0];
    expect(year.participantsStarted.toFixed(4)).toBe('104.3478');
    expect(year.peopleHelped.toFixed(4)).toBe('93.9130');
    expect(year.peopleEmployed.toFixed(4)).toBe('41.7391');
    expect(year.grossSuccesses.toFixed(4)).toBe('37.5652');
    expect(year.additionalSuccesses.toFixed(4)).toBe('15.0261');
    expect(year.partnerKommuner).toBe(1);
  });

  it('books SØM gains by actor in the years after the success year, nominal and discounted', () => {
    // One partnership in 2024, successes in 2025 (offset 1), gains in 2026 and 2027 of
    // 1,000 / 100 / 10 kr. per additional success (kommune / region / stat). Horizon 2024–2026.
    // 2026: kommune 15.026087 × 1,000 = 15,026.09; region 1,502.61; stat 150.26; total 16,678.96.
    // NPV at 5%: factor 1/1.05² = 0.9070295; kommune 13,629.10, region 1,362.91, stat 136.29, total 15,128.30.
    // Lifetime adds 2027 (factor 1/1.05³): kommune 15,026.09 + 15,026.09 = 30,052.18 nominal.
    const projection = projectFund(
      fundOf({
        horizonYears: 3,
        discountRate: 0.05,
        injections: [{ year: 2024, amount: '4000000' }],
        products: [
          ipsProduct({ gainProfile: flatGainProfile({ kommune: 1000, region: 100, stat: 10 }, 2) }),
        ],
        stopReinvestingInLastYears: 3,
      }),
    );
    const json = fundProjectionToJson(projection);
    expect(json.byYear.map((y) => y.publicGains.nominal.total)).toEqual([
      '0.00',
      '0.00',
      '16678.96',
    ]);
    expect(json.publicGains.nominal).toEqual({
      kommune: '15026.09',
      region: '1502.61',
      stat: '150.26',
      total: '16678.96',
    });
    expect(json.publicGains.npv).toEqual({
      kommune: '13629.10',
      region: '1362.91',
      stat: '136.29',
      total: '15128.30',
    });
    expect(json.publicGainsLifetime.nominal.kommune).toBe('30052.18');
  });
});

describe('projectFund: DSI 25 mio. kr. inputs', () => {
  it('reaches 16 partnerships and 64 mio. kr. invested by 2029 with a 1.10 multiple', () => {
    // Each ticket repays 880,000 a year. 2024: 6 tickets, cash 1.00 mio.
    // 2025: +6 × 0.88 = 5.28 → 6.28 → 1 ticket, 2.28. 2026: +7 × 0.88 = 6.16 → 8.44 → 2, 0.44.
    // 2027: +9 × 0.88 = 7.92 → 8.36 → 2, 0.36. 2028: +11 × 0.88 = 9.68 → 10.04 → 2, 2.04.
    // 2029: +13 × 0.88 = 11.44 → 13.48 → 3, 1.48. Partnerships 6+1+2+2+2+3 = 16, invested 64 mio.
    // Still to come after 2029: 2024 cohort 0; 2025: 1 × 0.88; 2026: 2 × 1.76; 2027: 2 × 2.64;
    // 2028: 2 × 3.52; 2029: 3 × 4.40 → 0.88 + 3.52 + 5.28 + 7.04 + 13.20 = 29.92 mio.; value 31.40 mio.
    const json = fundProjectionToJson(projectFund(fundOf()));
    expect(json.byYear.map((y) => y.partnerships)).toEqual([6, 1, 2, 2, 2, 3]);
    expect(json.totalInvested).toBe('64000000.00');
    expect(json.partnerships).toBe(16);
    expect(json.cashAtHorizon).toBe('1480000.00');
    expect(json.remainingExpectedRepaymentsAtHorizon).toBe('29920000.00');
    expect(json.fundValueAtHorizon).toBe('31400000.00');
    // People: 16 × 104.3478 = 1,669.57 participants; helped 1,502.61; employed 16 × 41.7391 = 667.83.
    expect(json.participantsStarted).toBe('1669.57');
    expect(json.peopleHelped).toBe('1502.61');
    expect(json.peopleEmployed).toBe('667.83');
    expect(json.byYear[5].cumulative.capitalDeployed).toBe('64000000.00');
  });
});

describe('projectFund: input checks', () => {
  it('rejects a product whose deadweight reaches its gross success rate, naming the path', () => {
    expect(() => projectFund(fundOf({ products: [ipsProduct({ deadweightRate: 0.4 })] }))).toThrow(
      /\/products\/0\/deadweightRate/,
    );
  });

  it('rejects a cap below the expected repayment multiple and an injection outside the horizon together', () => {
    let caught: unknown;
    try {
      projectFund(
        fundOf({
          injections: [{ year: 2031, amount: '1000000' }],
          products: [ipsProduct({ maxRepaymentMultiple: 1.05 })],
        }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).violations.map((v) => v.path)).toEqual([
      '/injections/0/year',
      '/products/0/maxRepaymentMultiple',
    ]);
  });

  it('rejects money given as a number instead of a decimal string', () => {
    expect(() =>
      projectFund(fundOf({ injections: [{ year: 2024, amount: 25000000 as unknown as string }] })),
    ).toThrow(/\/injections\/0\/amount: must be an amount in kroner/);
  });
});
