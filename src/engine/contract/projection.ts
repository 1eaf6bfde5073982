import Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { decimalArith } from '../shared/arith';
import { Money, toOre, ZERO } from '../shared/decimal';
import {
  discountFactor,
  FINANCE_MINISTRY_2021_SCHEDULE,
  flatDiscountSchedule,
} from '../shared/discount';
import { investorIrr } from '../shared/irr';
import type { GainProfile } from '../som/types';
import { contractCashflows, type CashflowsByYear } from './cashflows';
import { compileContract } from './compile';
import {
  GUARANTEE_PAYERS,
  LEDGER_ACTORS,
  type CompiledContract,
  type GuaranteePayer,
  type LedgerActor,
} from './compiled';
import { expectedOutcomes, type OutcomesByYear } from './outcomes';
import { roundPartsToTotal, roundYearly, sumDecimals } from './rounding';
import type { Contract, PartyRole } from './types';

/** The ledgers a projection reports: every ledger actor plus the public sector as a whole. */
export type ReportedActor = LedgerActor | 'public';
export const REPORTED_ACTORS: readonly ReportedActor[] = [...LEDGER_ACTORS, 'public'];

export type ByLevel = Record<PublicActor, Decimal> & { total: Decimal };

/** One contract year; every amount is in whole øre and every split sums exactly to its total. */
export interface ProjectionYear {
  year: number;
  calendarYear: number;
  outcomes: Record<
    'started' | 'dropouts' | 'completers' | 'measured' | 'grossSuccesses' | 'additionalSuccesses',
    Decimal
  >;
  interventionCost: Decimal;
  interventionCostPaid: ByLevel;
  capitalDrawn: Decimal;
  outcomePayments: ByLevel;
  trancheRepayments: Record<string, Decimal>;
  investorExcess: Decimal;
  investorReceipts: Decimal;
  guaranteePayments: Record<GuaranteePayer, Decimal>;
  guaranteeReceipts: Decimal;
  providerRevenue: Decimal;
  somGains: ByLevel;
  /** This year's SØM gains by welfare area; each level sums over the areas to `somGains`. */
  somGainsByArea: Record<WelfareArea, ByLevel>;
  net: Record<ReportedActor, Decimal>;
  cumulativeNet: Record<ReportedActor, Decimal>;
}

export interface InvestorSummary {
  /** Yearly IRR of the investors' net flows (bisection, see shared/irr); null if it has no root. */
  irr: number | null;
  /** (receipts + guarantee receipts) / drawn. */
  multiple: Decimal | null;
  npv: Decimal;
  drawn: Decimal;
  received: Decimal;
}

export interface PartyLedger {
  partyId: string;
  name: string;
  role: PartyRole;
  ledger: LedgerActor;
  /** The party's share of its ledger. */
  share: Decimal;
  netByYear: Decimal[];
  net: Decimal;
}

export interface ContractProjection {
  contractId: string;
  name: string;
  startYear: number;
  priceYear: number;
  horizonYears: number;
  costBearer: Contract['costBearer'];
  discountRate: Decimal | null;
  byYear: ProjectionYear[];
  /** Cumulative net at the horizon. */
  net: Record<ReportedActor, Decimal>;
  /** Net discounted to contract year 1 (year y weighs 1 / (1 + r)^(y − 1)). */
  npv: Record<ReportedActor, Decimal>;
  /**
   * The first contract year from which the cumulative net stays ≥ 0 to the horizon (the issue's
   * "first year with cumulative net ≥ 0", read so that a later dip below 0 moves it); null if it
   * ends below 0, and for investors or a guarantor that take no part in the contract.
   */
  breakEvenYear: Record<ReportedActor, number | null>;
  /** Null when the contract has no capital. */
  investor: InvestorSummary | null;
  outcomes: ProjectionYear['outcomes'];
  interventionCost: Decimal;
  outcomePayments: ByLevel;
  somGains: ByLevel;
  /** Σ over the years of `byYear[].somGainsByArea`. */
  somGainsByArea: Record<WelfareArea, ByLevel>;
  earnedByComponent: Record<string, Decimal>;
  unpaidEarned: Decimal;
  /** Intervention cost per additional success; null without additional successes. */
  costPerAdditionalSuccess: Decimal | null;
  /** What the public sector paid (cost it bore, outcome payments, guarantees) per additional success. */
  publicCostPerAdditionalSuccess: Decimal | null;
  netPublicGain: Decimal;
  byParty: PartyLedger[];
}

export interface ProjectionOptions {
  /** Outcomes to use instead of `expectedOutcomes(contract)` (e.g. a Monte Carlo mean). */
  outcomes?: OutcomesByYear<Decimal>;
  /** The contract already compiled with these gains (`compileContractDecimal`), to skip compiling it again. */
  compiled?: CompiledContract<Decimal>;
}

