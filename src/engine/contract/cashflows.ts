import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import type { Arith } from '../shared/arith';
import {
  accrueAndDraw,
  newStackState,
  payWaterfall,
  resetStackState,
  settleGuarantees,
  totalOwed,
  type StackState,
  type WaterfallResult,
} from './capital-stack';
import {
  GUARANTEE_PAYERS,
  LEDGER_ACTORS,
  type CompiledContract,
  type CompiledShareOfSavings,
  type GuaranteePayer,
  type LedgerActor,
} from './compiled';
import type { OutcomesByYear } from './outcomes';
import { componentEarnings, interventionCostByYear } from './payments';

/** Every money flow of a contract by contract year (index 0 = year 1), in T, unrounded. */
export interface CashflowsByYear<T> {
  years: number;
  interventionCost: T[];
  /** Intervention cost paid by each level as it is spent (when an authority bears it). */
  interventionCostPaid: Record<PublicActor, T[]>;
  capitalDrawn: T[];
  /** SØM gains of the additional successes, by level. */
  somGains: Record<PublicActor, T[]>;
  /** Earned by each payment component, its own cap applied, before the model's caps. */
  earnedByComponent: Record<string, T[]>;
  /** Earned by each paying level after the model's caps and floor. */
  outcomePaymentsEarned: Record<PublicActor, T[]>;
  /** Paid by each level: as earned without investors, on the repayment terms with them. */
  outcomePayments: Record<PublicActor, T[]>;
  /** Repaid to each tranche (by tranche id). */
  trancheRepayments: Record<string, T[]>;
  /** Paid to the investors beyond what the tranches were owed. */
  investorExcess: T[];
  /** Tranche repayments plus excess: what the payers paid the investors. */
  investorReceipts: T[];
  /** First-loss cover and principal protection paid, by who paid it. */
  guaranteePayments: Record<GuaranteePayer, T[]>;
  /** The same, as received by the investors. */
  guaranteeReceipts: T[];
  providerRevenue: T[];
  /** Earned but never paid by the horizon: beyond what investors could take, or forfeited. */
  unpaidEarned: T;
  /** Net position of each ledger actor by year (gains and receipts minus costs and payments). */
  net: Record<LedgerActor, T[]>;
}

function zeros<T>(years: number, ar: Arith<T>): T[] {
  return new Array<T>(years).fill(ar.zero);
}

function byLevel<T>(years: number, ar: Arith<T>): Record<PublicActor, T[]> {
  return { kommune: zeros(years, ar), region: zeros(years, ar), stat: zeros(years, ar) };
}

function levels<T>(ar: Arith<T>): Record<PublicActor, T> {
  return { kommune: ar.zero, region: ar.zero, stat: ar.zero };
}

/**
 * The arrays one `contractCashflows` call writes (its result) and the state it keeps while it
 * runs, allocated once for a compiled contract. The Monte Carlo passes one per evaluator to every
 * call, so a trial allocates nothing (the allocations cost more than the arithmetic); the
 * projection lets each call make its own. A call overwrites all of it, so the result of one call
 * is valid until the next call with the same workspace.
 */
export interface CashflowWorkspace<T> {
  flows: CashflowsByYear<T>;
  /**
   * Indexes into `components` of those with a formula of their own, and of the shares of
   * savings (structure only: the components themselves are read from the compiled contract of
   * each call, whose prices may differ).
   */
  fixedIndexes: number[];
  savingsIndexes: number[];
  /** Each component's yearly earnings (the arrays of `flows.earnedByComponent`), by index. */
  earned: T[][];
  /** The call's savings components (filled from its compiled contract). */
  savingsComponents: CompiledShareOfSavings<T>[];
  /** Per savings component: paid so far, and this year's payments by level. */
  savingsPaid: T[];
  savingsPayments: Record<PublicActor, T>[];
  savingsByLevel: Record<PublicActor, T>;
  /** Payer shares when they follow the SØM gains. */
  shares: Record<PublicActor, T>;
  /** Earned and not yet paid, by level (with investors). */
  pool: Record<PublicActor, T>;
  stack: StackState<T> | null;
  waterfall: WaterfallResult<T>;
}

/**
 * A workspace for `contractCashflows` on `c`, or on any compiled contract with the same years,
 * components and tranches (e.g. `c` with other prices or gains).
 */
