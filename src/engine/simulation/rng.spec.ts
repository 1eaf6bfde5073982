import seedrandom from 'seedrandom';
import { chiSquareGoodnessOfFit } from './goodness-of-fit';
import { blockStream, blockStreamKey, blockCount, TRIALS_PER_BLOCK, Xor128Stream } from './rng';

const UNIFORM_BINS = 100;
const SIGNIFICANCE = 0.001;

function uniformBinCounts(draw: () => number, draws: number): number[] {
  const counts = new Array<number>(UNIFORM_BINS).fill(0);
  for (let i = 0; i < draws; i++) counts[Math.floor(draw() * UNIFORM_BINS)]++;
  return counts;
}

describe('block streams', () => {
  it('reproduce seedrandom xor128 exactly for the same key', () => {
    const key = blockStreamKey(42, 7);
    const reference = seedrandom.xor128(key);
    const stream = Xor128Stream.fromKey(key);
    for (let i = 0; i < 1000; i++) expect(stream.nextDouble()).toBe(reference());
  });

  it('depend only on the seed and the block index', () => {
    const first = blockStream('scenario-1', 3);
    const again = blockStream('scenario-1', 3);
    const firstValues = Array.from({ length: 5 }, () => first.nextInt32());
    expect(Array.from({ length: 5 }, () => again.nextInt32())).toEqual(firstValues);
    const otherBlock = blockStream('scenario-1', 4);
    const otherSeed = blockStream('scenario-2', 3);
    expect(Array.from({ length: 5 }, () => otherBlock.nextInt32())).not.toEqual(firstValues);
    expect(Array.from({ length: 5 }, () => otherSeed.nextInt32())).not.toEqual(firstValues);
  });

  it('treat the integer seed 42 and the string "42" as the same seed', () => {
    expect(blockStreamKey(42, 0)).toBe(blockStreamKey('42', 0));
  });

  it('give uniform draws within a block (chi-square over 100 bins, seed 1)', () => {
    const stream = blockStream(1, 0);
    const result = chiSquareGoodnessOfFit(
      uniformBinCounts(() => stream.nextDouble(), 100_000),
      new Array<number>(UNIFORM_BINS).fill(1 / UNIFORM_BINS),
    );
    expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('start neighbouring blocks at unrelated points (first draws of 20,000 blocks are uniform)', () => {
    let blockIndex = 0;
    const result = chiSquareGoodnessOfFit(
      uniformBinCounts(() => blockStream(1, blockIndex++).nextDouble(), 20_000),
      new Array<number>(UNIFORM_BINS).fill(1 / UNIFORM_BINS),
    );
    expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('give standard normal draws with mean 0 and variance 1 (200,000 draws within 4 standard errors)', () => {
    const stream = blockStream(5, 0);
    const n = 200_000;
    let sum = 0;
    let sumOfSquares = 0;
    for (let i = 0; i < n; i++) {
      const z = stream.nextStandardNormal();
      sum += z;
      sumOfSquares += z * z;
    }
    // SE of the mean = 1/√n ≈ 0.00224; SE of the variance ≈ √(2/n) ≈ 0.00316.
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sumOfSquares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('refuse an all-zero state, which would only ever yield 0', () => {
    expect(() => new Xor128Stream({ x: 0, y: 0, z: 0, w: 0 })).toThrow(/all zeros/);
  });

  it('refuse a negative or fractional block index', () => {
    expect(() => blockStreamKey(1, -1)).toThrow(RangeError);
    expect(() => blockStreamKey(1, 1.5)).toThrow(RangeError);
  });

  it('count a partial last block as a block', () => {
    // 2,049 trials = two full blocks of 1,024 and one block of 1.
    expect(TRIALS_PER_BLOCK).toBe(1024);
    expect(blockCount(2049)).toBe(3);
    expect(blockCount(2048)).toBe(2);
  });
});
