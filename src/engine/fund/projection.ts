import type Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor } from '../shared/actors';
import { Money, ZERO, toOre } from '../shared/decimal';
import {
  addPublicGains,
  addPublicGainsByArea,
  bookGains,
  bookGainsByArea,
  zeroExactGainsByArea,
  zeroPublicGains,
  zeroPublicGainsByArea,
  type ExactGainsByArea,
  type PublicGains,
  type PublicGainsByArea,
} from './gains';
import {
  expectedRepaymentSchedule,
  normalizeFund,
  type NormalizedFund,
  type NormalizedProduct,
} from './normalize';
import { nextProductIndex, reinvestmentStopped } from './pipeline';
import type { FundInput } from './types';

/**
 * The deterministic fund projection at expected values, in øre-exact money.
 *
 * Each fund year runs in this order:
 * 1. injections arrive;
 * 2. repayments due this year arrive. Each repays the partnership's principal first; what exceeds
 *    the principal is return. At a partnership's last scheduled repayment any principal still
 *    unpaid is written off as a loss;
 * 3. operating costs and the management fee (feeRate × capital injected to date) are paid. Cash
 *    may go negative (an overdraft is shown, not hidden);
 * 4. new partnerships start, each paying its full ticket at once, while the money available
 *    (cash − liquidity reserve; in the stop-reinvesting years also at most the capital injected and
 *    never deployed) covers the ticket of the product `nextProductIndex` picks, up to the yearly
 *    limit. With partial tickets allowed, a last smaller partnership may take all that is left if
 *    it is at least the minimum ticket; otherwise the money waits for the next year.
 * Repayments received in a year are therefore reinvested in the same year.
 *
 * People are counted in the partnership's start year (the cohort year); SØM gains in the calendar
 * years they accrue. Counts are expectations and may be fractional.
 */

/** Flows of one year, or summed over years. */
export interface FundFlows {
  injections: Decimal;
  capitalDeployed: Decimal;
  repaymentsReceived: Decimal;
  /** The part of the repayments that repaid principal. */
  principalRepaid: Decimal;
  /** repaymentsReceived − principalRepaid. */
  returns: Decimal;
  operatingCosts: Decimal;
  managementFees: Decimal;
  feesAndCosts: Decimal;
  /** Principal written off at a partnership's last scheduled repayment. */
  losses: Decimal;
  partnerships: number;
  partnerKommuner: number;
  participantsStarted: Decimal;
  /** Participants who complete the intervention: started × (1 − dropoutRate). */
  peopleHelped: Decimal;
  /** started × employmentShare. */
  peopleEmployed: Decimal;
  /** completers × grossSuccessRate. */
  grossSuccesses: Decimal;
  /** completers × (grossSuccessRate − deadweightRate): the successes SØM values. */
  additionalSuccesses: Decimal;
  publicGains: PublicGains;
  /** `publicGains` by welfare area: for each actor and basis the areas sum exactly to it. */
  publicGainsByArea: PublicGainsByArea;
}

export interface FundYear extends FundFlows {
  year: number;
  /** Stocks at the end of the year. */
  cash: Decimal;
  outstandingPrincipal: Decimal;
  /** Expected repayments still to come from partnerships started so far, undiscounted. */
  remainingExpectedRepayments: Decimal;
  /** cash + remainingExpectedRepayments (undiscounted). */
  fundValue: Decimal;
  cumulative: FundFlows;
}

export interface PartnershipRecord {
  productId: string;
  year: number;
  investment: Decimal;
  participants: Decimal;
  /** Expected repayments by calendar year, including years after the horizon. */
  expectedRepayments: { year: number; amount: Decimal }[];
}

export interface FundProjection {
  startYear: number;
  endYear: number;
  horizonYears: number;
  /** Σ injections over the horizon. */
  initialCapital: Decimal;
  years: FundYear[];
  /** Flows summed over the horizon (= the last year's cumulative). */
  totals: FundFlows;
  /** Gains of the partnerships started within the horizon over their whole SØM profile, after the horizon too. */
  publicGainsLifetime: PublicGains;
  /** `publicGainsLifetime` by welfare area. */
  publicGainsLifetimeByArea: PublicGainsByArea;
  partnerships: PartnershipRecord[];
}

export function zeroFlows(): FundFlows {
  return {
    injections: ZERO,
    capitalDeployed: ZERO,
    repaymentsReceived: ZERO,
    principalRepaid: ZERO,
    returns: ZERO,
    operatingCosts: ZERO,
    managementFees: ZERO,
    feesAndCosts: ZERO,
    losses: ZERO,
    partnerships: 0,
    partnerKommuner: 0,
    participantsStarted: ZERO,
    peopleHelped: ZERO,
    peopleEmployed: ZERO,
    grossSuccesses: ZERO,
    additionalSuccesses: ZERO,
    publicGains: zeroPublicGains(),
    publicGainsByArea: zeroPublicGainsByArea(),
  };
}

