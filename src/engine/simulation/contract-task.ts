import Decimal from 'decimal.js';
import { compileContract, type Contract, type CountMetric } from '../contract';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { floatArith } from '../shared/arith';
import { Money } from '../shared/decimal';
import type { GainProfile } from '../som/types';
import { registerBlockTask, type BlockColumns, type OutputColumn } from './block-task';
import { ContractOutcomeSampler, type OutcomeSamplerOptions } from './contract-outcome-sampler';
import {
  ACTOR_COUNT,
  BREAK_EVEN_NOT_APPLICABLE,
  createTrialResult,
  MONTE_CARLO_ACTORS,
  TrialEvaluator,
  type TrialResult,
} from './contract-trial';
import { blockStream, TRIALS_PER_BLOCK } from './rng';

const BYTES_PER_SLOT = 8;
const BYTE_VALUES = 256;
/**
 * A trial's break-even codes, packed into one 32-bit word: 5 bits per actor (MONTE_CARLO_ACTORS
 * order, the first in the lowest bits) hold a contract year 0 … 30; BREAK_EVEN_NOT_APPLICABLE
 * is stored as 31. Six bytes would round a million-trial column of nine float32 scalars up from
 * 40 to 48 MB; the word keeps it at 40.
 */
const BREAK_EVEN_BITS = 5;
const PACKED_NOT_APPLICABLE = (1 << BREAK_EVEN_BITS) - 1;
const BYTES_PER_PACKED_CODES = 4;

/**
 * The block task "contractTrials": a contract's Monte Carlo, one trial per possible history of
 * its participants (outcomes drawn by `ContractOutcomeSampler`, cash flows by `TrialEvaluator`).
 *
 * Output columns (the runner's Float64 columns; each block owns trialCount × width slots):
 * - "trials": the requested per-trial scalars (nets at the horizon, payments, IRR, …), then,
 *   if requested, the break-even contract year of each actor (0 = never, 255 = not
 *   applicable), packed into one 32-bit word per trial (see BREAK_EVEN_BITS);
 * - "cumulativeNet": per actor and year (series actor × years + year), for the fan charts, of
 *   the run's first `cumulativeNetTrials` trials only.
 * Within its block's slots a column is stored series by series ([series × trialCount + trial]),
 * not trial by trial, so the summaries read each series as contiguous runs (several times
 * faster than strided reads across a 30 MB column); the readers below undo the layout.
 * With precision 32 the values are float32, two per 8-byte slot, so that a million trials fit
 * the memory budget (each float64 value per trial is 8 MB per million trials). float32 keeps
 * 7 significant digits: about 1 krone at 10 mio. kr., far below the Monte Carlo's standard
 * error. Same-typed TypedArray copies preserve bit patterns (ECMAScript
 * TypedArray.prototype.set), so the readers' copies keep the packed break-even words intact.
 */

export const SCALAR_OUTPUTS = [
  'netKommune',
  'netRegion',
  'netStat',
  'netPublic',
  'netInvestor',
  'netProvider',
  'outcomePayments',
  'investorMultiple',
  'investorIrr',
  'additionalSuccesses',
  'somGainsKommune',
  'somGainsRegion',
  'somGainsStat',
  'somGainsPublic',
] as const;
export type ScalarOutput = (typeof SCALAR_OUTPUTS)[number];

export interface ContractTaskOutputs {
  scalars: readonly ScalarOutput[];
  breakEven: boolean;
  /**
   * Record the cumulative net (fan charts) of the run's first this many trials: 0 for none, at
   * least the run's trials for all, else a multiple of TRIALS_PER_BLOCK.
   */
  cumulativeNetTrials: number;
  precision: 32 | 64;
}

/** A GainProfile with its Decimals as strings: plain data that worker threads can receive. */
export interface PlainGainProfile {
  measureId: string;
  priceYear: number;
  years: number;
  offsets: {
    byActor: Record<PublicActor, string>;
    byArea: Record<WelfareArea, Record<PublicActor, string>>;
  }[];
}

export interface ContractTaskParams {
  /** The contract as written: its terms (prices, comparison rates, caps) are compiled from it. */
  contract: Contract;
  gains: PlainGainProfile;
  sampler: OutcomeSamplerOptions;
  outputs: ContractTaskOutputs;
}

