// Deterministic pseudo-random numbers from a string key: the same region code always gives the
// same building, on every machine (no Math.random, no dates).

/** FNV-1a, 32 bit: small, well spread for short keys such as "3273:roof". */
export function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // One xorshift round so that keys differing only in the last character still differ in the low bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** A number in [0, 1) drawn from `key`. */
export function unit(key: string): number {
  return fnv1a(key) / 0x100000000;
}

/** An integer in [min, max] (both inclusive) drawn from `key`. */
export function intIn(key: string, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new Error(`hash: bad integer range [${min}, ${max}]`);
  }
  return min + Math.floor(unit(key) * (max - min + 1));
}

/** One of `items`, drawn from `key`. */
export function pick<T>(key: string, items: readonly T[]): T {
  if (items.length === 0) throw new Error("hash: pick from an empty list");
  return items[fnv1a(key) % items.length] as T;
}
