import { selectRanksInPlace } from './select';

/**
 * Several order statistics of a large Float64Array without sorting and without modifying it:
 * a radix selection on the IEEE-754 bits, finished by Floyd–Rivest selection.
 *
 * A double's 64 bits, with the sign bit set for positives and all bits flipped for negatives,
 * form a key that orders like the numbers. All keys lie between the keys of the minimum and
 * the maximum, so they share those two keys' common leading bits; the next 16 bits split the
 * values into 65,536 buckets that are narrow where the data actually lie (Monte Carlo outputs
 * often span less than an octave, where the top 16 bits would tell little). One pass counts
 * the buckets, which says which bucket holds each wanted rank; a second copies out just those
 * buckets, which are then finished the same way or, once small, by `selectRanksInPlace`.
 * At 10⁶ values this takes about a third of the time of selecting the five summary quantiles
 * directly (measured in bench-draws).
 */

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const KEY_BITS = 64;
const WORD_BITS = 32;
const SIGN_BIT = 0x80000000;
const ALL_BITS = 0xffffffff;
/** Buckets up to this size are finished by Floyd–Rivest selection rather than another pass. */
const DIRECT_SELECTION_SIZE = 1 << 12;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;
const LOW_WORD = 1 - HIGH_WORD;

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
 */
export function selectOrderStatistics(
  values: Float64Array,
  ranksFor: (count: number) => number[],
): OrderStatistics {
  const range = scanRange(values);
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

interface ValueRange {
  count: number;
  min: number;
  max: number;
  hasNaN: boolean;
}

function scanRange(values: Float64Array): ValueRange {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    count++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { count, min, max, hasNaN: count !== values.length };
}

/** The order-preserving key of a double, as [high word, low word]. */
function keyOf(value: number): [number, number] {
  const words = new Uint32Array(new Float64Array([value]).buffer);
  const high = words[HIGH_WORD];
  const mask = high >= SIGN_BIT ? ALL_BITS : 0;
  return [(high ^ (mask | SIGN_BIT)) >>> 0, (words[LOW_WORD] ^ mask) >>> 0];
}

/**
 * Shifts and masks that read the 16-bit digit starting at key bit `start` (0 = most
 * significant, start ≤ 48) from the key's two words: ((high & highMask) >>> highShift
 * << highLeft) | ((low >>> lowShift) & lowMask). JavaScript shifts count modulo 32, so a word
 * that does not take part is masked out rather than shifted away.
 */
function digitReader(start: number) {
  if (start <= WORD_BITS - DIGIT_BITS) {
    return {
      highMask: ALL_BITS,
      highShift: WORD_BITS - DIGIT_BITS - start,
      highLeft: 0,
      lowShift: 0,
      lowMask: 0,
    };
  }
  if (start >= WORD_BITS) {
    return {
      highMask: 0,
      highShift: 0,
      highLeft: 0,
      lowShift: KEY_BITS - DIGIT_BITS - start,
      lowMask: ALL_BITS,
    };
  }
  return {
    highMask: ALL_BITS,
    highShift: 0,
    highLeft: start - (WORD_BITS - DIGIT_BITS),
    lowShift: KEY_BITS - DIGIT_BITS - start,
    lowMask: ALL_BITS,
  };
}

/** Places the values of `ranks` (ascending, among the non-NaN `values`) into `out` from `outOffset`. */
function selectWithin(
  values: Float64Array,
  range: ValueRange,
  owned: boolean,
  ranks: readonly number[],
  out: Float64Array,
  outOffset: number,
): void {
  if (range.min === range.max) {
    for (let i = 0; i < ranks.length; i++) out[outOffset + i] = range.min;
    return;
  }
  if (range.count <= DIRECT_SELECTION_SIZE) {
    const scratch = owned && !range.hasNaN ? values : withoutNaN(values, range.count);
    selectRanksInPlace(scratch, ranks);
    for (let i = 0; i < ranks.length; i++) out[outOffset + i] = scratch[ranks[i]];
    return;
  }
  // The digit starts at the first bit where the smallest and largest keys differ.
  const [minHigh, minLow] = keyOf(range.min);
  const [maxHigh, maxLow] = keyOf(range.max);
  const commonBits =
    minHigh !== maxHigh ? Math.clz32(minHigh ^ maxHigh) : WORD_BITS + Math.clz32(minLow ^ maxLow);
  const reader = digitReader(Math.min(commonBits, KEY_BITS - DIGIT_BITS));
  const { highMask, highShift, highLeft, lowShift, lowMask } = reader;
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);

  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < values.length; i++) {
    if (range.hasNaN && Number.isNaN(values[i])) continue;
    const high = words[2 * i + HIGH_WORD];
    const mask = high >> 31; // all ones for negatives: flip every bit
    const keyHigh = high ^ (mask | SIGN_BIT);
    const keyLow = words[2 * i + LOW_WORD] ^ mask;
    counts[
      ((((keyHigh & highMask) >>> highShift) << highLeft) | ((keyLow >>> lowShift) & lowMask)) &
        DIGIT_MASK
    ]++;
  }

  // Which bucket holds each rank, and the rank within it.
  const groups: { bucket: number; ranks: number[]; first: number }[] = [];
  let below = 0;
  let bucket = 0;
  for (let i = 0; i < ranks.length; i++) {
    while (below + counts[bucket] <= ranks[i]) below += counts[bucket++];
    const last = groups.length > 0 ? groups[groups.length - 1] : undefined;
    if (last !== undefined && last.bucket === bucket) last.ranks.push(ranks[i] - below);
    else groups.push({ bucket, ranks: [ranks[i] - below], first: i });
  }

  const slotOfBucket = new Int32Array(BUCKETS).fill(-1);
  const buckets = groups.map((group, slot) => {
    slotOfBucket[group.bucket] = slot;
    return new Float64Array(counts[group.bucket]);
  });
  const filled = new Int32Array(groups.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (range.hasNaN && Number.isNaN(value)) continue;
    const high = words[2 * i + HIGH_WORD];
    const mask = high >> 31;
    const keyHigh = high ^ (mask | SIGN_BIT);
    const keyLow = words[2 * i + LOW_WORD] ^ mask;
    const slot =
      slotOfBucket[
        ((((keyHigh & highMask) >>> highShift) << highLeft) | ((keyLow >>> lowShift) & lowMask)) &
          DIGIT_MASK
      ];
    if (slot >= 0) buckets[slot][filled[slot]++] = value;
  }
  for (let slot = 0; slot < groups.length; slot++) {
    const group = groups[slot];
    const bucketValues = buckets[slot];
    selectWithin(
      bucketValues,
      scanRange(bucketValues),
      true,
      group.ranks,
      out,
      outOffset + group.first,
    );
  }
}

function withoutNaN(values: Float64Array, count: number): Float64Array {
  const copy = new Float64Array(count);
  let next = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) copy[next++] = values[i];
  return copy;
}
