import type { Contract } from '../contract/types';
import { InvalidInputError } from '../shared/errors';
import {
  NEGOTIATING_ACTORS,
  type AgreementConditions,
  type CandidateMetrics,
  type Condition,
  type ConditionCheck,
  type ConditionKind,
  type ConditionUnit,
  type NegotiatingActor,
} from './types';

/**
 * A money condition holds within half an øre: Monte Carlo means are float sums, so an exact
 * break-even (a provider paid its budget to the krone) may come out as −1e-9.
 */
export const MONEY_TOLERANCE = 0.005;

const MONEY_PATTERN = /^-?\d{1,15}(\.\d{1,2})?$/;

const UNITS: Record<ConditionKind, ConditionUnit> = {
  minExpectedIrr: 'rate',
  maxLossProbability: 'probability',
  maxNetNegativeProbability: 'probability',
  breakEvenByYear: 'kroner',
  minExpectedNet: 'kroner',
  revenueCoversBudget: 'kroner',
};

/** Which parties may state which conditions. */
const ALLOWED: Record<ConditionKind, readonly NegotiatingActor[]> = {
  minExpectedIrr: ['investor'],
  maxLossProbability: ['investor'],
  // The investors' loss is maxLossProbability; the provider's is revenueCoversBudget.
  maxNetNegativeProbability: ['kommune', 'region', 'stat'],
  breakEvenByYear: NEGOTIATING_ACTORS,
  minExpectedNet: NEGOTIATING_ACTORS,
  revenueCoversBudget: ['provider'],
};

/**
 * The conditions as a flat list, checked against the contract: known parties and kinds, each
 * limit of the right type and range, investor conditions only with investors, break-even years
 * within the contract's calendar years. Throws InvalidInputError listing every problem, with
 * paths under `path` ("conditions.investor.minExpectedIrr").
 */
export function flattenConditions(
  conditions: AgreementConditions,
  contract: Contract,
  path = 'conditions',
): Condition[] {
  const violations: { path: string; message: string }[] = [];
  const list: Condition[] = [];
  const endYear = contract.startYear + contract.horizonYears - 1;
  for (const [party, stated] of Object.entries(conditions ?? {})) {
    if (!(NEGOTIATING_ACTORS as readonly string[]).includes(party)) {
      violations.push({
        path: `${path}.${party}`,
        message: `unknown party; expected one of ${NEGOTIATING_ACTORS.join(', ')}`,
      });
      continue;
    }
    for (const [kind, limit] of Object.entries(stated ?? {})) {
      const at = `${path}.${party}.${kind}`;
      const fail = (message: string) => violations.push({ path: at, message });
      if (!(kind in ALLOWED)) {
        fail(`unknown condition; expected one of ${Object.keys(ALLOWED).join(', ')}`);
        continue;
      }
      const conditionKind = kind as ConditionKind;
      if (!ALLOWED[conditionKind].includes(party as NegotiatingActor)) {
        fail(`only ${ALLOWED[conditionKind].join(', ')} can state ${kind}`);
        continue;
      }
      if (party === 'investor' && !contract.capital) {
        fail('the contract has no investors');
        continue;
      }
      if (limit === undefined) continue;
      if (conditionKind === 'revenueCoversBudget') {
        if (limit !== true)
          fail(`must be true (leave it out for no condition), got ${JSON.stringify(limit)}`);
      } else if (conditionKind === 'minExpectedNet') {
        if (typeof limit !== 'string' || !MONEY_PATTERN.test(limit))
          fail(
            `must be an amount in kroner as a string with at most 2 decimals, got ${JSON.stringify(limit)}`,
          );
      } else if (conditionKind === 'breakEvenByYear') {
        if (
          !Number.isInteger(limit) ||
          (limit as number) < contract.startYear ||
          (limit as number) > endYear
        )
          fail(
            `must be a calendar year from ${contract.startYear} to ${endYear}, got ${JSON.stringify(limit)}`,
          );
      } else if (conditionKind === 'minExpectedIrr') {
        if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < -1 || limit > 1)
          fail(`must be a yearly rate between -1 and 1, got ${JSON.stringify(limit)}`);
      } else if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0 || limit > 1) {
        fail(`must be a probability between 0 and 1, got ${JSON.stringify(limit)}`);
      }
      list.push({
        id: `${party}.${kind}`,
        party: party as NegotiatingActor,
        kind: conditionKind,
        limit: limit as number | string | boolean,
        unit: UNITS[conditionKind],
      });
    }
  }
  if (violations.length === 0 && list.length === 0) {
    violations.push({ path, message: 'state at least one condition for at least one party' });
  }
  if (violations.length > 0) throw new InvalidInputError(violations);
  return list;
}

/** The value a condition measures at a candidate, and its slack (≥ 0 holds) in the same unit. */
function measure(
  condition: Condition,
  metrics: CandidateMetrics,
): { value: number | null; margin: number } {
  const actor = metrics.actors[condition.party];
  switch (condition.kind) {
    case 'minExpectedIrr': {
      const irr = metrics.investor?.expectedIrr ?? null;
      // No IRR at all (no trial repays anything) is as far below any hurdle as an IRR can be.
      return { value: irr, margin: (irr ?? -1) - (condition.limit as number) };
    }
    case 'maxLossProbability': {
      const p = metrics.investor?.lossProbability ?? 1;
      return { value: p, margin: (condition.limit as number) - p };
    }
    case 'maxNetNegativeProbability': {
      const p = actor.netNegativeProbability ?? 1;
      return { value: p, margin: (condition.limit as number) - p };
    }
    case 'breakEvenByYear': {
      const from = (condition.limit as number) - metrics.startYear;
      const lowest = Math.min(...actor.medianCumulativeNet.slice(from));
      return { value: lowest, margin: lowest };
    }
    case 'minExpectedNet':
      return { value: actor.expectedNet, margin: actor.expectedNet - Number(condition.limit) };
    case 'revenueCoversBudget':
      return { value: actor.expectedNet, margin: actor.expectedNet };
  }
}

/** Every condition judged at one candidate. */
export function checkConditions(
  conditions: readonly Condition[],
  metrics: CandidateMetrics,
): ConditionCheck[] {
  return conditions.map((condition) => {
    const { value, margin } = measure(condition, metrics);
    const tolerance = condition.unit === 'kroner' ? MONEY_TOLERANCE : 0;
    return { id: condition.id, value, holds: margin >= -tolerance, margin };
  });
}
