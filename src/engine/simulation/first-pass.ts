/**
 * The first pass over a Monte Carlo output, shared by the summaries (`statistics.ts`) and the
 * quantile selection (`bucket-select.ts`). NaN values are skipped.
 */

/**
 * What one pass over an output gathers: the count, extremes and mean (Neumaier's compensated
 * summation; `mean` in statistics.ts is this pass) of the non-NaN values, the counts of −∞ and
 * +∞, and the extremes of the finite ones (the histogram's and the selection's range).
 */
export interface FirstPass {
  count: number;
  min: number;
  max: number;
  mean: number;
  finiteMin: number;
  finiteMax: number;
  negativeInfinities: number;
  positiveInfinities: number;
}

/** `firstPass`'s tallies: count, min, max, finite min, finite max, sum, compensation, −∞, +∞. */
const tallies = new Float64Array(9);

export function firstPass(data: Float64Array): FirstPass {
  tallyFirstPass(data, tallies);
  const count = tallies[0];
  return {
    count,
    min: tallies[1],
    max: tallies[2],
    mean: count === 0 ? NaN : (tallies[5] + tallies[6]) / count,
    finiteMin: tallies[3],
    finiteMax: tallies[4],
    negativeInfinities: tallies[7],
    positiveInfinities: tallies[8],
  };
}

/**
 * The loop of `firstPass`, in a function of its own that touches only numbers and typed arrays
 * (as every hot loop here): V8 optimises it while it runs and never discards the code for lack
 * of type feedback on what follows the loop, which cost recompilations on every run.
 */
function tallyFirstPass(data: Float64Array, out: Float64Array): void {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let finiteMin = Infinity;
  let finiteMax = -Infinity;
  let sum = 0;
  let compensation = 0;
  let negativeInfinities = 0;
  let positiveInfinities = 0;
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (value !== value) continue; // NaN
    count++;
    if (value < min) min = value;
    if (value > max) max = value;
    if (value === Infinity) positiveInfinities++;
    else if (value === -Infinity) negativeInfinities++;
    else {
      if (value < finiteMin) finiteMin = value;
      if (value > finiteMax) finiteMax = value;
    }
    const total = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
    sum = total;
  }
  out[0] = count;
  out[1] = min;
  out[2] = max;
  out[3] = finiteMin;
  out[4] = finiteMax;
  out[5] = sum;
  out[6] = compensation;
  out[7] = negativeInfinities;
  out[8] = positiveInfinities;
}