export function createCashflowWorkspace<T>(
  c: CompiledContract<T>,
  ar: Arith<T>,
): CashflowWorkspace<T> {
  const years = c.years;
  const earnedByComponent: Record<string, T[]> = {};
  const earned: T[][] = [];
  const fixedIndexes: number[] = [];
  const savingsIndexes: number[] = [];
  c.components.forEach((component, k) => {
    earned.push(zeros(years, ar));
    earnedByComponent[component.id] = earned[k];
    if (component.kind === 'shareOfSavings') savingsIndexes.push(k);
    else fixedIndexes.push(k);
  });
  const trancheRepayments: Record<string, T[]> = {};
  for (const tranche of c.capital?.tranches ?? []) trancheRepayments[tranche.id] = zeros(years, ar);
  const net = {} as Record<LedgerActor, T[]>;
  for (const actor of LEDGER_ACTORS) net[actor] = zeros(years, ar);
  const guaranteePayments = {} as Record<GuaranteePayer, T[]>;
  for (const payer of GUARANTEE_PAYERS) guaranteePayments[payer] = zeros(years, ar);
  return {
    flows: {
      years,
      interventionCost: zeros(years, ar),
      interventionCostPaid: byLevel(years, ar),
      capitalDrawn: zeros(years, ar),
      somGains: byLevel(years, ar),
      earnedByComponent,
      outcomePaymentsEarned: byLevel(years, ar),
      outcomePayments: byLevel(years, ar),
      trancheRepayments,
      investorExcess: zeros(years, ar),
      investorReceipts: zeros(years, ar),
      guaranteePayments,
      guaranteeReceipts: zeros(years, ar),
      providerRevenue: zeros(years, ar),
      unpaidEarned: ar.zero,
      net,
    },
    fixedIndexes,
    savingsIndexes,
    earned,
    savingsComponents: savingsIndexes.map((k) => c.components[k] as CompiledShareOfSavings<T>),
    savingsPaid: savingsIndexes.map(() => ar.zero),
    savingsPayments: savingsIndexes.map(() => levels(ar)),
    savingsByLevel: levels(ar),
    shares: levels(ar),
    pool: levels(ar),
    stack: c.capital ? newStackState(c.capital, years, ar) : null,
    waterfall: { repaid: (c.capital?.tranches ?? []).map(() => ar.zero), excess: ar.zero },
  };
}

function fillZero<T>(values: T[], ar: Arith<T>): void {
  for (let y = 0; y < values.length; y++) values[y] = ar.zero;
}

function fillLevelsZero<T>(values: Record<PublicActor, T[]>, ar: Arith<T>): void {
  fillZero(values.kommune, ar);
  fillZero(values.region, ar);
  fillZero(values.stat, ar);
}

/**
 * gains(y) = Σ_{s<y} additional(s) × gainPerSuccess[y − s − 1]: a success in year s gains from
 * year s + 1. Written into `into` when given.
 */
export function somGainsByYear<T>(
  gainPerSuccess: Record<PublicActor, T[]>,
  additional: readonly T[],
  years: number,
  ar: Arith<T>,
  into: Record<PublicActor, T[]> = byLevel(years, ar),
): Record<PublicActor, T[]> {
  for (const actor of PUBLIC_ACTORS) {
    const perSuccess = gainPerSuccess[actor];
    const gains = into[actor];
    if (years > 0) gains[0] = ar.zero;
    for (let y = 1; y < years; y++) {
      let total = ar.zero;
      for (let s = 0; s < y; s++)
        total = ar.add(total, ar.mul(additional[s], perSuccess[y - s - 1]));
      gains[y] = total;
    }
  }
  return into;
}

function positiveTotal<T>(values: readonly T[], ar: Arith<T>): T {
  let total = ar.zero;
  for (let y = 0; y < values.length; y++) total = ar.add(total, values[y]);
  return ar.max(ar.zero, total);
}

/**
 * Shares of the outcome payments by level: fixed, or each level's positive SØM gain over the
 * horizon (written into `into`).
 */
function payerShares<T>(
  c: CompiledContract<T>,
  gains: Record<PublicActor, T[]>,
  ar: Arith<T>,
  into: Record<PublicActor, T>,
): Record<PublicActor, T> {
  if (c.payerShares) return c.payerShares;
  const kommune = positiveTotal(gains.kommune, ar);
  const region = positiveTotal(gains.region, ar);
  const stat = positiveTotal(gains.stat, ar);
  const sum = ar.add(ar.add(ar.add(ar.zero, kommune), region), stat);
  if (ar.isZero(sum)) return c.fallbackPayerShares;
  into.kommune = ar.div(kommune, sum);
  into.region = ar.div(region, sum);
  into.stat = ar.div(stat, sum);
  return into;
}

