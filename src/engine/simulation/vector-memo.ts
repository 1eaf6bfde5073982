/**
 * A fixed-size memo table from a vector of doubles (the key) to a vector of doubles (the value),
 * for pure functions evaluated in a Monte Carlo loop: a trial's cash flows from its outcome
 * counts, an IRR from a vector of cash flows. Open addressing with linear probing; no allocation
 * per lookup. The tables start small and double (rehashing) while they are half full, up to
 * `maxBytes`; then the memo stops taking new entries (lookups go on), so memory stays bounded
 * and the oldest entries are kept. A contract whose trials meet few distinct outcomes thus
 * takes little memory (each worker thread holds its own memos).
 *
 * A hit returns exactly what was stored, and what is stored is a pure function of the key, so a
 * run's results do not depend on which trials happened to hit (or on which thread ran them).
 * Keys compare as numbers except that +0 and −0 differ (a result could keep the sign of a zero);
 * a NaN key never hits, so callers keep NaN out of keys.
 */

/**
 * Memory the tables of one memo may take, keys and values together (per thread). 4 MB holds
 * about 4,000 trial evaluations of a 6-year contract: the IPS case meets about 1,200 distinct
 * outcome vectors in a million trials.
 */
export const DEFAULT_MEMO_BYTES = 4 * 1024 * 1024;
const BYTES_PER_DOUBLE = 8;
/** Stop inserting at this load factor: linear probing stays short below it. */
const MAX_LOAD_FACTOR = 0.5;
const MIN_CAPACITY = 16;
/** Slots allocated at first (doubled as entries arrive). */
const INITIAL_CAPACITY = 256;
/** Multiplier of the hash mix (the 32-bit golden ratio, Knuth's multiplicative hashing). */
const GOLDEN_RATIO_32 = 0x9e3779b1;

export class VectorMemo {
  /** The most slots the tables will have (at most half of them used). */
  readonly capacity: number;
  private mask: number;
  private keys: Float64Array;
  private values: Float64Array;
  private used: Uint8Array;
  private size = 0;
  /** Entries the current tables take before they double (or, at full capacity, before they stop). */
  private maxSize: number;
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
    const slots = Math.min(capacity, INITIAL_CAPACITY);
    this.mask = slots - 1;
    this.maxSize = Math.floor(slots * MAX_LOAD_FACTOR);
    this.keys = new Float64Array(slots * keyWidth);
    this.values = new Float64Array(slots * valueWidth);
    this.used = new Uint8Array(slots);
  }

  /** Doubles the tables and puts every entry into its slot in them. */
  private grow(): void {
    const { keys, values, used, keyWidth, valueWidth } = this;
    const slots = used.length * 2;
    this.mask = slots - 1;
    this.maxSize = Math.floor(slots * MAX_LOAD_FACTOR);
    this.keys = new Float64Array(slots * keyWidth);
    this.values = new Float64Array(slots * valueWidth);
    this.used = new Uint8Array(slots);
    for (let old = 0; old < used.length; old++) {
      if (used[old] !== 1) continue;
      const key = keys.subarray(old * keyWidth, (old + 1) * keyWidth);
      let slot = this.hash(key);
      while (this.used[slot] === 1) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.keys.set(key, slot * keyWidth);
      this.values.set(values.subarray(old * valueWidth, (old + 1) * valueWidth), slot * valueWidth);
    }
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

  /** Stores `value` under `key` unless the memo is full or holds the key already. */
  insert(key: ArrayLike<number>, value: ArrayLike<number>): void {
    if (this.size >= this.maxSize) {
      if (this.used.length >= this.capacity) return;
      this.grow();
    }
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
