import { normaliseNumberText, toInputText } from './format.js';
import type { LabelKey } from './i18n.js';
import type { Violation } from './api.js';

/**
 * The contracts at the table and the numbers people edit. Each field mirrors the API's rule
 * for it (the class-validator decorators of the contract DTOs), with the API's own message, so
 * an invalid entry is stopped on the page with the words the API would use, and nothing is sent.
 */

// The contract JSON as the API gives it; the page only reads and writes the fields below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ContractDoc = Record<string, any>;

export interface ModelSource {
  kind: 'template' | 'stored';
  id: string;
  revision?: number;
}

/** Everything typed, as text: the state a shared link restores exactly. */
export interface InterventionEdits {
  participants: string;
  costTotal: string;
  grossSuccessRate: string;
  successSpread: string;
  deadweightRate: string;
  dropoutRate: string;
}

export interface PaymentEdits {
  price: string;
  totalCap: string;
  gainSharing: 'som' | 'fixed';
  statShare: string;
  interestRate: string;
  overYears: string;
  startAfterYears: string;
}

export interface ModelState {
  source: ModelSource;
  payment: PaymentEdits;
}

export interface TableState {
  models: ModelState[];
  intervention: InterventionEdits;
  trials: string;
  seed: string;
}

/** At most four payment models side by side (the issue: two to four). */
export const MAX_MODELS = 4;
export const MIN_MODELS = 2;
/** Trials per model by default: a few seconds in the browser, bands stable to about 1%. */
export const DEFAULT_TRIALS = '2000';
export const DEFAULT_SEED = 'dsi';
/** Sensitivity sweeps (tornado) at ±20%, issue 5's default. */
export const SENSITIVITY_VARIATION = 0.2;
/** The API's limits on trials (CreateSimulationDto). */
export const MIN_TRIALS = 1;
export const MAX_TRIALS = 2_000_000;

type Rule = 'count' | 'money' | 'rate' | 'integer' | 'spread' | 'seed';

export interface FieldSpec<K extends string> {
  key: K;
  label: LabelKey;
  /** The field's path in a `POST /contracts` body built from a template (the API's violation path). */
  path: string;
  rule: Rule;
  /** integer: the smallest allowed value. */
  min?: number;
  max?: number;
}

export const INTERVENTION_FIELDS: FieldSpec<keyof InterventionEdits>[] = [
  { key: 'participants', label: 'participants', path: 'intervention.participants', rule: 'count' },
  { key: 'costTotal', label: 'costTotal', path: 'intervention.cost.total', rule: 'money' },
  {
    key: 'grossSuccessRate',
    label: 'grossSuccessRate',
    path: 'intervention.grossSuccessRate',
    rule: 'rate',
  },
  {
    key: 'successSpread',
    label: 'successSpread',
    path: 'uncertainty.grossSuccessRate',
    rule: 'spread',
  },
  {
    key: 'deadweightRate',
    label: 'deadweightRate',
    path: 'intervention.deadweightRate',
    rule: 'rate',
  },
  { key: 'dropoutRate', label: 'dropoutRate', path: 'intervention.dropoutRate', rule: 'rate' },
];

type PaymentTextKey = Exclude<keyof PaymentEdits, 'gainSharing'>;

export const PAYMENT_FIELDS: FieldSpec<PaymentTextKey>[] = [
  { key: 'price', label: 'price', path: 'paymentModel.components.{priced}.price', rule: 'money' },
  { key: 'totalCap', label: 'totalCap', path: 'paymentModel.caps.total', rule: 'money' },
  { key: 'statShare', label: 'statShare', path: 'gainSharing.shares.stat', rule: 'rate' },
  {
    key: 'interestRate',
    label: 'interestRate',
    path: 'capital.tranches.0.interestRate',
    rule: 'rate',
  },
  {
    key: 'overYears',
    label: 'overYears',
    path: 'capital.repayment.overYears',
    rule: 'integer',
    min: 1,
  },
  {
    key: 'startAfterYears',
    label: 'startAfterYears',
    path: 'capital.repayment.startAfterYears',
    rule: 'integer',
    min: 0,
  },
];