/** A savings component's payer gain of year y − delay (if positive). */
function savingsGainOf<T>(
  component: CompiledShareOfSavings<T>,
  gains: Record<PublicActor, T[]>,
  actor: PublicActor,
  y: number,
  ar: Arith<T>,
): T {
  const year = y - component.delay;
  return year >= 0 ? ar.max(ar.zero, gains[actor][year]) : ar.zero;
}

/**
 * (c) Share of savings in year y for every savings component and payer: the payer's gain of
 * year y − delay (if positive) × share. The share is `shareUntilRepaid` on the part of the gains
 * needed to cover what investors are still owed (`stillOwed`, after payments already earned) and
 * `shareAfterRepaid` on the rest, so the switch happens exactly when the principal plus interest
 * is covered. Without investors (`stillOwed` null) the first share applies throughout.
 * Written into `into` (one record per component).
 */
function savingsPayments<T>(
  components: readonly CompiledShareOfSavings<T>[],
  gains: Record<PublicActor, T[]>,
  y: number,
  stillOwed: T | null,
  ar: Arith<T>,
  into: Record<PublicActor, T>[],
): void {
  let atHighShare = ar.zero;
  for (const component of components) {
    for (const actor of component.payers) {
      atHighShare = ar.add(
        atHighShare,
        ar.mul(component.shareUntilRepaid, savingsGainOf(component, gains, actor, y, ar)),
      );
    }
  }
  // Fraction of this year's gains passed on at the high share.
  let highFraction = ar.one;
  if (stillOwed !== null) {
    highFraction =
      ar.lte(stillOwed, ar.zero) || ar.isZero(atHighShare)
        ? ar.zero
        : ar.min(ar.one, ar.div(stillOwed, atHighShare));
  }
  components.forEach((component, k) => {
    const share = ar.add(
      component.shareAfterRepaid,
      ar.mul(highFraction, ar.sub(component.shareUntilRepaid, component.shareAfterRepaid)),
    );
    const payments = into[k];
    payments.kommune = ar.zero;
    payments.region = ar.zero;
    payments.stat = ar.zero;
    for (const actor of component.payers) {
      payments[actor] = ar.add(
        payments[actor],
        ar.mul(share, savingsGainOf(component, gains, actor, y, ar)),
      );
    }
  });
}

function sumLevels<T>(values: Record<PublicActor, T>, ar: Arith<T>): T {
  return ar.add(ar.add(values.kommune, values.region), values.stat);
}

/**
 * The payment model, capital stack and gain sharing applied to one set of outcomes: THE formula
 * for what every party pays and receives, shared by the exact projection (Decimal) and the Monte
 * Carlo (floats). Per year:
 * 1. intervention cost; an authority pays it as spent, or the investors' draws finance it (up to
 *    the commitment; a shortfall stays with the provider);
 * 2. SØM gains of the additional successes by level;
 * 3. outcome payments earned: component formulas, each under its own cap; the model's caps per
 *    participant, per year and in total scale all components alike; the floor is topped up in
 *    the last year; the shared components are split across payers by the gain sharing, shares
 *    of savings stay with their payer;
 * 4. without investors the provider is paid as earned; with investors, earned payments are paid
 *    through the waterfall (senior first) on the repayment terms, excess by the contract;
 * 5. in the last year, the first-loss cover and principal protection settle the investors' loss.
 *
 * The result lives in `workspace` (see `CashflowWorkspace`): pass one to reuse its arrays; by
 * default each call allocates its own.
 */