function byLevel(parts: Record<PublicActor, Decimal>, total: Decimal): ByLevel {
  const [kommune, region, stat] = roundPartsToTotal(
    PUBLIC_ACTORS.map((actor) => parts[actor]),
    total,
  );
  return { kommune, region, stat, total };
}

/** Yearly totals rounded so that every running total is the exact running total rounded once. */
interface RoundedTotals {
  interventionCost: Decimal[];
  outcomePayments: Decimal[];
  somGains: Decimal[];
  capitalDrawn: Decimal[];
}

function roundedTotals(flows: CashflowsByYear<Decimal>): RoundedTotals {
  const levelSum = (values: Record<PublicActor, Decimal[]>) =>
    values.kommune.map((k, y) => k.plus(values.region[y]).plus(values.stat[y]));
  return {
    interventionCost: roundYearly(flows.interventionCost),
    outcomePayments: roundYearly(levelSum(flows.outcomePayments)),
    somGains: roundYearly(levelSum(flows.somGains)),
    capitalDrawn: roundYearly(flows.capitalDrawn),
  };
}

function levelAt(values: Record<PublicActor, Decimal[]>, y: number): Record<PublicActor, Decimal> {
  return { kommune: values.kommune[y], region: values.region[y], stat: values.stat[y] };
}

/**
 * Rounds year y of the cash flows to øre so that each split sums to its (cumulatively rounded)
 * total and money is conserved: what the levels pay equals what the tranches, the excess and the
 * provider receive.
 */
function roundYear(
  contract: Contract,
  gains: GainProfile,
  flows: CashflowsByYear<Decimal>,
  totals: RoundedTotals,
  outcomes: OutcomesByYear<Decimal>,
  y: number,
): ProjectionYear {
  const interventionCost = totals.interventionCost[y];
  const costParts = roundPartsToTotal(
    PUBLIC_ACTORS.map((actor) => flows.interventionCostPaid[actor][y]),
    contract.costBearer === 'authority' ? interventionCost : ZERO,
  );
  const interventionCostPaid = {
    kommune: costParts[0],
    region: costParts[1],
    stat: costParts[2],
    total: sumDecimals(costParts),
  };
  const outcomePayments = byLevel(levelAt(flows.outcomePayments, y), totals.outcomePayments[y]);
  const trancheIds = Object.keys(flows.trancheRepayments);
  const excessToProvider = contract.capital?.excessPayments === 'toProvider';
  const excessExact = excessToProvider
    ? flows.providerRevenue[y].minus(flows.capitalDrawn[y])
    : flows.investorExcess[y];
  // Recipients of this year's outcome payments, rounded to the same total as the payers' side.
  const recipients = contract.capital
    ? roundPartsToTotal(
        [...trancheIds.map((id) => flows.trancheRepayments[id][y]), excessExact],
        outcomePayments.total,
      )
    : [];
  const trancheRepayments = Object.fromEntries(trancheIds.map((id, t) => [id, recipients[t]]));
  const excess = contract.capital ? recipients[trancheIds.length] : ZERO;
  const investorExcess = excessToProvider ? ZERO : excess;
  const investorReceipts = sumDecimals(trancheIds.map((id) => trancheRepayments[id])).plus(
    investorExcess,
  );
  const guaranteePayments = Object.fromEntries(
    GUARANTEE_PAYERS.map((payer) => [payer, toOre(flows.guaranteePayments[payer][y])]),
  ) as Record<GuaranteePayer, Decimal>;
  const guaranteeReceipts = sumDecimals(GUARANTEE_PAYERS.map((payer) => guaranteePayments[payer]));
  const capitalDrawn = totals.capitalDrawn[y];
  const providerRevenue = contract.capital
    ? capitalDrawn.plus(excessToProvider ? excess : ZERO)
    : interventionCostPaid.total.plus(outcomePayments.total);
  const somGains = byLevel(levelAt(flows.somGains, y), totals.somGains[y]);

  const net = {} as Record<ReportedActor, Decimal>;
  for (const actor of PUBLIC_ACTORS) {
    net[actor] = somGains[actor]
      .minus(interventionCostPaid[actor])
      .minus(outcomePayments[actor])
      .minus(guaranteePayments[actor]);
  }
  net.investor = investorReceipts.plus(guaranteeReceipts).minus(capitalDrawn);
  net.provider = providerRevenue.minus(interventionCost);
  net.guarantor = ZERO.minus(guaranteePayments.guarantor);
  net.public = net.kommune.plus(net.region).plus(net.stat);

  return {
    year: y + 1,
    calendarYear: contract.startYear + y,
    outcomes: {
      started: outcomes.started[y],
      dropouts: outcomes.dropouts[y],
      completers: outcomes.completers[y],
      measured: outcomes.measured[y],
      grossSuccesses: outcomes.grossSuccesses[y],
      additionalSuccesses: outcomes.additionalSuccesses[y],
    },
    interventionCost,
    interventionCostPaid,
    capitalDrawn,
    outcomePayments,
    trancheRepayments,
    investorExcess,
    investorReceipts,
    guaranteePayments,
    guaranteeReceipts,
    providerRevenue,
    somGains,
    somGainsByArea: yearGainsByArea(contract, gains, outcomes, y, somGains),
    net,
    cumulativeNet: net, // replaced by the running sum in projectContract
  };
}

