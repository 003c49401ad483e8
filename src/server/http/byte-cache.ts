// A least-recently-used cache bounded by bytes, not by entries: entries differ a thousandfold in
// size (a one-word search's ranked list against a narrow one), so a count bound lets a client
// fill memory with a few hundred broad entries. Each entry's size is estimated by the caller.
export interface ByteCacheOptions<V> {
  /** Total bytes the entries may hold; the least recently used go first past it. */
  maxBytes: number;
  /** Estimated bytes of a value (its key is counted too). */
  sizeOf: (value: V) => number;
  /** Entries larger than this are not kept at all; default maxBytes / 4, so one entry cannot flush the rest. */
  maxEntryBytes?: number;
}

export class ByteCache<K, V> {
  private readonly map = new Map<K, { value: V; bytes: number }>();
  private total = 0;
  private readonly maxEntryBytes: number;

  constructor(private readonly options: ByteCacheOptions<V>) {
    if (!(options.maxBytes > 0)) throw new RangeError(`byte-cache: maxBytes must be positive, got ${options.maxBytes}`);
    this.maxEntryBytes = options.maxEntryBytes ?? Math.floor(options.maxBytes / 4);
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    // Re-inserting moves it to the end of the Map's order: the most recently used.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Keeps the value unless it alone is too large; returns whether it was kept. */
  set(key: K, value: V): boolean {
    const bytes = this.options.sizeOf(value) + (typeof key === "string" ? 2 * key.length : 8) + 64;
    this.delete(key);
    if (bytes > this.maxEntryBytes) return false;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.map) {
      if (this.total <= this.options.maxBytes) break;
      this.map.delete(k);
      this.total -= e.bytes;
    }
    return true;
  }

  delete(key: K): void {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.total -= e.bytes;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}

/** A rough size of a JSON-like value: 2 bytes a string character, 8 a number, plus per-object overhead. */
export function estimateBytes(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case "string": return 16 + 2 * value.length;
    case "number": case "boolean": return 8;
    case "object": {
      if (depth > 32) return 0;
      if (Buffer.isBuffer(value)) return value.length + 80;
      let n = 32;
      if (Array.isArray(value)) for (const v of value) n += 8 + estimateBytes(v, depth + 1);
      else for (const [k, v] of Object.entries(value as Record<string, unknown>)) n += 16 + 2 * k.length + estimateBytes(v, depth + 1);
      return n;
    }
    default: return 8;
  }
}