const MONEY_PATTERN = /^\d{1,15}(\.\d{1,2})?$/;

/** The property name class-validator puts in its messages: the path's last segment. */
function propertyOf(path: string): string {
  return path.split('.').pop() ?? path;
}

/** class-validator's default messages for the decorators behind each rule. */
const messages = {
  isNumber: (p: string) => `${p} must be a number conforming to the specified constraints`,
  isInt: (p: string) => `${p} must be an integer number`,
  min: (p: string, min: number) => `${p} must not be less than ${min}`,
  max: (p: string, max: number) => `${p} must not be greater than ${max}`,
  money: (p: string) =>
    `${p} must be a non-negative amount in kroner as a string with at most 2 decimals`,
};

export function parseNumber(text: string): number {
  const normalised = normaliseNumberText(text);
  return normalised === '' ? NaN : Number(normalised);
}

export function parseMoney(text: string): string {
  return normaliseNumberText(text);
}

/**
 * The messages the API gives for this value at this field, in the API's words (IsNonNegativeNumber,
 * IsRate, IsMoney, IsInt + Min of src/common/validation.ts and the contract DTOs). Empty: valid.
 */
export function checkField(
  spec: FieldSpec<string>,
  text: string,
  context: { rate?: number } = {},
): string[] {
  const p = propertyOf(spec.path);
  const value = parseNumber(text);
  switch (spec.rule) {
    case 'count':
      if (Number.isNaN(value)) return [messages.isNumber(p), messages.min(p, 0)];
      return value < 0 ? [messages.min(p, 0)] : [];
    case 'rate':
      if (Number.isNaN(value))
        return [messages.isNumber(p), messages.min(p, 0), messages.max(p, 1)];
      if (value < 0) return [messages.min(p, 0)];
      return value > 1 ? [messages.max(p, 1)] : [];
    case 'money':
      return MONEY_PATTERN.test(parseMoney(text)) ? [] : [messages.money(p)];
    case 'integer': {
      const min = spec.min ?? 0;
      const result: string[] = [];
      if (!Number.isInteger(value)) result.push(messages.isInt(p));
      if (!(value >= min)) result.push(messages.min(p, min));
      if (spec.max !== undefined && !(value <= spec.max)) result.push(messages.max(p, spec.max));
      return result;
    }
    case 'spread': {
      // The simulation engine's rule for a rate's 90% interval (simulation/beta-fit.ts).
      const rate = context.rate ?? NaN;
      // Without a valid rate the rate's own message says what is wrong.
      if (text.trim() === '' || value === 0 || !(rate >= 0 && rate <= 1)) return [];
      const lower = rate - value;
      const upper = rate + value;
      return value > 0 && lower >= 0 && upper <= 1
        ? []
        : [
            `interval90 must satisfy 0 ≤ lower < mean < upper ≤ 1, got lower=${round(lower)}, mean=${rate}, upper=${round(upper)}`,
          ];
    }
    case 'seed':
      return text.trim() === '' ? ['seed must be a string'] : [];
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export const TRIALS_FIELD: FieldSpec<'trials'> = {
  key: 'trials',
  label: 'trials',
  path: 'trials',
  rule: 'integer',
  min: MIN_TRIALS,
  max: MAX_TRIALS,
};
export const SEED_FIELD: FieldSpec<'seed'> = {
  key: 'seed',
  label: 'seed',
  path: 'seed',
  rule: 'seed',
};

function isPriced(component: ContractDoc): boolean {
  return component.kind === 'rateCard' || component.kind === 'baselineAdjusted';
}

/** Index of the first priced component (rate card or baseline-adjusted), or −1. */
export function pricedIndex(doc: ContractDoc): number {
  return ((doc.paymentModel?.components ?? []) as ContractDoc[]).findIndex(isPriced);
}

/** Whether a payment field means anything for this contract. */
export function applies(doc: ContractDoc, key: PaymentTextKey | 'gainSharing'): boolean {
  switch (key) {
    case 'price':
      return pricedIndex(doc) >= 0;
    case 'totalCap':
    case 'gainSharing':
    case 'statShare':
      return doc.paymentModel !== undefined;
    default:
      return doc.capital !== undefined;
  }
}

/** The API path of a payment field in this contract. */
export function fieldPath(spec: FieldSpec<string>, doc: ContractDoc): string {
  return spec.path.replace('{priced}', String(Math.max(0, pricedIndex(doc))));
}

function interventionCost(doc: ContractDoc): number {
  const cost = doc.intervention.cost;
  if (cost.total !== undefined) return Number(cost.total);
  return Number(cost.perParticipant) * Number(doc.intervention.participants);
}

/** The edit fields filled from a contract, as a person would type them. */
export function interventionEditsOf(doc: ContractDoc): InterventionEdits {
  const iv = doc.intervention;
  return {
    participants: toInputText(iv.participants),
    costTotal: toInputText(String(Math.round(interventionCost(doc) * 100) / 100)),
    grossSuccessRate: toInputText(iv.grossSuccessRate),
    successSpread: '0,08',
    deadweightRate: toInputText(iv.deadweightRate),
    dropoutRate: toInputText(iv.dropoutRate),
  };
}

export function paymentEditsOf(doc: ContractDoc): PaymentEdits {
  const priced = pricedIndex(doc);
  const sharing = doc.gainSharing;
  return {
    price: priced >= 0 ? toInputText(doc.paymentModel.components[priced].price) : '',
    totalCap:
      doc.paymentModel?.caps?.total !== undefined ? toInputText(doc.paymentModel.caps.total) : '',
    gainSharing: sharing?.basis === 'fixed' ? 'fixed' : 'som',
    statShare: toInputText(sharing?.basis === 'fixed' ? (sharing.shares.stat ?? 0) : 0.2),
    interestRate: doc.capital ? toInputText(doc.capital.tranches[0].interestRate) : '',
    overYears: doc.capital ? toInputText(doc.capital.repayment?.overYears ?? 5) : '',
    startAfterYears: doc.capital ? toInputText(doc.capital.repayment?.startAfterYears ?? 1) : '',
  };
}

/** Every violation of the typed values, with the API's path and message; empty: all valid. */
export function validateTable(state: TableState, docs: ContractDoc[]): Violation[] {
  const violations: Violation[] = [];
  const rate = parseNumber(state.intervention.grossSuccessRate);
  for (const spec of INTERVENTION_FIELDS) {
    for (const message of checkField(spec, state.intervention[spec.key], { rate })) {
      violations.push({ path: spec.path, message });
    }
  }
  state.models.forEach((model, m) => {
    for (const spec of PAYMENT_FIELDS) {
      if (!applies(docs[m], spec.key)) continue;
      if (spec.key === 'statShare' && model.payment.gainSharing !== 'fixed') continue;
      if (spec.key === 'totalCap' && model.payment.totalCap.trim() === '') continue; // no cap
      for (const message of checkField(spec, model.payment[spec.key])) {
        violations.push({ path: `models.${m}.${fieldPath(spec, docs[m])}`, message });
      }
    }
  });
  for (const spec of [TRIALS_FIELD, SEED_FIELD]) {
    for (const message of checkField(spec, state[spec.key]))
      violations.push({ path: spec.path, message });
  }
  return violations;
}

/** The contract with the table's edits applied (call only when `validateTable` found nothing). */
export function editedContract(
  doc: ContractDoc,
  intervention: InterventionEdits,
  payment: PaymentEdits,
): ContractDoc {
  const next: ContractDoc = structuredClone(doc);
  const iv = next.intervention;
  iv.participants = parseNumber(intervention.participants);
  iv.cost = { ...iv.cost, total: parseMoney(intervention.costTotal) };
  delete iv.cost.perParticipant;
  iv.grossSuccessRate = parseNumber(intervention.grossSuccessRate);
  iv.deadweightRate = parseNumber(intervention.deadweightRate);
  iv.dropoutRate = parseNumber(intervention.dropoutRate);
  const priced = pricedIndex(next);
  if (priced >= 0) {
    // As the solver's pricePerOutcome lever: the first price is set, the others keep their proportion.
    const components = next.paymentModel.components as ContractDoc[];
    const old = Number(components[priced].price);
    const price = parseMoney(payment.price);
    components.forEach((component, i) => {
      if (i === priced) component.price = price;
      else if (isPriced(component) && old > 0) {
        component.price = ((Number(component.price) * Number(price)) / old).toFixed(2);
      }
    });
  }
  if (next.paymentModel) {
    const caps = { ...(next.paymentModel.caps ?? {}) };
    if (payment.totalCap.trim() === '') delete caps.total;
    else caps.total = parseMoney(payment.totalCap);
    next.paymentModel.caps = caps;
    if (payment.gainSharing === 'fixed') {
      const stat = parseNumber(payment.statShare);
      const region =
        next.gainSharing?.basis === 'fixed' ? (next.gainSharing.shares.region ?? 0) : 0;
      const kommune = Math.round((1 - region - stat) * 1e6) / 1e6;
      next.gainSharing = { basis: 'fixed', shares: { kommune, region, stat } };
      if (stat > 0 && !(next.parties as ContractDoc[]).some((party) => party.level === 'stat')) {
        next.parties = [
          ...next.parties,
          {
            id: 'stat-outcome-funder',
            name: 'Staten (co-paying outcomes)',
            role: 'outcomeFunder',
            level: 'stat',
          },
        ];
      }
    } else {
      next.gainSharing = { basis: 'somGains' };
    }
  }
  if (next.capital) {
    const rate = parseNumber(payment.interestRate);
    next.capital.tranches = (next.capital.tranches as ContractDoc[]).map((tranche) => ({
      ...tranche,
      interestRate: rate,
    }));
    next.capital.repayment = {
      mode: 'scheduled',
      ...next.capital.repayment,
      overYears: parseNumber(payment.overYears),
      startAfterYears: parseNumber(payment.startAfterYears),
    };
  }
  return next;
}

/**
 * The overrides that turn `base` into `next` for the API's deep merge: objects merge key by key,
 * arrays and values replace, null removes a key.
 */
export function overridesBetween(base: ContractDoc, next: ContractDoc): ContractDoc {
  const result: ContractDoc = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    const a = base[key];
    const b = next[key];
    if (!(key in next)) result[key] = null;
    else if (JSON.stringify(a) === JSON.stringify(b)) continue;
    else if (isPlainObject(a) && isPlainObject(b)) result[key] = overridesBetween(a, b);
    else result[key] = b;
  }
  return result;
}

function isPlainObject(value: unknown): value is ContractDoc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The scenario (as in simulations/*.json) that the simulations and the solver run for a model. */
export function scenarioFor(
  source: ModelSource,
  base: ContractDoc,
  edited: ContractDoc,
  intervention: InterventionEdits,
  withSensitivity: boolean,
): ContractDoc {
  const scenario: ContractDoc =
    source.kind === 'template'
      ? { name: base.name, contract: source.id, overrides: overridesBetween(base, edited) }
      : { name: base.name, contract: edited };
  const spread = parseNumber(intervention.successSpread);
  const rate = edited.intervention.grossSuccessRate;
  if (spread > 0) {
    scenario.uncertainty = {
      grossSuccessRate: { interval90: [round(rate - spread), round(rate + spread)] },
    };
  }
  if (withSensitivity) {
    scenario.sensitivity = { variation: SENSITIVITY_VARIATION };
  }
  return scenario;
}
