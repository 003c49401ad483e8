// What a heap snapshot holds, split by who keeps it, so the bench's memory run can say what grew:
// - code: V8's compiled code and its metadata (node type "code": bytecode, baseline and optimized
//   machine code, feedback vectors, function infos). It grows as functions become hot and V8 tiers
//   them up, visit after visit, not because the app keeps anything;
// - JS objects: everything else in V8's JS heap (objects, arrays, strings, closures, maps): what the
//   app and Babylon keep. A leak in the app shows here;
// - V8 data: V8's own objects outside the JS object space ("native" nodes named "system / ...":
//   ArrayBuffer contents, script sources, dependent-code lists of optimized code);
// - the page's native objects (the other "native" nodes: DOM, DevTools' network buffer, which exists
//   because the bench attaches DevTools, and the performance timeline's entries).
// Runtime.getHeapUsage counts code and JS objects together.
import type { CDPSession } from "playwright-core";

export interface HeapTotals {
  /** Self sizes of every node in the snapshot. */
  totalBytes: number;
  /** V8's compiled code and its metadata (node type "code"). */
  codeBytes: number;
  /** The JS heap's objects: every node that is neither code nor native. */
  jsBytes: number;
  /** V8's own native data ("native" nodes named "system / ..."). */
  v8DataBytes: number;
  /** The page's native (Blink) objects: the other "native" nodes. */
  nativeBytes: number;
}

export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[]; edge_fields?: string[]; edge_types?: unknown[] } };
  nodes: number[];
  edges?: number[];
  strings: string[];
}

export interface CodeTiers {
  /** Sparkplug's baseline code: it keeps its function's bytecode (edge "interpreter_data"). */
  baseline: number;
  /** Maglev's or TurboFan's optimized code: it keeps its deoptimization data. */
  optimized: number;
  /** Builtins, regular expressions and the rest. */
  other: number;
}

/** V8's compiled code objects ("system / Code") by tier, told apart by the edges each one has. */
export function codeTiersOf(s: HeapSnapshotJson): CodeTiers {
  const f = s.snapshot.meta.node_fields, w = f.length, nameAt = f.indexOf("name"), edgeCountAt = f.indexOf("edge_count");
  const ef = s.snapshot.meta.edge_fields ?? [], ew = ef.length, edgeName = ef.indexOf("name_or_index"), edgeType = ef.indexOf("type");
  const edgeTypes = s.snapshot.meta.edge_types?.[0];
  if (nameAt < 0 || edgeCountAt < 0 || edgeName < 0 || edgeType < 0 || !Array.isArray(edgeTypes) || !s.edges) {
    throw new Error("heap snapshot: no names, edge counts or edges to tell code tiers apart");
  }
  const tiers: CodeTiers = { baseline: 0, optimized: 0, other: 0 };
  for (let i = 0, e = 0; i < s.nodes.length; i += w) {
    const count = s.nodes[i + edgeCountAt]!;
    if (s.strings[s.nodes[i + nameAt]!] === "system / Code") {
      let tier: keyof CodeTiers = "other";
      for (let k = 0; k < count; k++) {
        const at = e + k * ew;
        const type = edgeTypes[s.edges[at + edgeType]!];
        if (type === "element" || type === "hidden") continue; // name_or_index is an index there
        const name = s.strings[s.edges[at + edgeName]!];
        if (name === "interpreter_data") tier = "baseline";
        else if (name === "deoptimization_data" || name === "deoptimization_data_or_interpreter_data") tier = "optimized";
      }
      tiers[tier]++;
    }
    e += count * ew;
  }
  return tiers;
}

export function totalsOf(s: HeapSnapshotJson): HeapTotals {
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  if (!Array.isArray(types)) throw new Error("heap snapshot: node_types[0] is not the list of type names");
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  if (typeAt < 0 || nameAt < 0 || sizeAt < 0 || width === 0) throw new Error(`heap snapshot: no type, name or self_size among node fields ${fields.join(",")}`);
  const code = types.indexOf("code");
  const native = types.indexOf("native");
  const t: HeapTotals = { totalBytes: 0, codeBytes: 0, jsBytes: 0, v8DataBytes: 0, nativeBytes: 0 };
  for (let i = 0; i < s.nodes.length; i += width) {
    const size = s.nodes[i + sizeAt]!;
    const type = s.nodes[i + typeAt];
    t.totalBytes += size;
    if (type === code) t.codeBytes += size;
    else if (type !== native) t.jsBytes += size;
    else if (String(s.strings[s.nodes[i + nameAt]!]).startsWith("system / ")) t.v8DataBytes += size;
    else t.nativeBytes += size;
  }
  return t;
}

/** Takes a heap snapshot of the page (V8 collects garbage first): its JSON text. */
export async function snapshotText(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const on = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", on);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false } as never);
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", on);
  }
  return chunks.join("");
}

/** Takes a heap snapshot of the page and sums it. */
export async function heapTotals(cdp: CDPSession): Promise<HeapTotals> {
  return totalsOf(JSON.parse(await snapshotText(cdp)) as HeapSnapshotJson);
}
