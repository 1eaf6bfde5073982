import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from '../contract/types';
import { InvalidInputError } from '../shared/errors';
import { projectFund } from './projection';
import { fundProjectionToJson } from './projection-json';
import {
  productBaselineFromContract,
  resolveFundScenario,
  type FundScenario,
  type ProductBaseline,
} from './scenario';

const ROOT = join(__dirname, '..', '..', '..');
const SCENARIO_FILE = join(ROOT, 'simulations', 'dsi-25m-injection.json');
const SCHEMA_FILE = join(ROOT, 'simulations', 'schema', 'fund-scenario.schema.json');
const IPS_TEMPLATE_FILE = join(ROOT, 'contracts', 'ips-holbaek.json');

const scenario = JSON.parse(readFileSync(SCENARIO_FILE, 'utf8')) as FundScenario;

/** The Holbæk IPS case as DOMAIN.md §1 publishes it: 180 participants for 6.9 mio. kr., 40% / 24 points / 10%. */
const IPS_HOLBAEK_BASELINE: ProductBaseline = {
  participantsPerKrone: { participants: 180, perAmount: '6900000' },
  grossSuccessRate: 0.4,
  deadweightRate: 0.24,
  dropoutRate: 0.1,
};

/** Every leaf value (number, string of digits, boolean, null) under `value`, as JSON pointers. */
function valuePointers(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => valuePointers(item, `${pointer}/${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => valuePointers(item, `${pointer}/${key}`));
  }
  const isQuantity =
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));
  return isQuantity ? [pointer] : [];
}

function valueAt(document: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe('simulations/dsi-25m-injection.json', () => {
  it('is valid against the fund scenario schema', () => {
    // The settings of the project's data loader (src/data/json-file.ts).
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
    expect(validate(scenario) ? [] : validate.errors).toEqual([]);
  });

  it('gives every number a source or an assumption with its reason, and every source points at a value', () => {
    const parts = {
      fund: scenario.fund,
      products: scenario.products,
      uncertainty: scenario.uncertainty,
      simulation: scenario.simulation,
    };
    const unsourced = valuePointers(parts).filter(
      (pointer) => scenario.sources[pointer] === undefined,
    );
    expect(unsourced).toEqual([]);
    const dangling = Object.keys(scenario.sources).filter(
      (pointer) => valueAt(scenario, pointer) === undefined,
    );
    expect(dangling).toEqual([]);
    const incomplete = Object.entries(scenario.sources)
      .filter(
        ([, provenance]) =>
          !(provenance.source || (provenance.assumption === true && provenance.reason)),
      )
      .map(([pointer]) => pointer);
    expect(incomplete).toEqual([]);
  });

  it('flags the repayment multiple 1.10 as an assumption a user can change', () => {
    expect(scenario.products[0].repayment).toMatchObject({
      mode: 'multiple',
      repaymentMultiple: 1.1,
    });
    expect(scenario.sources['/products/0/repayment/repaymentMultiple']).toMatchObject({
      assumption: true,
    });
  });

  it('projects DSI’s inputs on the Holbæk IPS baseline: 16 partnerships, 64 mio. kr. invested, 31.4 mio. kr. fund value in 2029', () => {
    // The arithmetic is in projection.spec.ts ("reaches 16 partnerships ..."): the scenario is those inputs.
    const fund = resolveFundScenario(scenario, {
      baselines: { 'ips-holbaek': IPS_HOLBAEK_BASELINE },
    });
    const json = fundProjectionToJson(projectFund(fund));
    expect(json.byYear.map((year) => year.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(json.partnerships).toBe(16);
    expect(json.totalInvested).toBe('64000000.00');
    expect(json.fundValueAtHorizon).toBe('31400000.00');
    // 16 × 4,000,000 × 180 / 6,900,000 × 0.4 = 667.83 people in employment.
    expect(json.peopleEmployed).toBe('667.83');
  });

  const templateTest = existsSync(IPS_TEMPLATE_FILE) ? it : it.skip;
  templateTest('takes the same baseline from the ips-holbaek contract template', () => {
    const contract = JSON.parse(readFileSync(IPS_TEMPLATE_FILE, 'utf8')) as Contract;
    const baseline = productBaselineFromContract(contract);
    const fromTemplate = projectFund(
      resolveFundScenario(scenario, { baselines: { 'ips-holbaek': baseline } }),
    );
    const fromDomain = projectFund(
      resolveFundScenario(scenario, { baselines: { 'ips-holbaek': IPS_HOLBAEK_BASELINE } }),
    );
    expect(fundProjectionToJson(fromTemplate)).toEqual(fundProjectionToJson(fromDomain));
  });
});

describe('resolveFundScenario', () => {
  it('lays the scenario’s values over the template baseline', () => {
    const changed: FundScenario = {
      ...scenario,
      products: [{ ...scenario.products[0], dropoutRate: 0.2 }],
    };
    const fund = resolveFundScenario(changed, {
      baselines: { 'ips-holbaek': IPS_HOLBAEK_BASELINE },
    });
    expect(fund.products[0]).toMatchObject({
      dropoutRate: 0.2,
      grossSuccessRate: 0.4,
      investmentPerPartnership: '4000000',
    });
  });

  it('takes a repayment profile from the contract projection when the scenario names profile mode only', () => {
    const profiled: FundScenario = {
      ...scenario,
      products: [
        { ...scenario.products[0], repayment: { mode: 'profile' }, maxRepaymentMultiple: null },
      ],
    };
    const fund = resolveFundScenario(profiled, {
      baselines: { 'ips-holbaek': IPS_HOLBAEK_BASELINE },
      repaymentProfiles: { ips: [0, 0.5, 0.6] },
    });
    expect(fund.products[0].repayment).toEqual({
      mode: 'profile',
      repaymentPerKrone: [0, 0.5, 0.6],
    });
  });

  it('names every missing input by its scenario path', () => {
    const profiled: FundScenario = {
      ...scenario,
      products: [{ ...scenario.products[0], repayment: { mode: 'profile' } }],
    };
    let caught: unknown;
    try {
      resolveFundScenario(profiled, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).violations.map((v) => v.path)).toEqual([
      '/products/0/contractTemplate',
      '/products/0/participantsPerKrone',
      '/products/0/grossSuccessRate',
      '/products/0/deadweightRate',
      '/products/0/dropoutRate',
      '/products/0/repayment',
    ]);
  });
});