export function breakEvenYear(cumulative: readonly Decimal[]): number | null {
  if (cumulative.length === 0 || cumulative[cumulative.length - 1].isNegative()) return null;
  let year = cumulative.length;
  while (year > 1 && !cumulative[year - 2].isNegative()) year--;
  return year;
}

function sumLevels(years: ProjectionYear[], pick: (year: ProjectionYear) => ByLevel): ByLevel {
  const total = (actor: keyof ByLevel) => sumDecimals(years.map((year) => pick(year)[actor]));
  return {
    kommune: total('kommune'),
    region: total('region'),
    stat: total('stat'),
    total: total('total'),
  };
}

/**
 * Year y's SØM gains by welfare area and level: the exact area amounts of each level rounded by
 * largest remainder (roundPartsToTotal) to that level's rounded cell of the year, so the areas
 * sum exactly to `somGains`.
 */
function yearGainsByArea(
  contract: Contract,
  gains: GainProfile,
  outcomes: OutcomesByYear<Decimal>,
  y: number,
  somGains: ByLevel,
): Record<WelfareArea, ByLevel> {
  const survival = new Money(1).minus(contract.intervention.relapseRate ?? 0);
  const byArea = Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, { kommune: ZERO, region: ZERO, stat: ZERO, total: ZERO }]),
  ) as Record<WelfareArea, ByLevel>;
  for (const actor of PUBLIC_ACTORS) {
    const exact = WELFARE_AREAS.map((area) => {
      let total = ZERO;
      for (let s = 0; s < y; s++) {
        const offset = gains.offsets[y - s - 1];
        if (offset) {
          total = total.plus(
            outcomes.additionalSuccesses[s]
              .times(offset.byArea[area][actor])
              .times(survival.pow(y - s - 1)),
          );
        }
      }
      return total;
    });
    const rounded = roundPartsToTotal(exact, somGains[actor]);
    WELFARE_AREAS.forEach((area, a) => {
      byArea[area][actor] = rounded[a];
      byArea[area].total = byArea[area].total.plus(rounded[a]);
    });
  }
  return byArea;
}

/** SØM gains by welfare area and level over the horizon: the sum of the yearly cells. */
function gainsByArea(years: ProjectionYear[]): Record<WelfareArea, ByLevel> {
  return Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, sumLevels(years, (year) => year.somGainsByArea[area])]),
  ) as Record<WelfareArea, ByLevel>;
}

function ledgerOf(role: PartyRole, level: PublicActor | undefined): LedgerActor {
  if (role === 'investor' || role === 'provider') return role;
  if (role === 'guarantor') return 'guarantor';
  return level ?? 'kommune';
}

/** Each party's share of its ledger: the given shares (normalised), else equal shares. */
function partyLedgers(contract: Contract, years: ProjectionYear[]): PartyLedger[] {
  const parties = contract.parties.map((party) => ({
    party,
    ledger: ledgerOf(party.role, party.level),
  }));
  return parties.map(({ party, ledger }) => {
    const peers = parties.filter((p) => p.ledger === ledger).map((p) => p.party);
    const allShared = peers.every((p) => p.share !== undefined);
    const weights = peers.map((p) => new Money(allShared ? (p.share ?? 0) : 1));
    const weightSum = sumDecimals(weights);
    const index = peers.indexOf(party);
    const share = weightSum.isZero() ? ZERO : weights[index].div(weightSum);
    const netByYear = years.map((year) => {
      const parts = weights.map((w) =>
        weightSum.isZero() ? ZERO : year.net[ledger].times(w).div(weightSum),
      );
      return roundPartsToTotal(parts, year.net[ledger])[index];
    });
    return {
      partyId: party.id,
      name: party.name,
      role: party.role,
      ledger,
      share,
      netByYear,
      net: sumDecimals(netByYear),
    };
  });
}

/**
 * The exact deterministic projection of a contract at its expected values (observed outcomes
 * overriding): expectedOutcomes → contractCashflows with Decimal → every cell rounded to øre
 * (half-even, splits by largest remainder) → nets, cumulative nets, break-even years, the
 * investors' IRR, multiple and NPV, cost per additional success and the net public gain.
 * `gains` is the SØM gain profile of the contract's success measure in its price year, with at
 * least horizonYears − 1 offsets. Throws InvalidInputError listing every violation.
 */
