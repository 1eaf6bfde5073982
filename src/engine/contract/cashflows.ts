import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import type { Arith } from '../shared/arith';
import {
  accrueAndDraw,
  newStackState,
  payWaterfall,
  settleGuarantees,
  totalOwed,
} from './capital-stack';
import {
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

/** gains(y) = Σ_{s<y} additional(s) × gainPerSuccess[y − s − 1]: a success in year s gains from year s + 1. */
export function somGainsByYear<T>(
  gainPerSuccess: Record<PublicActor, T[]>,
  additional: readonly T[],
  years: number,
  ar: Arith<T>,
): Record<PublicActor, T[]> {
  const gains = byLevel(years, ar);
  for (const actor of PUBLIC_ACTORS) {
    const perSuccess = gainPerSuccess[actor];
    for (let y = 1; y < years; y++) {
      let total = ar.zero;
      for (let s = 0; s < y; s++)
        total = ar.add(total, ar.mul(additional[s], perSuccess[y - s - 1]));
      gains[actor][y] = total;
    }
  }
  return gains;
}

/** Shares of the outcome payments by level: fixed, or each level's positive SØM gain over the horizon. */
function payerShares<T>(
  c: CompiledContract<T>,
  gains: Record<PublicActor, T[]>,
  ar: Arith<T>,
): Record<PublicActor, T> {
  if (c.payerShares) return c.payerShares;
  const weights = PUBLIC_ACTORS.map((actor) => {
    let total = ar.zero;
    for (const gain of gains[actor]) total = ar.add(total, gain);
    return ar.max(ar.zero, total);
  });
  const sum = weights.reduce((a, b) => ar.add(a, b), ar.zero);
  if (ar.isZero(sum)) return c.fallbackPayerShares;
  return {
    kommune: ar.div(weights[0], sum),
    region: ar.div(weights[1], sum),
    stat: ar.div(weights[2], sum),
  };
}

/**
 * (c) Share of savings in year y for every savings component and payer: the payer's gain of
 * year y − delay (if positive) × share. The share is `shareUntilRepaid` on the part of the gains
 * needed to cover what investors are still owed (`stillOwed`, after payments already earned) and
 * `shareAfterRepaid` on the rest, so the switch happens exactly when the principal plus interest
 * is covered. Without investors (`stillOwed` null) the first share applies throughout.
 */
function savingsPayments<T>(
  components: readonly CompiledShareOfSavings<T>[],
  gains: Record<PublicActor, T[]>,
  y: number,
  stillOwed: T | null,
  ar: Arith<T>,
): Record<PublicActor, T>[] {
  const gainOf = (component: CompiledShareOfSavings<T>, actor: PublicActor) => {
    const year = y - component.delay;
    return year >= 0 ? ar.max(ar.zero, gains[actor][year]) : ar.zero;
  };
  let atHighShare = ar.zero;
  for (const component of components) {
    for (const actor of component.payers) {
      atHighShare = ar.add(
        atHighShare,
        ar.mul(component.shareUntilRepaid, gainOf(component, actor)),
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
  return components.map((component) => {
    const share = ar.add(
      component.shareAfterRepaid,
      ar.mul(highFraction, ar.sub(component.shareUntilRepaid, component.shareAfterRepaid)),
    );
    const payments = { kommune: ar.zero, region: ar.zero, stat: ar.zero };
    for (const actor of component.payers) {
      payments[actor] = ar.add(payments[actor], ar.mul(share, gainOf(component, actor)));
    }
    return payments;
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
 */
export function contractCashflows<T>(
  c: CompiledContract<T>,
  o: OutcomesByYear<T>,
  ar: Arith<T>,
): CashflowsByYear<T> {
  const years = c.years;
  const interventionCost = interventionCostByYear(c.cost, o.started, ar);
  const somGains = somGainsByYear(c.gainPerSuccess, o.additionalSuccesses, years, ar);
  const shares = payerShares(c, somGains, ar);

  const earnedByComponent: Record<string, T[]> = {};
  const fixedEarnings: T[][] = [];
  const savingsComponents: CompiledShareOfSavings<T>[] = [];
  for (const component of c.components) {
    const earned = componentEarnings(component, o, ar);
    if (earned) {
      fixedEarnings.push(earned);
      earnedByComponent[component.id] = earned;
    } else if (component.kind === 'shareOfSavings') {
      savingsComponents.push(component);
      earnedByComponent[component.id] = zeros(years, ar);
    }
  }
  const savingsPaid = savingsComponents.map(() => ar.zero);

  const interventionCostPaid = byLevel(years, ar);
  const capitalDrawn = zeros(years, ar);
  const outcomePaymentsEarned = byLevel(years, ar);
  const outcomePayments = byLevel(years, ar);
  const capital = c.capital;
  const trancheRepayments: Record<string, T[]> = {};
  for (const tranche of capital?.tranches ?? []) trancheRepayments[tranche.id] = zeros(years, ar);
  const investorExcess = zeros(years, ar);
  const investorReceipts = zeros(years, ar);
  const guaranteePayments = {
    kommune: zeros(years, ar),
    region: zeros(years, ar),
    stat: zeros(years, ar),
    guarantor: zeros(years, ar),
  };
  const guaranteeReceipts = zeros(years, ar);
  const providerRevenue = zeros(years, ar);

  let participantsStarted = ar.zero;
  for (const count of o.started) participantsStarted = ar.add(participantsStarted, count);
  const participantCap =
    c.caps.perParticipant === null ? null : ar.mul(c.caps.perParticipant, participantsStarted);
  const stack = capital ? newStackState(capital, years, ar) : null;
  const pool: Record<PublicActor, T> = { kommune: ar.zero, region: ar.zero, stat: ar.zero };
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
    for (const earned of fixedEarnings) shared = ar.add(shared, earned[y]);
    let pooled = sumLevels(pool, ar);
    const stillOwed = stack ? ar.sub(ar.sub(totalOwed(stack, ar), pooled), shared) : null;
    const savings = savingsPayments(savingsComponents, somGains, y, stillOwed, ar).map(
      (payments, k) => {
        const component = savingsComponents[k];
        const total = sumLevels(payments, ar);
        if (component.cap === null || ar.isZero(total)) return payments;
        const allowed = ar.min(total, ar.max(ar.zero, ar.sub(component.cap, savingsPaid[k])));
        const scale = ar.div(allowed, total);
        return {
          kommune: ar.mul(payments.kommune, scale),
          region: ar.mul(payments.region, scale),
          stat: ar.mul(payments.stat, scale),
        };
      },
    );
    const savingsByLevel = { kommune: ar.zero, region: ar.zero, stat: ar.zero };
    savings.forEach((payments, k) => {
      const total = sumLevels(payments, ar);
      savingsPaid[k] = ar.add(savingsPaid[k], total);
      earnedByComponent[savingsComponents[k].id][y] = total;
      for (const actor of PUBLIC_ACTORS)
        savingsByLevel[actor] = ar.add(savingsByLevel[actor], payments[actor]);
    });
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
    pooled = sumLevels(pool, ar);
    const { repaid, excess } = payWaterfall(stack, capital, y, pooled, lastYear, ar);
    let paid = excess;
    capital.tranches.forEach((tranche, t) => {
      trancheRepayments[tranche.id][y] = repaid[t];
      paid = ar.add(paid, repaid[t]);
    });
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

  const net = {} as Record<LedgerActor, T[]>;
  for (const actor of PUBLIC_ACTORS) {
    net[actor] = somGains[actor].map((gain, y) =>
      ar.sub(
        ar.sub(ar.sub(gain, interventionCostPaid[actor][y]), outcomePayments[actor][y]),
        guaranteePayments[actor][y],
      ),
    );
  }
  net.investor = capitalDrawn.map((drawn, y) =>
    ar.sub(ar.add(investorReceipts[y], guaranteeReceipts[y]), drawn),
  );
  net.provider = providerRevenue.map((revenue, y) => ar.sub(revenue, interventionCost[y]));
  net.guarantor = guaranteePayments.guarantor.map((paid) => ar.sub(ar.zero, paid));
  // Keep the ledger order stable for callers that iterate it.
  const orderedNet = Object.fromEntries(
    LEDGER_ACTORS.map((actor) => [actor, net[actor]]),
  ) as Record<LedgerActor, T[]>;

  return {
    years,
    interventionCost,
    interventionCostPaid,
    capitalDrawn,
    somGains,
    earnedByComponent,
    outcomePaymentsEarned,
    outcomePayments,
    trancheRepayments,
    investorExcess,
    investorReceipts,
    guaranteeReceipts,
    guaranteePayments,
    providerRevenue,
    unpaidEarned: sumLevels(pool, ar),
    net: orderedNet,
  };
}
