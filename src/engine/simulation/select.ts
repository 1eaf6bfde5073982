/**
 * In-place selection: after `selectInPlace(values, k)`, values[k] is the k-th smallest value
 * (0-based), everything left of it is ≤ it and everything right of it is ≥ it.
 *
 * Floyd & Rivest's SELECT (CACM 18(3), 1975, Algorithm 489): on large ranges it first selects
 * within a small sample around the expected position, so the partition pivot lands close to
 * k; expected n + min(k, n − k) + o(n) comparisons. Sorting 1,000,000 doubles costs about
 * 0.11 s, selecting the ten order statistics of the five summary quantiles about 16 ms
 * (`bucket-select.ts` narrows large arrays first and calls this on the small remainder).
 * The values must not contain NaN (comparisons with NaN break the partition).
 */

/** Ranges longer than this are first narrowed by sampling (the constant of the original paper). */
const SAMPLING_THRESHOLD = 600;
/** Floyd–Rivest's sample size s = ½·n^(2/3) and its spread ½·√(ln n·s·(n − s)/n). */
const SAMPLE_SIZE_FACTOR = 0.5;
const SAMPLE_SIZE_EXPONENT = 2 / 3;
const SAMPLE_SPREAD_FACTOR = 0.5;

export function selectInPlace(
  values: Float64Array,
  k: number,
  left = 0,
  right = values.length - 1,
): void {
  while (right > left) {
    if (right - left > SAMPLING_THRESHOLD) {
      const n = right - left + 1;
      const m = k - left + 1;
      const logN = Math.log(n);
      const sampleSize = SAMPLE_SIZE_FACTOR * Math.exp(SAMPLE_SIZE_EXPONENT * logN);
      const spread =
        SAMPLE_SPREAD_FACTOR *
        Math.sqrt((logN * sampleSize * (n - sampleSize)) / n) *
        (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * sampleSize) / n + spread));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * sampleSize) / n + spread));
      selectInPlace(values, k, sampleLeft, sampleRight);
    }
    const pivot = values[k];
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right] > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
    }
    if (values[left] === pivot) {
      swap(values, left, j);
    } else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * Places several order statistics at once: afterwards values[r] is the r-th smallest for every
 * r in `sortedRanks` (ascending, no duplicates). Selects the middle rank first, then recurses on
 * each side, so each later selection works on a smaller range.
 */
export function selectRanksInPlace(values: Float64Array, sortedRanks: readonly number[]): void {
  selectRankRange(values, sortedRanks, 0, sortedRanks.length - 1, 0, values.length - 1);
}

function selectRankRange(
  values: Float64Array,
  ranks: readonly number[],
  firstRank: number,
  lastRank: number,
  left: number,
  right: number,
): void {
  if (firstRank > lastRank || left > right) return;
  const middle = (firstRank + lastRank) >> 1;
  const k = ranks[middle];
  selectInPlace(values, k, left, right);
  selectRankRange(values, ranks, firstRank, middle - 1, left, k - 1);
  selectRankRange(values, ranks, middle + 1, lastRank, k + 1, right);
}

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i];
  values[i] = values[j];
  values[j] = held;
}