const byActorStrings = (values: Record<PublicActor, Decimal>) =>
  Object.fromEntries(PUBLIC_ACTORS.map((actor) => [actor, values[actor].toString()])) as Record<
    PublicActor,
    string
  >;
const byActorDecimals = (values: Record<PublicActor, string>) =>
  Object.fromEntries(PUBLIC_ACTORS.map((actor) => [actor, new Money(values[actor])])) as Record<
    PublicActor,
    Decimal
  >;

export function plainGainProfile(gains: GainProfile): PlainGainProfile {
  return {
    measureId: gains.measureId,
    priceYear: gains.priceYear,
    years: gains.years,
    offsets: gains.offsets.map((offset) => ({
      byActor: byActorStrings(offset.byActor),
      byArea: Object.fromEntries(
        WELFARE_AREAS.map((area) => [area, byActorStrings(offset.byArea[area])]),
      ) as Record<WelfareArea, Record<PublicActor, string>>,
    })),
  };
}

function gainProfileFromPlain(plain: PlainGainProfile): GainProfile {
  return {
    measureId: plain.measureId,
    priceYear: plain.priceYear,
    years: plain.years,
    offsets: plain.offsets.map((offset) => ({
      byActor: byActorDecimals(offset.byActor),
      byArea: Object.fromEntries(
        WELFARE_AREAS.map((area) => [area, byActorDecimals(offset.byArea[area])]),
      ) as Record<WelfareArea, Record<PublicActor, Decimal>>,
    })),
  };
}

const bytesPerValue = (precision: 32 | 64) => (precision === 32 ? 4 : 8);

/** Float64 slots per trial of each column. */
export function contractTaskLayout(outputs: ContractTaskOutputs, years: number): OutputColumn[] {
  const valueBytes = bytesPerValue(outputs.precision);
  const layout: OutputColumn[] = [];
  if (outputs.breakEven && years >= PACKED_NOT_APPLICABLE) {
    throw new RangeError(
      `break-even years of a ${years}-year contract do not fit the packed codes`,
    );
  }
  const trialBytes =
    outputs.scalars.length * valueBytes + (outputs.breakEven ? BYTES_PER_PACKED_CODES : 0);
  if (trialBytes > 0)
    layout.push({ name: 'trials', width: Math.ceil(trialBytes / BYTES_PER_SLOT) });
  const netTrials = outputs.cumulativeNetTrials;
  if (netTrials > 0) {
    layout.push({
      name: 'cumulativeNet',
      width: Math.ceil((ACTOR_COUNT * years * valueBytes) / BYTES_PER_SLOT),
      trialLimit: netTrials,
    });
  }
  return layout;
}

interface ContractBlockContext {
  params: ContractTaskParams;
  years: number;
  sampler: ContractOutcomeSampler;
  evaluator: TrialEvaluator;
  trial: TrialResult;
  layout: OutputColumn[];
  /** Index into SCALAR_OUTPUTS of each requested scalar. */
  scalarIndexes: Int32Array;
  /** Every scalar of the current trial, in SCALAR_OUTPUTS order. */
  scalarValues: Float64Array;
}

/** All SCALAR_OUTPUTS of a trial, in that order. */
function fillScalars(trial: TrialResult, years: number, into: Float64Array): void {
  const nets = trial.cumulativeNet;
  const last = years - 1;
  into[0] = nets[last];
  into[1] = nets[years + last];
  into[2] = nets[2 * years + last];
  into[3] = nets[3 * years + last];
  into[4] = nets[4 * years + last];
  into[5] = nets[5 * years + last];
  into[6] = trial.outcomePayments;
  into[7] = trial.investorMultiple;
  into[8] = trial.investorIrr;
  into[9] = trial.additionalSuccesses;
  into[10] = trial.somGains[0];
  into[11] = trial.somGains[1];
  into[12] = trial.somGains[2];
  into[13] = trial.somGains[0] + trial.somGains[1] + trial.somGains[2];
}

