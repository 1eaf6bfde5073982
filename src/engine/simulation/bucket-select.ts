import { firstPass, type FirstPass } from './first-pass';
import { selectRanksInPlace } from './select';

/**
 * Several order statistics of a Float64Array without sorting it and without modifying it:
 * bucket selection, finished by Floyd–Rivest selection (`select.ts`).
 *
 * One pass counts the values in equal-width buckets between the smallest and the largest
 * finite value; the counts say which bucket holds each wanted rank; a second pass copies out
 * just those buckets, which are finished the same way or, once small, by Floyd–Rivest. Monte
 * Carlo outputs are roughly bell-shaped, so with about eight values a bucket the buckets that
 * matter hold a few dozen values: the selection costs two cheap passes instead of the
 * partitioning passes of Floyd–Rivest over the whole output (100,000 values: about 0.5 against
 * 2 ms). Bucket indexes are monotone in the value (IEEE subtraction and multiplication round
 * monotonically), so a bucket's values are exactly the ranks between its cumulative counts.
 * Zeros of either sign count as equal, as in any comparison; NaN values are skipped, and
 * infinities take the lowest and highest ranks.
 */

/** Ranges up to this size are finished by Floyd–Rivest selection on a copy. */
const DIRECT_SELECTION_SIZE = 2048;
/** Values per bucket the bucket count aims at, between these limits (powers of two). */
const VALUES_PER_BUCKET = 8;
const MIN_BUCKETS = 256;
const MAX_BUCKETS = 1 << 16;

export interface OrderStatistics {
  /** Number of non-NaN values. */
  count: number;
  /** The requested ranks (0-based, ascending, among the non-NaN values). */
  ranks: number[];
  /** values[i] is the ranks[i]-th smallest non-NaN value. */
  values: Float64Array;
}

/**
 * The order statistics at the ranks chosen by `ranksFor(count)` once the number of non-NaN
 * values is known (for quantiles, the ranks depend on it). NaN values are skipped.
 * `knownRange` spares the first pass when the caller has counted the values already.
 */
export function selectOrderStatistics(
  values: Float64Array,
  ranksFor: (count: number) => number[],
  knownRange?: ValueRange,
): OrderStatistics {
  const range = knownRange ?? scanRange(values);
  const ranks = [...new Set(ranksFor(range.count))].sort((a, b) => a - b);
  for (const rank of ranks) {
    if (!(Number.isInteger(rank) && rank >= 0 && rank < range.count)) {
      throw new RangeError(`rank ${rank} is outside 0 … ${range.count - 1}`);
    }
  }
  const result = new Float64Array(ranks.length);
  if (ranks.length > 0) selectWithin(values, range, false, ranks, result, 0);
  return { count: range.count, ranks, values: result };
}

/** What one pass over the values finds; a caller that has made that pass already can pass it in. */
export interface ValueRange {
  /** Values that are not NaN. */
  count: number;
  negativeInfinities: number;
  positiveInfinities: number;
  /** Extremes of the finite values. */
  min: number;
  max: number;
}

/** The range a first pass over the values found (`firstPass`), as the selection takes it. */
export function valueRange(first: FirstPass): ValueRange {
  return {
    count: first.count,
    negativeInfinities: first.negativeInfinities,
    positiveInfinities: first.positiveInfinities,
    min: first.finiteMin,
    max: first.finiteMax,
  };
}

function scanRange(values: Float64Array): ValueRange {
  return valueRange(firstPass(values));
}

/**
 * Places the values of `ranks` (ascending, among the non-NaN `values`) into `out` from
 * `outOffset`. `owned`: `values` is a scratch copy of finite values that may be reordered.
 * `bucketedFrom`: how many values the bucket these came from was cut out of; a bucket that
 * kept more than half of them (values spread over orders of magnitude, where equal widths
 * split badly) is finished by Floyd–Rivest rather than cut again, so no input costs more than
 * a few passes.
 */
