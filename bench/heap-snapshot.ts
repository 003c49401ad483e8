// What a heap snapshot holds, split by V8's node type: the bench's memory run tells V8's compiled
// code from the rest (JS objects, and the page's native objects the snapshot also holds). Runtime.getHeapUsage counts both, and compiled code grows as
// functions become hot and are optimized over the first few hundred visits, not because the app
// keeps anything (bench:heap showed 863 KB of 2,663 code objects after the warm-up, 2026-12-07).
import type { CDPSession } from "playwright-core";

export interface HeapTotals {
  /** Self sizes of every node in the snapshot. */
  totalBytes: number;
  /** Of them, V8's compiled code (node type "code"). */
  codeBytes: number;
}

export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
}

export function totalsOf(s: HeapSnapshotJson): HeapTotals {
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  if (!Array.isArray(types)) throw new Error("heap snapshot: node_types[0] is not the list of type names");
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  if (typeAt < 0 || sizeAt < 0 || width === 0) throw new Error(`heap snapshot: no type or self_size among node fields ${fields.join(",")}`);
  const code = types.indexOf("code");
  let totalBytes = 0;
  let codeBytes = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const size = s.nodes[i + sizeAt]!;
    totalBytes += size;
    if (s.nodes[i + typeAt] === code) codeBytes += size;
  }
  return { totalBytes, codeBytes };
}

/** Takes a heap snapshot of the page (V8 collects garbage first) and sums it. */
export async function heapTotals(cdp: CDPSession): Promise<HeapTotals> {
  const chunks: string[] = [];
  const on = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", on);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false } as never);
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", on);
  }
  return totalsOf(JSON.parse(chunks.join("")) as HeapSnapshotJson);
}