export function projectContract(
  contract: Contract,
  gains: GainProfile,
  options: ProjectionOptions = {},
): ContractProjection {
  const compiled = options.compiled ?? compileContract(contract, gains, decimalArith);
  const outcomes = options.outcomes ?? expectedOutcomes(contract);
  const flows = contractCashflows(compiled, outcomes, decimalArith);
  const totals = roundedTotals(flows);
  const years = Array.from({ length: contract.horizonYears }, (_, y) =>
    roundYear(contract, gains, flows, totals, outcomes, y),
  );

  const running = Object.fromEntries(REPORTED_ACTORS.map((actor) => [actor, ZERO])) as Record<
    ReportedActor,
    Decimal
  >;
  for (const year of years) {
    const cumulative = {} as Record<ReportedActor, Decimal>;
    for (const actor of REPORTED_ACTORS) {
      running[actor] = running[actor].plus(year.net[actor]);
      cumulative[actor] = running[actor];
    }
    year.cumulativeNet = cumulative;
  }
  const schedule =
    contract.discountRate === undefined
      ? FINANCE_MINISTRY_2021_SCHEDULE
      : flatDiscountSchedule(contract.discountRate);
  const factors = years.map((_, y) => discountFactor(y, schedule));
  const npv = {} as Record<ReportedActor, Decimal>;
  const breakEven = {} as Record<ReportedActor, number | null>;
  // Investors and a guarantor that are not part of the contract have no break-even year.
  const guarantorTakesPart =
    contract.capital?.firstLoss !== undefined ||
    contract.capital?.principalProtection !== undefined;
  const notInContract: Partial<Record<ReportedActor, boolean>> = {
    investor: !contract.capital,
    guarantor: !guarantorTakesPart,
  };
  for (const actor of REPORTED_ACTORS) {
    npv[actor] =
      actor === 'public'
        ? ZERO // set below as the sum of the levels, so the split is exact to the øre
        : toOre(sumDecimals(years.map((year, y) => year.net[actor].times(factors[y]))));
    breakEven[actor] = notInContract[actor]
      ? null
      : breakEvenYear(years.map((year) => year.cumulativeNet[actor]));
  }

  npv.public = npv.kommune.plus(npv.region).plus(npv.stat);

  const total = (pick: (year: ProjectionYear) => Decimal) => sumDecimals(years.map(pick));
  const countTotal = (key: keyof ProjectionYear['outcomes']) => total((year) => year.outcomes[key]);
  const drawn = total((year) => year.capitalDrawn);
  const received = total((year) => year.investorReceipts.plus(year.guaranteeReceipts));
  const investor: InvestorSummary | null = contract.capital
    ? {
        irr: investorIrr(years.map((year) => year.net.investor.toNumber())),
        multiple: drawn.isZero() ? null : received.div(drawn),
        npv: npv.investor,
        drawn,
        received,
      }
    : null;
  const additional = countTotal('additionalSuccesses');
  const interventionCost = total((year) => year.interventionCost);
  const publicPaid = total((year) =>
    year.interventionCostPaid.total
      .plus(year.outcomePayments.total)
      .plus(PUBLIC_ACTORS.reduce((sum, actor) => sum.plus(year.guaranteePayments[actor]), ZERO)),
  );
  const perAdditional = (amount: Decimal) =>
    additional.isZero() ? null : toOre(amount.div(additional));
  const net = years[years.length - 1].cumulativeNet;

  return {
    contractId: contract.id,
    name: contract.name,
    startYear: contract.startYear,
    priceYear: contract.priceYear,
    horizonYears: contract.horizonYears,
    costBearer: contract.costBearer,
    discountRate: contract.discountRate === undefined ? null : new Money(contract.discountRate),
    byYear: years,
    net,
    npv,
    breakEvenYear: breakEven,
    investor,
    outcomes: {
      started: countTotal('started'),
      dropouts: countTotal('dropouts'),
      completers: countTotal('completers'),
      measured: countTotal('measured'),
      grossSuccesses: countTotal('grossSuccesses'),
      additionalSuccesses: additional,
    },
    interventionCost,
    outcomePayments: sumLevels(years, (year) => year.outcomePayments),
    somGains: sumLevels(years, (year) => year.somGains),
    somGainsByArea: gainsByArea(years),
    earnedByComponent: Object.fromEntries(
      Object.entries(flows.earnedByComponent).map(([id, values]) => [
        id,
        toOre(sumDecimals(values)),
      ]),
    ),
    unpaidEarned: toOre(flows.unpaidEarned),
    costPerAdditionalSuccess: perAdditional(interventionCost),
    publicCostPerAdditionalSuccess: perAdditional(publicPaid),
    netPublicGain: net.public,
    byParty: partyLedgers(contract, years),
  };
}
