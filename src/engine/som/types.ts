import type { PublicActor, WelfareArea } from '../shared/actors';
import type Decimal from 'decimal.js';

/**
 * The knowledge base (vidensdatabase) as plain data, the shape of the JSON files under
 * `knowledge/`. Every number carries its provenance, like OpenFisca's parameter files.
 */
export interface SourcedNumber {
  value: number;
  /** Where the number comes from: a seed document (file name + section) or a public table (name, year, URL/page). */
  source?: string;
  /** True when the number is our own assumption; `reason` then says why it is reasonable. */
  assumption?: boolean;
  /** True when the number was fitted so that the engine reproduces a published figure; `source` names that figure. */
  calibrated?: boolean;
  reason?: string;
}

export interface LocalizedText {
  da: string;
  en: string;
}

/** knowledge/parameters.json: the calculation frame's "other knowledge". */
export interface KnowledgeParameters {
  version: string;
  /** Price index (e.g. Danmarks Statistik's net price index), used to move prices between years. */
  priceIndex: { year: number; index: SourcedNumber }[];
  /** Piecewise discount rate by years from the base year: [fromYear, toYear] inclusive, toYear null = open. */
  discountRate: { fromYear: number; toYear: number | null; rate: SourcedNumber }[];
  /** Average tax rate on transfers (gennemsnitlig skatteprocent for overførsler). */
  transferTaxRate: SourcedNumber;
  /** The year after success in which SØM's mechanical taper reaches 0 (year 20). */
  taperEndYear: SourcedNumber;
}

/** A consequence item with its unit prices for this target group (SØM uses target-group averages). */
export interface ConsequenceItem {
  id: string;
  name: LocalizedText;
  area: WelfareArea;
  /** The unit the consequence is counted in: 'week', 'day', 'contact', 'conviction', 'kr', ... */
  unit: string;
  priceYear: number;
  /**
   * Public budget cost per unit for each actor after refunds (efter refusion, før udligning).
   * Positive = spending; negative = revenue (e.g. income tax per kr. of wage).
   * The gain of a consequence is −(effect × price).
   */
  prices: Record<PublicActor, SourcedNumber>;
}

/** The group rows SØM estimates a consequence from (success group, others, adjustment for controls). */
export interface GroupRows {
  successGroup: number[];
  others: number[];
  /** Adjustment for background controls per year; null where the estimate is not significant ("–"). */
  adjustment: (number | null)[];
  source: string;
}

export interface Consequence {
  item: string;
  /**
   * Effect per person per year after success, years 1..n (n ≤ 9), in the item's unit; after the
   * last given year SØM tapers the effect linearly to 0 in year `taperEndYear`.
   * Either given directly, or derived by the engine from `groupRows`.
   */
  effects?: SourcedNumber[];
  groupRows?: GroupRows;
}

/** A published potential the engine must reproduce (a calibration target). */
export interface PublishedPotential {
  horizonYears: number;
  priceYear: number;
  npvTotal: SourcedNumber;
  /** The published NPV with some areas left out (e.g. education and employment measures). */
  excluding?: { areas: WelfareArea[]; npvTotal: SourcedNumber };
}

export interface SuccessMeasure {
  /** Globally unique id, e.g. 'vulnerable-no-acute-psychiatric-contact'. */
  id: string;
  name: LocalizedText;
  description: string;
  source: string;
  consequences: Consequence[];
  published?: PublishedPotential;
}

/** knowledge/target-groups/<id>.json */
export interface TargetGroup {
  id: string;
  name: LocalizedText;
  description: string;
  source: string;
  items: ConsequenceItem[];
  successMeasures: SuccessMeasure[];
}

export interface KnowledgeBase {
  parameters: KnowledgeParameters;
  targetGroups: TargetGroup[];
}

/**
 * What one success is worth to each public actor in each year after it, in one price year:
 * `offsets[t - 1]` is year t after the success year (t = 1..years). Gains are positive when the
 * actor saves or earns. Produced once per contract by the SØM engine's `gainProfile`, consumed by
 * the contract projection (Decimal) and the Monte Carlo (converted to floats once).
 */
export interface GainProfile {
  measureId: string;
  priceYear: number;
  years: number;
  offsets: {
    byActor: Record<PublicActor, Decimal>;
    byArea: Record<WelfareArea, Record<PublicActor, Decimal>>;
  }[];
}