/** The trial evaluator of a run (in each thread that runs its blocks). */
function trialEvaluator(params: ContractTaskParams): TrialEvaluator {
  const { contract, gains } = params;
  const compiled = compileContract(contract, gainProfileFromPlain(gains), floatArith);
  const metricBasis: Record<string, CountMetric> = Object.fromEntries(
    (contract.intervention.outcomeMetrics ?? []).map((metric) => [metric.id, metric.basis]),
  );
  return new TrialEvaluator(compiled, {
    gainsUncertain: (params.sampler.somGainsCoefficientOfVariation ?? 0) > 0,
    metricBasis,
  });
}

export function prepareContractBlock(params: ContractTaskParams): ContractBlockContext {
  const { contract } = params;
  const years = contract.horizonYears;
  return {
    params,
    years,
    sampler: new ContractOutcomeSampler(contract, params.sampler),
    evaluator: trialEvaluator(params),
    trial: createTrialResult(years),
    layout: contractTaskLayout(params.outputs, years),
    scalarIndexes: Int32Array.from(params.outputs.scalars, (name) => SCALAR_OUTPUTS.indexOf(name)),
    scalarValues: new Float64Array(SCALAR_OUTPUTS.length),
  };
}

/** A Float64 column's memory as float32 values (two per slot). */
function float32View(column: Float64Array): Float32Array {
  return new Float32Array(column.buffer, column.byteOffset, column.length * 2);
}

function valuesView(column: Float64Array, precision: 32 | 64): Float64Array | Float32Array {
  return precision === 32 ? float32View(column) : column;
}

export const CONTRACT_TRIALS_TASK = registerBlockTask<ContractTaskParams, ContractBlockContext>({
  name: 'contractTrials',
  modulePath: __filename,
  prepare: prepareContractBlock,
  columns: (context) => context.layout,
  runBlock(context, block, out: BlockColumns) {
    const { sampler, evaluator, trial } = context;
    const { precision, breakEven } = context.params.outputs;
    const count = block.trialCount;
    const scalarCount = context.scalarIndexes.length;
    const views: TrialViews = {
      scalars: scalarCount > 0 ? valuesView(out.trials, precision) : null,
      nets: out.cumulativeNet ? valuesView(out.cumulativeNet, precision) : null,
      codes: breakEven ? breakEvenView(out.trials, scalarCount, precision, count) : null,
      count,
    };
    const stream = blockStream(block.seed, block.blockIndex);
    for (let t = 0; t < count; t++) {
      sampler.draw(stream);
      evaluator.evaluate(sampler.outcomes, sampler.drawn.somGainFactor, trial, breakEven);
      writeTrial(context, views, t);
    }
  },
});

/** Where a block's trials go: its slots of each column, series by series (see above). */
interface TrialViews {
  scalars: Float64Array | Float32Array | null;
  nets: Float64Array | Float32Array | null;
  codes: Uint32Array | null;
  count: number;
}

/** Trial t's requested outputs into the block's views (a function of its own: V8 optimises it once, not per block). */
function writeTrial(context: ContractBlockContext, views: TrialViews, t: number): void {
  const { trial, scalarIndexes, scalarValues, years } = context;
  const { scalars, nets, codes, count } = views;
  if (scalars) {
    fillScalars(trial, years, scalarValues);
    for (let i = 0; i < scalarIndexes.length; i++) {
      scalars[i * count + t] = scalarValues[scalarIndexes[i]];
    }
  }
  if (nets) {
    const cumulative = trial.cumulativeNet;
    for (let i = 0; i < cumulative.length; i++) nets[i * count + t] = cumulative[i];
  }
  if (codes) {
    let packed = 0;
    for (let a = 0; a < ACTOR_COUNT; a++) {
      const code = trial.breakEvenYear[a];
      packed |=
        (code === BREAK_EVEN_NOT_APPLICABLE ? PACKED_NOT_APPLICABLE : code) <<
        (BREAK_EVEN_BITS * a);
    }
    codes[t] = packed >>> 0;
  }
}

/** The packed break-even codes of a block's (or a run's) "trials" slots: after the scalars. */
function breakEvenView(
  column: Float64Array,
  scalarCount: number,
  precision: 32 | 64,
  count: number,
): Uint32Array {
  const offset = scalarCount * bytesPerValue(precision) * count;
  return new Uint32Array(column.buffer, column.byteOffset + offset, count);
}