function addFlows(a: FundFlows, b: FundFlows): FundFlows {
  return {
    injections: a.injections.plus(b.injections),
    capitalDeployed: a.capitalDeployed.plus(b.capitalDeployed),
    repaymentsReceived: a.repaymentsReceived.plus(b.repaymentsReceived),
    principalRepaid: a.principalRepaid.plus(b.principalRepaid),
    returns: a.returns.plus(b.returns),
    operatingCosts: a.operatingCosts.plus(b.operatingCosts),
    managementFees: a.managementFees.plus(b.managementFees),
    feesAndCosts: a.feesAndCosts.plus(b.feesAndCosts),
    losses: a.losses.plus(b.losses),
    partnerships: a.partnerships + b.partnerships,
    partnerKommuner: a.partnerKommuner + b.partnerKommuner,
    participantsStarted: a.participantsStarted.plus(b.participantsStarted),
    peopleHelped: a.peopleHelped.plus(b.peopleHelped),
    peopleEmployed: a.peopleEmployed.plus(b.peopleEmployed),
    grossSuccesses: a.grossSuccesses.plus(b.grossSuccesses),
    additionalSuccesses: a.additionalSuccesses.plus(b.additionalSuccesses),
    publicGains: addPublicGains(a.publicGains, b.publicGains),
    publicGainsByArea: addPublicGainsByArea(a.publicGainsByArea, b.publicGainsByArea),
  };
}

/** A partnership in the ledger. */
interface Partnership {
  record: PartnershipRecord;
  startIndex: number;
  /** Øre amounts by year after the start: index k − 1 holds offset k. */
  schedule: Decimal[];
  outstandingPrincipal: Decimal;
}

function zeroExactGains(): Record<PublicActor, Decimal> {
  return { kommune: ZERO, region: ZERO, stat: ZERO };
}

/** The liquidity reserve in a year, given the capital injected to date. */
function reserveAmount(fund: NormalizedFund, injectedToDate: Decimal): Decimal {
  switch (fund.reserve.kind) {
    case 'none':
      return ZERO;
    case 'amount':
      return fund.reserve.amount;
    case 'shareOfCapital':
      // Half-even to the øre: the reserve is booked money.
      return toOre(injectedToDate.times(fund.reserve.share));
  }
}

export function projectFund(input: FundInput): FundProjection {
  return projectNormalizedFund(normalizeFund(input));
}

export function projectNormalizedFund(fund: NormalizedFund): FundProjection {
  const horizon = fund.horizonYears;
  const products = fund.products;
  const shares = products.map((product) => product.mixShare);
  const startedByProduct = products.map(() => 0);
  const partnerships: Partnership[] = [];
  /** Exact gains by years from the start; grows past the horizon for the lifetime totals. */
  const exactGains: Record<PublicActor, Decimal>[] = [];
  /** The same gains by welfare area (index by years from the start, like `exactGains`). */
  const exactGainsByArea: ExactGainsByArea[] = [];

  let cash = ZERO;
  let injectedToDate = ZERO;
  let cumulative = zeroFlows();
  const years: FundYear[] = [];

  for (let yearIndex = 0; yearIndex < horizon; yearIndex++) {
    const flows = zeroFlows();
    flows.injections = fund.injectionsByYear[yearIndex];
    injectedToDate = injectedToDate.plus(flows.injections);
    cash = cash.plus(flows.injections);

    for (const partnership of partnerships) {
      const offset = yearIndex - partnership.startIndex;
      if (offset < 1 || offset > partnership.schedule.length) continue;
      const payment = partnership.schedule[offset - 1];
      const principalPart = Money.min(payment, partnership.outstandingPrincipal);
      partnership.outstandingPrincipal = partnership.outstandingPrincipal.minus(principalPart);
      flows.repaymentsReceived = flows.repaymentsReceived.plus(payment);
      flows.principalRepaid = flows.principalRepaid.plus(principalPart);
      if (offset === partnership.schedule.length) {
        flows.losses = flows.losses.plus(partnership.outstandingPrincipal);
        partnership.outstandingPrincipal = ZERO;
      }
    }
    flows.returns = flows.repaymentsReceived.minus(flows.principalRepaid);
    cash = cash.plus(flows.repaymentsReceived);

    flows.operatingCosts = fund.operatingCostPerYear;
    // Half-even to the øre: the fee is booked money.
    flows.managementFees = toOre(injectedToDate.times(fund.managementFeeRate));
    flows.feesAndCosts = flows.operatingCosts.plus(flows.managementFees);
    cash = cash.minus(flows.feesAndCosts);

    let available = cash.minus(reserveAmount(fund, injectedToDate));
    if (reinvestmentStopped(yearIndex, horizon, fund.stopReinvestingInLastYears)) {
      const neverDeployed = injectedToDate.minus(cumulative.capitalDeployed);
      available = Money.min(available, neverDeployed);
    }
    const yearLimit = fund.maxNewPartnershipsPerYear ?? Infinity;
    while (flows.partnerships < yearLimit) {
      const productIndex = nextProductIndex(startedByProduct, shares);
      const product = products[productIndex];
      let ticket: Decimal;
      if (available.gte(product.investment)) {
        ticket = product.investment;
      } else if (fund.allowPartialTickets && available.gte(fund.minimumTicket) && available.gt(0)) {
        ticket = available;
      } else {
        break;
      }
      const partnership = startPartnership(fund, product, ticket, yearIndex, flows, {
        byActor: exactGains,
        byArea: exactGainsByArea,
      });
      partnerships.push(partnership);
      startedByProduct[productIndex]++;
      available = available.minus(ticket);
      cash = cash.minus(ticket);
      flows.capitalDeployed = flows.capitalDeployed.plus(ticket);
    }

    flows.publicGains = bookGains(
      exactGains[yearIndex] ?? zeroExactGains(),
      yearIndex,
      fund.discountSchedule,
    );
    flows.publicGainsByArea = bookGainsByArea(
      exactGainsByArea[yearIndex] ?? zeroExactGainsByArea(),
      flows.publicGains,
      yearIndex,
      fund.discountSchedule,
    );
    cumulative = addFlows(cumulative, flows);

    let outstandingPrincipal = ZERO;
    let remainingExpectedRepayments = ZERO;
    for (const partnership of partnerships) {
      outstandingPrincipal = outstandingPrincipal.plus(partnership.outstandingPrincipal);
      const received = Math.max(0, yearIndex - partnership.startIndex);
      remainingExpectedRepayments = Money.sum(
        remainingExpectedRepayments,
        ...partnership.schedule.slice(received),
      );
    }
    years.push({
      year: fund.startYear + yearIndex,
      ...flows,
      cash,
      outstandingPrincipal,
      remainingExpectedRepayments,
      fundValue: cash.plus(remainingExpectedRepayments),
      cumulative,
    });
  }

  let publicGainsLifetime = zeroPublicGains();
  let publicGainsLifetimeByArea = zeroPublicGainsByArea();
  exactGains.forEach((gains, yearIndex) => {
    const booked = bookGains(gains, yearIndex, fund.discountSchedule);
    publicGainsLifetime = addPublicGains(publicGainsLifetime, booked);
    publicGainsLifetimeByArea = addPublicGainsByArea(
      publicGainsLifetimeByArea,
      bookGainsByArea(exactGainsByArea[yearIndex], booked, yearIndex, fund.discountSchedule),
    );
  });

  return {
    startYear: fund.startYear,
    endYear: fund.startYear + horizon - 1,
    horizonYears: horizon,
    initialCapital: fund.totalInjections,
    years,
    totals: cumulative,
    publicGainsLifetime,
    publicGainsLifetimeByArea,
    partnerships: partnerships.map((partnership) => partnership.record),
  };
}

