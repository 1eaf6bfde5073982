import type { Arith } from '../shared/arith';
import type { CompiledCapital } from './compiled';

/**
 * The investors' position while a contract runs, and the repayment waterfall over it.
 * Timing convention: a draw in year d starts to bear interest in year d + 1, and payments come at
 * the end of a year, so yearly cash flows [−D, D × (1 + r)] have an IRR of exactly r.
 */
export interface StackState<T> {
  /** What each tranche is owed: principal plus capitalised interest, less repayments. */
  balances: T[];
  /** Draws by year, for the repayment schedule. */
  draws: T[];
  drawn: T;
  /** Receipts of the investors so far, without guarantee payments. */
  received: T;
  /** The return cap's room: drawn compounded at the cap rate, less receipts. */
  capAccount: T;
}

export function newStackState<T>(
  capital: CompiledCapital<T>,
  years: number,
  ar: Arith<T>,
): StackState<T> {
  return {
    balances: capital.tranches.map(() => ar.zero),
    draws: new Array<T>(years).fill(ar.zero),
    drawn: ar.zero,
    received: ar.zero,
    capAccount: ar.zero,
  };
}

/** Sets a state back to `newStackState`'s (nothing drawn, nothing owed), keeping its arrays. */
export function resetStackState<T>(state: StackState<T>, ar: Arith<T>): void {
  state.balances.fill(ar.zero);
  state.draws.fill(ar.zero);
  state.drawn = ar.zero;
  state.received = ar.zero;
  state.capAccount = ar.zero;
}

/** Start of year y: a year's interest on each balance, then the year's draw split by tranche share. */
export function accrueAndDraw<T>(
  state: StackState<T>,
  capital: CompiledCapital<T>,
  y: number,
  draw: T,
  ar: Arith<T>,
): void {
  const tranches = capital.tranches;
  for (let t = 0; t < tranches.length; t++) {
    state.balances[t] = ar.add(
      ar.mul(state.balances[t], tranches[t].growth),
      ar.mul(draw, tranches[t].share),
    );
  }
  if (capital.capGrowth !== null) {
    state.capAccount = ar.add(ar.mul(state.capAccount, capital.capGrowth), draw);
  }
  state.draws[y] = draw;
  state.drawn = ar.add(state.drawn, draw);
}

export function totalOwed<T>(state: StackState<T>, ar: Arith<T>): T {
  let owed = ar.zero;
  for (const balance of state.balances) owed = ar.add(owed, balance);
  return owed;
}

/** Principal still scheduled in year y: Σ_d draw(d) × remaining share (y − d). Zero once the schedule is done. */
function scheduledOutstanding<T>(
  state: StackState<T>,
  capital: CompiledCapital<T>,
  y: number,
  ar: Arith<T>,
): T {
  let outstanding = ar.zero;
  for (let d = 0; d <= y; d++) {
    if (!ar.isZero(state.draws[d])) {
      outstanding = ar.add(outstanding, ar.mul(state.draws[d], capital.scheduledRemaining[y - d]));
    }
  }
  return outstanding;
}

/** How much more the investors may receive under the return cap (null: no cap). */
function capRoom<T>(state: StackState<T>, capital: CompiledCapital<T>, ar: Arith<T>): T | null {
  let room: T | null = null;
  if (capital.capMultiple !== null) {
    room = ar.max(ar.zero, ar.sub(ar.mul(capital.capMultiple, state.drawn), state.received));
  }
  if (capital.capGrowth !== null) {
    const byRate = ar.max(ar.zero, state.capAccount);
    room = room === null ? byRate : ar.min(room, byRate);
  }
  return room;
}

export interface WaterfallResult<T> {
  /** Paid to each tranche (senior first, as `capital.tranches`). */
  repaid: T[];
  /** Paid beyond what the tranches were owed: to the investors or the provider, by the contract. */
  excess: T;
}

/**
 * End of year y: pays from `available` (earned outcome payments not yet paid) what is due, senior
 * tranches first. Due is the whole balance when repayment is 'asEarned', in the settlement year
 * and once the schedule is done; otherwise the balance less the principal still scheduled (this
 * year's instalment, the interest and any arrears). Once everything is due and paid, what is left
 * is excess, paid unless the contract says 'notPaid'. The return cap limits all receipts.
 * The result is written into `into` when given (its `repaid` has one slot per tranche).
 */
export function payWaterfall<T>(
  state: StackState<T>,
  capital: CompiledCapital<T>,
  y: number,
  available: T,
  settlement: boolean,
  ar: Arith<T>,
  into: WaterfallResult<T> = { repaid: new Array<T>(capital.tranches.length), excess: ar.zero },
): WaterfallResult<T> {
  const outstanding = scheduledOutstanding(state, capital, y, ar);
  const wholeBalanceDue = capital.asEarned || settlement || ar.isZero(outstanding);
  let left = available;
  let room = capRoom(state, capital, ar);
  const tranches = capital.tranches;
  const repaid = into.repaid;
  for (let t = 0; t < tranches.length; t++) {
    const balance = state.balances[t];
    const due = wholeBalanceDue
      ? balance
      : ar.max(ar.zero, ar.sub(balance, ar.mul(outstanding, tranches[t].share)));
    let pay = ar.min(due, left);
    if (room !== null) pay = ar.min(pay, room);
    state.balances[t] = ar.sub(balance, pay);
    left = ar.sub(left, pay);
    if (room !== null) room = ar.sub(room, pay);
    repaid[t] = pay;
  }
  let excess = ar.zero;
  if (wholeBalanceDue && capital.excess !== 'notPaid' && !ar.isZero(state.drawn)) {
    excess = capital.excess === 'toInvestors' && room !== null ? ar.min(left, room) : left;
  }
  let toInvestors = ar.zero;
  for (let t = 0; t < tranches.length; t++) toInvestors = ar.add(toInvestors, repaid[t]);
  if (capital.excess === 'toInvestors') toInvestors = ar.add(toInvestors, excess);
  state.received = ar.add(state.received, toInvestors);
  if (capital.capGrowth !== null) state.capAccount = ar.sub(state.capAccount, toInvestors);
  into.excess = excess;
  return into;
}

/**
 * Settlement in the last contract year: the first-loss cover pays `share` of the investors' loss
 * of principal (drawn − received), at most `maxAmount`; principal protection then tops the
 * receipts up to `share` × drawn.
 */
export function settleGuarantees<T>(
  state: StackState<T>,
  capital: CompiledCapital<T>,
  ar: Arith<T>,
): { firstLoss: T; protection: T } {
  const loss = ar.max(ar.zero, ar.sub(state.drawn, state.received));
  let firstLoss = ar.zero;
  if (capital.firstLoss) {
    firstLoss = ar.mul(capital.firstLoss.share, loss);
    if (capital.firstLoss.maxAmount !== null)
      firstLoss = ar.min(firstLoss, capital.firstLoss.maxAmount);
  }
  let protection = ar.zero;
  if (capital.protection) {
    const floor = ar.mul(capital.protection.share, state.drawn);
    protection = ar.max(ar.zero, ar.sub(floor, ar.add(state.received, firstLoss)));
  }
  return { firstLoss, protection };
}