function selectWithin(
  values: Float64Array,
  range: ValueRange,
  owned: boolean,
  ranks: readonly number[],
  out: Float64Array,
  outOffset: number,
  bucketedFrom = Infinity,
): void {
  // Infinities hold the lowest and highest ranks; the rest are ranks among the finite values.
  const finiteRanks: number[] = [];
  const finiteSlots: number[] = [];
  const firstPositiveInfinity = range.count - range.positiveInfinities;
  ranks.forEach((rank, i) => {
    if (rank < range.negativeInfinities) out[outOffset + i] = -Infinity;
    else if (rank >= firstPositiveInfinity) out[outOffset + i] = Infinity;
    else {
      finiteRanks.push(rank - range.negativeInfinities);
      finiteSlots.push(outOffset + i);
    }
  });
  if (finiteRanks.length === 0) return;
  const { min, max } = range;
  const finiteCount = firstPositiveInfinity - range.negativeInfinities;
  const buckets = bucketCountFor(finiteCount);
  const scale = buckets / (max - min);
  if (min === max) {
    for (const slot of finiteSlots) out[slot] = min;
  } else if (
    finiteCount <= DIRECT_SELECTION_SIZE ||
    finiteCount > bucketedFrom / 2 ||
    !(scale > 0 && Number.isFinite(scale))
  ) {
    // Small, split badly, or a span too wide or too narrow for equal-width buckets in doubles.
    const scratch = owned ? values : finiteValues(values, finiteCount);
    selectRanksInPlace(scratch, finiteRanks);
    finiteRanks.forEach((rank, i) => (out[finiteSlots[i]] = scratch[rank]));
  } else {
    selectInBuckets(values, { min, scale, buckets, finiteCount }, finiteRanks, finiteSlots, out);
  }
}

function bucketCountFor(count: number): number {
  let buckets = MIN_BUCKETS;
  while (buckets < MAX_BUCKETS && buckets * VALUES_PER_BUCKET < count) buckets *= 2;
  return buckets;
}

/** The finite values, in a new array. */
function finiteValues(values: Float64Array, count: number): Float64Array {
  const copy = new Float64Array(count);
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isFinite(value)) copy[next++] = value;
  }
  return copy;
}

/**
 * The bucket of a finite value: ⌊(value − min) × scale⌋, the maximum put into the last bucket
 * (its product may round to `buckets`). Monotone in the value.
 */
function bucketOf(value: number, min: number, scale: number, buckets: number): number {
  const position = (value - min) * scale;
  return position >= buckets ? buckets - 1 : Math.floor(position);
}

/** Counts the finite values per bucket (`value - value === 0` skips NaN and both infinities). */
function countBuckets(values: Float64Array, min: number, scale: number, counts: Uint32Array): void {
  const buckets = counts.length;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value === 0) counts[bucketOf(value, min, scale, buckets)]++;
  }
}

/** Copies each finite value whose bucket has a slot into that slot's array, in order. */
function gatherBuckets(
  values: Float64Array,
  min: number,
  scale: number,
  slotOfBucket: Int32Array,
  bucketValues: Float64Array[],
): void {
  const buckets = slotOfBucket.length;
  const filled = new Int32Array(bucketValues.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value !== 0) continue;
    const slot = slotOfBucket[bucketOf(value, min, scale, buckets)];
    if (slot >= 0) bucketValues[slot][filled[slot]++] = value;
  }
}

function selectInBuckets(
  values: Float64Array,
  grid: { min: number; scale: number; buckets: number; finiteCount: number },
  ranks: readonly number[],
  slots: readonly number[],
  out: Float64Array,
): void {
  const { min, scale, buckets } = grid;
  const counts = new Uint32Array(buckets);
  countBuckets(values, min, scale, counts);

  // Which bucket holds each rank, and the rank within it.
  const groups: { bucket: number; ranks: number[]; slots: number[] }[] = [];
  let below = 0;
  let bucket = 0;
  for (let i = 0; i < ranks.length; i++) {
    while (below + counts[bucket] <= ranks[i]) below += counts[bucket++];
    const last = groups.length > 0 ? groups[groups.length - 1] : undefined;
    if (last !== undefined && last.bucket === bucket) {
      last.ranks.push(ranks[i] - below);
      last.slots.push(slots[i]);
    } else {
      groups.push({ bucket, ranks: [ranks[i] - below], slots: [slots[i]] });
    }
  }

  const slotOfBucket = new Int32Array(buckets).fill(-1);
  const bucketValues = groups.map((group, slot) => {
    slotOfBucket[group.bucket] = slot;
    return new Float64Array(counts[group.bucket]);
  });
  gatherBuckets(values, min, scale, slotOfBucket, bucketValues);
  groups.forEach((group, slot) => {
    const picked = new Float64Array(group.ranks.length);
    const bucketRange = scanRange(bucketValues[slot]);
    selectWithin(bucketValues[slot], bucketRange, true, group.ranks, picked, 0, grid.finiteCount);
    group.slots.forEach((outSlot, i) => (out[outSlot] = picked[i]));
  });
}
