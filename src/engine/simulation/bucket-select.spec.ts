import fc from 'fast-check';
import { selectOrderStatistics } from './bucket-select';
import { blockStream } from './rng';

/** Sample shapes met in Monte Carlo outputs, and awkward ones for equal-width buckets. */
const SHAPES = {
  /** Money around 1.2 million kr. within less than an octave. */
  narrowMoney: (u: number) => 1_000_000 + 400_000 * u,
  /** Net positions of either sign. */
  mixedSign: (u: number) => (u - 0.4) * 3_000_000,
  /** Counts of successes: few distinct integers, many ties. */
  counts: (u: number) => Math.floor(u * 40),
  /** Mostly one value (no uncertainty in most trials), a few others. */
  mostlyEqual: (u: number) => (u < 0.97 ? 6_900_000 : 6_900_000 + u),
  /** Values that differ only in the last bits of the mantissa. */
  lastBits: (u: number) => 1 + Math.floor(u * 50) * Number.EPSILON,
  /** Undefined trials (IRR without a sign change), zeros of both signs, infinities. */
  awkward: (u: number) =>
    u < 0.1
      ? NaN
      : u < 0.2
        ? -0
        : u < 0.3
          ? 0
          : u < 0.31
            ? Infinity
            : u < 0.32
              ? -Infinity
              : u - 0.5,
  /** Within 0.1% of each other. */
  nearlyEqualMoney: (u: number) => 1_234_567 + 1_000 * u,
  /** Half the trials in a tiny cluster, half spread wide: the cluster's bucket is split again. */
  clusterAndSpread: (u: number) => (u < 0.5 ? 1_000_000 + u / 1_000 : (u - 0.5) * 1e9),
  /** Many orders of magnitude. */
  wide: (u: number) => Math.exp(60 * (u - 0.5)),
  /** Powers of two: nearly all values fall in the lowest bucket, level after level. */
  geometric: (u: number) => 2 ** -Math.floor(u * 600),
};

/** Zeros of either sign are equal order statistics: compare them as 0. */
const signless = (value: number) => (value === 0 ? 0 : value);

function orderStatisticsBySorting(values: Float64Array, ranks: number[]): number[] {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort();
  return ranks.map((rank) => signless(sorted[rank]));
}

describe('bucket selection of order statistics', () => {
  it('agrees with sorting on large samples of every shape, without touching the input (property, seed 81)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(SHAPES) as (keyof typeof SHAPES)[])),
        fc.integer({ min: 5_000, max: 30_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (shape, size, seed, rankFractions) => {
          const stream = blockStream(seed, 0);
          const values = new Float64Array(size);
          for (let i = 0; i < size; i++) values[i] = SHAPES[shape](stream.nextDouble());
          const before = values.slice();
          const result = selectOrderStatistics(values, (count) =>
            rankFractions.map((fraction) => Math.floor(fraction * (count - 1))),
          );
          expect(Array.from(result.values, signless)).toEqual(
            orderStatisticsBySorting(values, result.ranks),
          );
          // Compare bytes: element-wise deep equality of large typed arrays is slow in Jest.
          expect(Buffer.from(values.buffer).equals(Buffer.from(before.buffer))).toBe(true);
        },
      ),
      { seed: 81, numRuns: 60 },
    );
  });

  it('selects over spans too wide for equal-width buckets in doubles', () => {
    // max − min overflows to Infinity: the buckets cannot be computed, Floyd–Rivest takes over.
    const values = Float64Array.from(
      { length: 5000 },
      (_, i) => (i % 2 ? 1 : -1) * 1e308 * (i / 5000),
    );
    const result = selectOrderStatistics(values, (count) => [0, count >> 1, count - 1]);
    expect(Array.from(result.values, signless)).toEqual(
      orderStatisticsBySorting(values, result.ranks),
    );
  });

  it('counts only values that are not NaN and refuses ranks outside them', () => {
    const values = Float64Array.from([3, NaN, 1, 2]);
    expect(selectOrderStatistics(values, (count) => [count - 1])).toMatchObject({
      count: 3,
      ranks: [2],
    });
    expect(() => selectOrderStatistics(values, () => [3])).toThrow(/rank 3 is outside 0 … 2/);
  });
});
