import seedrandom from 'seedrandom';

/**
 * Reproducible random streams for the Monte Carlo.
 *
 * Trials are grouped in blocks of a FIXED size; block b holds trials
 * [b·TRIALS_PER_BLOCK, (b+1)·TRIALS_PER_BLOCK). Each block has its own stream derived from
 * (seed, blockIndex) only, never from the worker or the batch that runs it, so a run gives
 * byte-identical results whatever the number of workers or the batch size.
 */

/** Trials per block. Changing it changes every result for a given seed: treat it as part of the format. */
export const TRIALS_PER_BLOCK = 1024;

/** A run's seed: an integer (e.g. from `--seed 42`) or a string. */
export type SimulationSeed = number | string;

const UINT32_RANGE = 0x100000000; // 2^32

/**
 * Marsaglia's xor128 generator, the same sequence as seedrandom's `xor128` (a test checks it),
 * with its state in class fields: seedrandom keeps the state behind a closure, which runs
 * 3–4× slower in hot loops. Seeding is delegated to seedrandom (string mixing plus 64 discarded
 * outputs); the sequence then runs here.
 */
export class Xor128Stream {
  private x: number;
  private y: number;
  private z: number;
  private w: number;
  /** Box–Muller yields normals in pairs; the second waits here for the next call. */
  private spareNormal = NaN;

  constructor(state: { x: number; y: number; z: number; w: number }) {
    this.x = state.x | 0;
    this.y = state.y | 0;
    this.z = state.z | 0;
    this.w = state.w | 0;
    if ((this.x | this.y | this.z | this.w) === 0) {
      throw new RangeError('xor128 state must not be all zeros (the generator would only yield 0)');
    }
  }

  /** Seeds the generator exactly as `seedrandom.xor128(key)` does. */
  static fromKey(key: string): Xor128Stream {
    const state = seedrandom.xor128(key, { state: true }).state();
    return new Xor128Stream(state);
  }

  /** Next raw output as a signed 32-bit integer (seedrandom's `int32()`). */
  nextInt32(): number {
    const t = this.x ^ (this.x << 11);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w = this.w ^ (this.w >>> 19) ^ t ^ (t >>> 8);
    return this.w;
  }

  /** Uniform on [0, 1) with 32-bit resolution: seedrandom's `prng()`. */
  nextDouble(): number {
    return (this.nextInt32() >>> 0) / UINT32_RANGE;
  }

  /** Uniform on the open interval (0, 1), safe for logarithms and divisions. */
  nextOpen(): number {
    return ((this.nextInt32() >>> 0) + 0.5) / UINT32_RANGE;
  }

  /**
   * A standard normal draw by the Box–Muller transform, using both values of each pair. The
   * spare lives in the stream (not in a sampler) so nothing carries over from one block to the
   * next. With 32-bit uniforms the tails stop near ±6.8σ.
   */
  nextStandardNormal(): number {
    const spare = this.spareNormal;
    if (!Number.isNaN(spare)) {
      this.spareNormal = NaN;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const angle = TWO_PI * this.nextDouble();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

const TWO_PI = 2 * Math.PI;

/**
 * The seedrandom key of a block's stream. The (seed, blockIndex) pair is hashed into four
 * 32-bit words first (MurmurHash3's 32-bit finaliser over FNV-1a), because xor128 spreads a
 * one-bit difference in its seed slowly: neighbouring blocks must start far apart in state space.
 */
export function blockStreamKey(seed: SimulationSeed, blockIndex: number): string {
  if (!Number.isSafeInteger(blockIndex) || blockIndex < 0) {
    throw new RangeError(`blockIndex must be a non-negative integer, got ${blockIndex}`);
  }
  const text = `${String(seed)}#${blockIndex}`;
  let key = '';
  for (let lane = 0; lane < KEY_LANES; lane++) {
    key += fmix32(fnv1a(text, FNV_OFFSET_BASIS ^ Math.imul(lane + 1, GOLDEN_RATIO_32)))
      .toString(16)
      .padStart(8, '0');
  }
  return key;
}

/** The stream of block `blockIndex` for `seed`: create one per block (seeding costs about 1 µs). */
export function blockStream(seed: SimulationSeed, blockIndex: number): Xor128Stream {
  return Xor128Stream.fromKey(blockStreamKey(seed, blockIndex));
}

/** Number of blocks that hold `trials` trials (the last block may be partial). */
export function blockCount(trials: number): number {
  return Math.ceil(trials / TRIALS_PER_BLOCK);
}

const KEY_LANES = 4;
/** FNV-1a 32-bit constants (Fowler, Noll, Vo). */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** 2^32 / golden ratio, the usual odd constant to separate hash lanes. */
const GOLDEN_RATIO_32 = 0x9e3779b9;

function fnv1a(text: string, basis: number): number {
  let hash = basis | 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