export function contractCashflows<T>(
  c: CompiledContract<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
  workspace: CashflowWorkspace<T> = createCashflowWorkspace(c, ar),
): CashflowsByYear<T> {
  const years = c.years;
  const flows = workspace.flows;
  const interventionCost = interventionCostByYear(c.cost, o.started, ar, flows.interventionCost);
  const somGains = somGainsByYear(
    c.gainPerSuccess,
    o.additionalSuccesses,
    years,
    ar,
    flows.somGains,
  );
  const shares = payerShares(c, somGains, ar, workspace.shares);

  const { trancheRepayments, guaranteePayments } = flows;
  const { fixedIndexes, savingsIndexes, earned, savingsPaid } = workspace;
  for (const k of fixedIndexes) componentEarnings(c.components[k], o, ar, earned[k]);
  const savingsComponents = workspace.savingsComponents;
  for (let k = 0; k < savingsIndexes.length; k++) {
    savingsComponents[k] = c.components[savingsIndexes[k]] as CompiledShareOfSavings<T>;
    fillZero(earned[savingsIndexes[k]], ar);
    savingsPaid[k] = ar.zero;
  }

  const interventionCostPaid = flows.interventionCostPaid;
  const capitalDrawn = flows.capitalDrawn;
  const outcomePaymentsEarned = flows.outcomePaymentsEarned;
  const outcomePayments = flows.outcomePayments;
  const investorExcess = flows.investorExcess;
  const investorReceipts = flows.investorReceipts;
  const guaranteeReceipts = flows.guaranteeReceipts;
  const providerRevenue = flows.providerRevenue;
  fillLevelsZero(interventionCostPaid, ar);
  fillZero(capitalDrawn, ar);
  fillLevelsZero(outcomePaymentsEarned, ar);
  fillLevelsZero(outcomePayments, ar);
  for (const id in trancheRepayments) fillZero(trancheRepayments[id], ar);
  fillZero(investorExcess, ar);
  fillZero(investorReceipts, ar);
  for (const payer of GUARANTEE_PAYERS) fillZero(guaranteePayments[payer], ar);
  fillZero(guaranteeReceipts, ar);
  fillZero(providerRevenue, ar);
  const capital = c.capital;

  let participantsStarted = ar.zero;
  for (const count of o.started) participantsStarted = ar.add(participantsStarted, count);
  const participantCap =
    c.caps.perParticipant === null ? null : ar.mul(c.caps.perParticipant, participantsStarted);
  const stack = capital ? workspace.stack : null;
  if (stack) resetStackState(stack, ar);
  const pool = workspace.pool;
  pool.kommune = ar.zero;
  pool.region = ar.zero;
  pool.stat = ar.zero;
  const savingsByLevel = workspace.savingsByLevel;
  const savings = workspace.savingsPayments;
  let earnedSoFar = ar.zero;

  for (let y = 0; y < years; y++) {
    const lastYear = y === years - 1;
    // 1. Cost and capital.
    if (c.costBearer === 'authority') {
      for (const actor of PUBLIC_ACTORS) {
        interventionCostPaid[actor][y] = ar.mul(interventionCost[y], c.authorityCostShares[actor]);
      }
      providerRevenue[y] = interventionCost[y];
    }
    if (capital && stack) {
      const draw = capital.fixedDraws
        ? capital.fixedDraws[y]
        : ar.max(ar.zero, ar.min(interventionCost[y], ar.sub(capital.commitment, stack.drawn)));
      accrueAndDraw(stack, capital, y, draw, ar);
      capitalDrawn[y] = draw;
      providerRevenue[y] = ar.add(providerRevenue[y], draw);
    }

    // 3. Outcome payments earned this year.
    let shared = ar.zero;
    for (const k of fixedIndexes) shared = ar.add(shared, earned[k][y]);
    savingsByLevel.kommune = ar.zero;
    savingsByLevel.region = ar.zero;
    savingsByLevel.stat = ar.zero;
    if (savingsComponents.length > 0) {
      const stillOwed = stack
        ? ar.sub(ar.sub(totalOwed(stack, ar), sumLevels(pool, ar)), shared)
        : null;
      savingsPayments(savingsComponents, somGains, y, stillOwed, ar, savings);
      for (let k = 0; k < savingsComponents.length; k++) {
        const payments = savings[k];
        const component = savingsComponents[k];
        const total = sumLevels(payments, ar);
        if (component.cap !== null && !ar.isZero(total)) {
          const allowed = ar.min(total, ar.max(ar.zero, ar.sub(component.cap, savingsPaid[k])));
          const scale = ar.div(allowed, total);
          payments.kommune = ar.mul(payments.kommune, scale);
          payments.region = ar.mul(payments.region, scale);
          payments.stat = ar.mul(payments.stat, scale);
        }
      }
      for (let k = 0; k < savingsComponents.length; k++) {
        const payments = savings[k];
        const total = sumLevels(payments, ar);
        savingsPaid[k] = ar.add(savingsPaid[k], total);
        earned[savingsIndexes[k]][y] = total;
        for (const actor of PUBLIC_ACTORS)
          savingsByLevel[actor] = ar.add(savingsByLevel[actor], payments[actor]);
      }
    }
    const uncapped = ar.add(shared, sumLevels(savingsByLevel, ar));
    let allowed = uncapped;
    if (c.caps.perYear !== null) allowed = ar.min(allowed, c.caps.perYear);
    if (c.caps.total !== null) allowed = ar.min(allowed, ar.sub(c.caps.total, earnedSoFar));
    if (participantCap !== null) allowed = ar.min(allowed, ar.sub(participantCap, earnedSoFar));
    allowed = ar.max(ar.zero, allowed);
    if (!ar.lt(allowed, uncapped) || ar.isZero(uncapped)) {
      allowed = uncapped;
    } else {
      const scale = ar.div(allowed, uncapped);
      shared = ar.mul(shared, scale);
      for (const actor of PUBLIC_ACTORS)
        savingsByLevel[actor] = ar.mul(savingsByLevel[actor], scale);
    }
    if (lastYear && c.floorTotal !== null) {
      const topUp = ar.max(ar.zero, ar.sub(c.floorTotal, ar.add(earnedSoFar, allowed)));
      shared = ar.add(shared, topUp);
      allowed = ar.add(allowed, topUp);
    }
    earnedSoFar = ar.add(earnedSoFar, allowed);
    for (const actor of PUBLIC_ACTORS) {
      outcomePaymentsEarned[actor][y] = ar.add(
        ar.mul(shared, shares[actor]),
        savingsByLevel[actor],
      );
    }

    // 4. Paying what was earned.
    if (!capital || !stack) {
      for (const actor of PUBLIC_ACTORS)
        outcomePayments[actor][y] = outcomePaymentsEarned[actor][y];
      providerRevenue[y] = ar.add(providerRevenue[y], allowed);
      continue;
    }
    for (const actor of PUBLIC_ACTORS)
      pool[actor] = ar.add(pool[actor], outcomePaymentsEarned[actor][y]);
    const pooled = sumLevels(pool, ar);
    const { repaid, excess } = payWaterfall(
      stack,
      capital,
      y,
      pooled,
      lastYear,
      ar,
      workspace.waterfall,
    );
    let paid = excess;
    const tranches = capital.tranches;
    for (let t = 0; t < tranches.length; t++) {
      trancheRepayments[tranches[t].id][y] = repaid[t];
      paid = ar.add(paid, repaid[t]);
    }
    // Each level pays its share of what is paid out of what it has earned and not yet paid.
    for (const actor of PUBLIC_ACTORS) {
      const part = ar.gte(paid, pooled) ? pool[actor] : ar.div(ar.mul(paid, pool[actor]), pooled);
      outcomePayments[actor][y] = part;
      pool[actor] = ar.sub(pool[actor], part);
    }
    if (capital.excess === 'toInvestors') investorExcess[y] = excess;
    else if (capital.excess === 'toProvider')
      providerRevenue[y] = ar.add(providerRevenue[y], excess);
    investorReceipts[y] = ar.sub(paid, capital.excess === 'toInvestors' ? ar.zero : excess);

    // 5. Settlement.
    if (lastYear) {
      const { firstLoss, protection } = settleGuarantees(stack, capital, ar);
      if (capital.firstLoss) {
        const payer = guaranteePayments[capital.firstLoss.payer];
        payer[y] = ar.add(payer[y], firstLoss);
      }
      if (capital.protection) {
        const payer = guaranteePayments[capital.protection.payer];
        payer[y] = ar.add(payer[y], protection);
      }
      guaranteeReceipts[y] = ar.add(firstLoss, protection);
    }
  }

  const net = flows.net;
  for (const actor of PUBLIC_ACTORS) {
    const gains = somGains[actor];
    const costPaid = interventionCostPaid[actor];
    const payments = outcomePayments[actor];
    const guarantees = guaranteePayments[actor];
    const into = net[actor];
    for (let y = 0; y < years; y++) {
      into[y] = ar.sub(ar.sub(ar.sub(gains[y], costPaid[y]), payments[y]), guarantees[y]);
    }
  }
  const guarantor = guaranteePayments.guarantor;
  for (let y = 0; y < years; y++) {
    net.investor[y] = ar.sub(ar.add(investorReceipts[y], guaranteeReceipts[y]), capitalDrawn[y]);
    net.provider[y] = ar.sub(providerRevenue[y], interventionCost[y]);
    net.guarantor[y] = ar.sub(ar.zero, guarantor[y]);
  }
  flows.unpaidEarned = sumLevels(pool, ar);
  return flows;
}