/** Books a new partnership's people into `flows` and its gains into `exactGains`; returns its ledger entry. */
function startPartnership(
  fund: NormalizedFund,
  product: NormalizedProduct,
  ticket: Decimal,
  yearIndex: number,
  flows: FundFlows,
  exactGains: { byActor: Record<PublicActor, Decimal>[]; byArea: ExactGainsByArea[] },
): Partnership {
  const participants = ticket.times(product.participantsPerKrone);
  const completers = participants.times(new Money(1).minus(product.dropoutRate));
  const additional = completers.times(product.additionalSuccessRate);
  flows.partnerships += 1;
  flows.partnerKommuner += product.kommunerPerPartnership;
  flows.participantsStarted = flows.participantsStarted.plus(participants);
  flows.peopleHelped = flows.peopleHelped.plus(completers);
  flows.peopleEmployed = flows.peopleEmployed.plus(participants.times(product.employmentShare));
  flows.grossSuccesses = flows.grossSuccesses.plus(completers.times(product.grossSuccessRate));
  flows.additionalSuccesses = flows.additionalSuccesses.plus(additional);

  const successIndex = yearIndex + product.successYearOffset;
  const { byActor, byArea } = exactGains;
  product.gainsPerSuccess.forEach((gainPerSuccess, t) => {
    const gainIndex = successIndex + t + 1;
    while (byActor.length <= gainIndex) {
      byActor.push(zeroExactGains());
      byArea.push(zeroExactGainsByArea());
    }
    const areaGains = product.gainsPerSuccessByArea[t];
    for (const actor of PUBLIC_ACTORS) {
      byActor[gainIndex][actor] = byActor[gainIndex][actor].plus(
        additional.times(gainPerSuccess[actor]),
      );
      for (const area of WELFARE_AREAS) {
        byArea[gainIndex][area][actor] = byArea[gainIndex][area][actor].plus(
          additional.times(areaGains[area][actor]),
        );
      }
    }
  });

  const schedule = expectedRepaymentSchedule(product, ticket);
  const startYear = fund.startYear + yearIndex;
  return {
    record: {
      productId: product.id,
      year: startYear,
      investment: ticket,
      participants,
      expectedRepayments: schedule.map((amount, k) => ({ year: startYear + k + 1, amount })),
    },
    startIndex: yearIndex,
    schedule,
    outstandingPrincipal: ticket,
  };
}
