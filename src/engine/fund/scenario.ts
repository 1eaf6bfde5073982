import type { Contract, MoneyString, Provenance, Rate } from '../contract/types';
import { InvalidInputError } from '../shared/errors';
import type { GainProfile } from '../som/types';
import type { FundInput, FundProduct, FundRepayment, FundUncertainty } from './types';

/**
 * A fund scenario (simulations/<id>.json, schema simulations/schema/fund-scenario.schema.json):
 * an overlay. Each product names a contract template; the template supplies the intervention's
 * numbers (participants per krone, success, deadweight and dropout rates) and the scenario lists
 * only what it sets or changes, each with its provenance in `sources`.
 */
export interface FundScenarioProduct
  extends Partial<Omit<FundProduct, 'id' | 'mixWeight' | 'gainProfile' | 'repayment'>> {
  id: string;
  mixWeight: number;
  /**
   * Profile mode may leave out `repaymentPerKrone`: it then comes from the contract engine's
   * investor cash flows, passed to `resolveFundScenario` in `repaymentProfiles`.
   */
  repayment: FundRepayment | { mode: 'profile' };
}

export interface FundScenario {
  $schema?: string;
  id: string;
  name: string;
  description?: string;
  fund: Omit<FundInput, 'products' | 'uncertainty'>;
  products: FundScenarioProduct[];
  uncertainty?: FundUncertainty;
  /** Run settings for the Monte Carlo. */
  simulation?: { trials?: number; seed?: number | string };
  /** JSON pointer into this file → provenance of that value. */
  sources: Record<string, Provenance>;
}

/** The numbers a product takes from its contract template unless the scenario overrides them. */
export interface ProductBaseline {
  participantsPerKrone: { participants: number; perAmount: MoneyString };
  grossSuccessRate: Rate;
  deadweightRate: Rate;
  dropoutRate: Rate;
}

/** The baseline of a product built on `contract`: its participants for its cost, and its rates. */
export function productBaselineFromContract(contract: Contract): ProductBaseline {
  const { intervention } = contract;
  const cost = intervention.cost;
  const participantsPerKrone =
    cost.total !== undefined
      ? { participants: intervention.participants, perAmount: cost.total }
      : { participants: 1, perAmount: cost.perParticipant as MoneyString };
  return {
    participantsPerKrone,
    grossSuccessRate: intervention.grossSuccessRate,
    deadweightRate: intervention.deadweightRate,
    dropoutRate: intervention.dropoutRate,
  };
}

export interface FundScenarioInputs {
  /** Baselines by contract template id (see `productBaselineFromContract`). */
  baselines?: Record<string, ProductBaseline>;
  /** SØM gain profile per additional success, by product id. */
  gainProfiles?: Record<string, GainProfile>;
  /** Expected repayment per krone by year offset 1..N, by product id (profile mode). */
  repaymentProfiles?: Record<string, number[]>;
}

const BASELINE_FIELDS = [
  'participantsPerKrone',
  'grossSuccessRate',
  'deadweightRate',
  'dropoutRate',
] as const;

/**
 * The fund a scenario describes: each product's template baseline with the scenario's values
 * laid over it, plus the gain and repayment profiles computed by the other engines. Throws
 * InvalidInputError naming the scenario path of every value that is missing.
 */
export function resolveFundScenario(
  scenario: FundScenario,
  inputs: FundScenarioInputs = {},
): FundInput {
  const violations: { path: string; message: string }[] = [];
  const products = scenario.products.map((product, index): FundProduct => {
    const path = `/products/${index}`;
    const { repayment: givenRepayment, contractTemplate, ...overrides } = product;
    let baseline: Partial<ProductBaseline> = {};
    if (contractTemplate !== undefined) {
      const found = inputs.baselines?.[contractTemplate];
      if (found === undefined) {
        violations.push({
          path: `${path}/contractTemplate`,
          message: `no baseline given for template '${contractTemplate}'`,
        });
      } else {
        baseline = found;
      }
    }
    const merged = { ...baseline, ...overrides };
    for (const field of BASELINE_FIELDS) {
      if (merged[field] === undefined) {
        violations.push({
          path: `${path}/${field}`,
          message: 'missing: set it here or name a contractTemplate that has it',
        });
      }
    }
    if (merged.employmentShare === undefined) {
      violations.push({ path: `${path}/employmentShare`, message: 'missing' });
    }
    let repayment = givenRepayment as FundRepayment;
    if (givenRepayment.mode === 'profile' && !('repaymentPerKrone' in givenRepayment)) {
      const profile = inputs.repaymentProfiles?.[product.id];
      if (profile === undefined) {
        violations.push({
          path: `${path}/repayment`,
          message: `profile mode needs repaymentPerKrone, here or from the contract projection for product '${product.id}'`,
        });
      }
      repayment = { mode: 'profile', repaymentPerKrone: profile ?? [] };
    }
    const gainProfile = inputs.gainProfiles?.[product.id];
    return {
      ...(merged as FundProduct),
      ...(contractTemplate === undefined ? {} : { contractTemplate }),
      repayment,
      ...(gainProfile === undefined ? {} : { gainProfile }),
    };
  });
  if (violations.length > 0) throw new InvalidInputError(violations);
  return {
    ...scenario.fund,
    products,
    ...(scenario.uncertainty === undefined ? {} : { uncertainty: scenario.uncertainty }),
  };
}