/**
 * Series `index` of a column laid out block by block and series by series (see above), as one
 * value per trial. `unitsPerTrial` is the column's width in units of `values` (slots × 2 for
 * float32, × 8 for bytes); `unitOffset` skips that many units per trial of the block first.
 */
function readSeries(
  values: Float64Array | Float32Array | Uint32Array,
  unitsPerTrial: number,
  unitOffset: number,
  index: number,
  trials: number,
  into: Float64Array,
): Float64Array {
  for (let first = 0; first < trials; first += TRIALS_PER_BLOCK) {
    const count = Math.min(TRIALS_PER_BLOCK, trials - first);
    const start = first * unitsPerTrial + (unitOffset + index) * count;
    into.set(values.subarray(start, start + count), first);
  }
  return into;
}

/** Reads the run's values of one scalar output, one per trial. */
export function readScalar(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  name: ScalarOutput,
  trials: number,
  into: Float64Array = new Float64Array(trials),
): Float64Array {
  const index = outputs.scalars.indexOf(name);
  if (index < 0) throw new RangeError(`the run did not record ${name}`);
  const values = valuesView(columns.trials, outputs.precision);
  return readSeries(values, values.length / trials, 0, index, trials, into);
}

/** Adds the run's values of one scalar output to `into`, trial by trial (into[t] + value[t]). */
export function addScalar(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  name: ScalarOutput,
  trials: number,
  into: Float64Array,
): Float64Array {
  const index = outputs.scalars.indexOf(name);
  if (index < 0) throw new RangeError(`the run did not record ${name}`);
  const values = valuesView(columns.trials, outputs.precision);
  const unitsPerTrial = values.length / trials;
  for (let first = 0; first < trials; first += TRIALS_PER_BLOCK) {
    const count = Math.min(TRIALS_PER_BLOCK, trials - first);
    const start = first * unitsPerTrial + index * count;
    for (let t = 0; t < count; t++) into[first + t] = into[first + t] + values[start + t];
  }
  return into;
}

/** Reads one actor's cumulative net in one year (index 0 = contract year 1), one value per trial. */
export function readCumulativeNet(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  years: number,
  actor: number,
  year: number,
  trials: number,
  into: Float64Array = new Float64Array(trials),
): Float64Array {
  const values = valuesView(columns.cumulativeNet, outputs.precision);
  return readSeries(values, values.length / trials, 0, actor * years + year, trials, into);
}

/** Each trial's packed break-even word (see BREAK_EVEN_BITS), one per trial. */
function readPackedBreakEven(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  trials: number,
  into: Float64Array,
): Float64Array {
  if (!outputs.breakEven) throw new RangeError('the run did not record break-even years');
  const column = columns.trials;
  const words = new Uint32Array(column.buffer, column.byteOffset, column.byteLength / 4);
  const scalarWords = (outputs.scalars.length * bytesPerValue(outputs.precision)) / 4;
  return readSeries(words, words.length / trials, scalarWords, 0, trials, into);
}

/** Actor `actor`'s code in a packed word. */
function unpackBreakEven(packed: number, actor: number): number {
  const code = (packed >>> (BREAK_EVEN_BITS * actor)) & PACKED_NOT_APPLICABLE;
  return code === PACKED_NOT_APPLICABLE ? BREAK_EVEN_NOT_APPLICABLE : code;
}

/** One actor's break-even codes (see above), one per trial. */
export function readBreakEven(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  actor: number,
  trials: number,
  into: Float64Array = new Float64Array(trials),
): Float64Array {
  readPackedBreakEven(columns, outputs, trials, into);
  for (let t = 0; t < trials; t++) into[t] = unpackBreakEven(into[t], actor);
  return into;
}

/** Counts of break-even codes per actor: counts[actor][code]. */
export function countBreakEven(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  trials: number,
): number[][] {
  const packed = readPackedBreakEven(columns, outputs, trials, new Float64Array(trials));
  const counts = MONTE_CARLO_ACTORS.map(() => new Array<number>(BYTE_VALUES).fill(0));
  for (let t = 0; t < trials; t++) {
    for (let a = 0; a < ACTOR_COUNT; a++) counts[a][unpackBreakEven(packed[t], a)]++;
  }
  return counts;
}
