import fc from 'fast-check';
import { VectorMemo } from './vector-memo';

describe('VectorMemo', () => {
  it('returns exactly the value stored under a key, and misses an unknown key', () => {
    const memo = new VectorMemo(3, 2);
    memo.insert([1, 2, 3], [0.1, -7.25]);
    const out = new Float64Array(2);
    const slot = memo.find([1, 2, 3]);
    expect(slot).toBeGreaterThanOrEqual(0);
    memo.read(slot, out);
    expect(Array.from(out)).toEqual([0.1, -7.25]);
    expect(memo.find([1, 2, 4])).toBe(-1);
    expect(memo.hits).toBe(1);
    expect(memo.misses).toBe(1);
  });

  it('tells +0 from −0 in a key, since a result may keep the sign of a zero', () => {
    const memo = new VectorMemo(1, 1);
    memo.insert([0], [1]);
    expect(memo.find([-0])).toBe(-1);
    expect(memo.find([0])).toBeGreaterThanOrEqual(0);
  });

  it('stops taking new keys when half full, and keeps answering for the keys it has', () => {
    // 1 KB for 1-wide keys and values: entries of 8 + 8 + 1 = 17 bytes; the largest power of
    // two whose entries fit is 32 (32 × 17 = 544 ≤ 1024 < 64 × 17), so at most 16 entries.
    const memo = new VectorMemo(1, 1, 1024);
    expect(memo.capacity).toBe(32);
    for (let key = 0; key < 40; key++) memo.insert([key], [key * 10]);
    expect(memo.entries).toBe(16);
    const out = new Float64Array(1);
    memo.read(memo.find([15]), out);
    expect(out[0]).toBe(150);
    expect(memo.find([16])).toBe(-1);
  });

  it('keeps every entry and its value while its tables double from 256 slots to hold 3,000 keys', () => {
    // 3,000 entries of 2 + 1 doubles need 8,192 slots (half used at most): five doublings.
    const memo = new VectorMemo(2, 1);
    for (let key = 0; key < 3000; key++) memo.insert([key, -key], [key / 7]);
    expect(memo.entries).toBe(3000);
    const out = new Float64Array(1);
    for (let key = 0; key < 3000; key++) {
      memo.read(memo.find([key, -key]), out);
      expect(out[0]).toBe(key / 7);
    }
  });

  it('finds every stored key again among many colliding integer keys (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 300,
          selector: (key) => key.join(','),
        }),
        (keys) => {
          const memo = new VectorMemo(4, 1);
          keys.forEach((key, i) => memo.insert(key, [i]));
          const out = new Float64Array(1);
          return keys.every((key, i) => {
            const slot = memo.find(key);
            if (slot < 0) return false;
            memo.read(slot, out);
            return out[0] === i;
          });
        },
      ),
      { seed: 20241123, numRuns: 200 },
    );
  });
});
