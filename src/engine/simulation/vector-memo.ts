/**
 * A fixed-size memo table from a vector of doubles (the key) to a vector of doubles (the value),
 * for pure functions evaluated in a Monte Carlo loop: a trial's cash flows from its outcome
 * counts, an IRR from a vector of cash flows. Open addressing with linear probing; no allocation
 * per lookup. When the table is half full it stops taking new entries (lookups go on), so memory
 * stays bounded and the oldest entries are kept.
 *
 * A hit returns exactly what was stored, and what is stored is a pure function of the key, so a
 * run's results do not depend on which trials happened to hit (or on which thread ran them).
 * Keys compare as numbers except that +0 and −0 differ (a result could keep the sign of a zero);
 * a NaN key never hits, so callers keep NaN out of keys.
 */

/** Memory the tables of one memo may take, keys and values together (per thread). */
export const DEFAULT_MEMO_BYTES = 1024 * 1024;
const BYTES_PER_DOUBLE = 8;
/** Stop inserting at this load factor: linear probing stays short below it. */
const MAX_LOAD_FACTOR = 0.5;
const MIN_CAPACITY = 16;
/** Multiplier of the hash mix (the 32-bit golden ratio, Knuth's multiplicative hashing). */
const GOLDEN_RATIO_32 = 0x9e3779b1;

export class VectorMemo {
  readonly capacity: number;
  private readonly mask: number;
  private readonly keys: Float64Array;
  private readonly values: Float64Array;
  private readonly used: Uint8Array;
  private size = 0;
  private readonly maxSize: number;
  /** Reused to read a double's two 32-bit words. */
  private readonly scratch = new Float64Array(1);
  private readonly words = new Uint32Array(this.scratch.buffer);
  hits = 0;
  misses = 0;

  constructor(
    readonly keyWidth: number,
    readonly valueWidth: number,
    maxBytes: number = DEFAULT_MEMO_BYTES,
  ) {
    if (!(Number.isInteger(keyWidth) && keyWidth >= 1)) {
      throw new RangeError(`keyWidth must be a positive integer, got ${keyWidth}`);
    }
    if (!(Number.isInteger(valueWidth) && valueWidth >= 1)) {
      throw new RangeError(`valueWidth must be a positive integer, got ${valueWidth}`);
    }
    const entryBytes = (keyWidth + valueWidth) * BYTES_PER_DOUBLE + 1;
    let capacity = MIN_CAPACITY;
    while (capacity * 2 * entryBytes <= maxBytes) capacity *= 2;
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.maxSize = Math.floor(capacity * MAX_LOAD_FACTOR);
    this.keys = new Float64Array(capacity * keyWidth);
    this.values = new Float64Array(capacity * valueWidth);
    this.used = new Uint8Array(capacity);
  }

  private hash(key: ArrayLike<number>): number {
    let h = 0;
    for (let i = 0; i < this.keyWidth; i++) {
      this.scratch[0] = key[i];
      h = Math.imul(h ^ this.words[0], GOLDEN_RATIO_32);
      h = Math.imul(h ^ this.words[1], GOLDEN_RATIO_32);
      h ^= h >>> 15;
    }
    return h & this.mask;
  }

  private matches(slot: number, key: ArrayLike<number>): boolean {
    const base = slot * this.keyWidth;
    for (let i = 0; i < this.keyWidth; i++) {
      const stored = this.keys[base + i];
      const wanted = key[i];
      if (stored !== wanted || (stored === 0 && 1 / stored !== 1 / wanted)) return false;
    }
    return true;
  }

  /** The slot holding `key`, or −1. */
  find(key: ArrayLike<number>): number {
    let slot = this.hash(key);
    while (this.used[slot] === 1) {
      if (this.matches(slot, key)) {
        this.hits++;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
    this.misses++;
    return -1;
  }

  /** Copies the value stored in `slot` (from `find`) into `out`. */
  read(slot: number, out: Float64Array): void {
    const base = slot * this.valueWidth;
    for (let i = 0; i < this.valueWidth; i++) out[i] = this.values[base + i];
  }

  /** Stores `value` under `key` unless the table is half full or holds the key already. */
  insert(key: ArrayLike<number>, value: ArrayLike<number>): void {
    if (this.size >= this.maxSize) return;
    let slot = this.hash(key);
    while (this.used[slot] === 1) {
      if (this.matches(slot, key)) return;
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.size++;
    const keyBase = slot * this.keyWidth;
    for (let i = 0; i < this.keyWidth; i++) this.keys[keyBase + i] = key[i];
    const valueBase = slot * this.valueWidth;
    for (let i = 0; i < this.valueWidth; i++) this.values[valueBase + i] = value[i];
  }

  get entries(): number {
    return this.size;
  }
}
