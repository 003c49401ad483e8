import assert from "node:assert/strict";
import { totalsOf, type HeapSnapshotJson } from "../../bench/heap-snapshot";

describe("bench/heap-snapshot", () => {
  const meta = { node_fields: ["type", "name", "id", "self_size", "edge_count"], node_types: [["hidden", "object", "code", "string"], "string"] };
  it("sums every node's self size, and the compiled code's apart", () => {
    const s: HeapSnapshotJson = {
      snapshot: { meta },
      // object 100, code 40, string 7, code 13
      nodes: [1, 0, 1, 100, 0, 2, 0, 2, 40, 0, 3, 0, 3, 7, 0, 2, 0, 4, 13, 0],
    };
    assert.deepEqual(totalsOf(s), { totalBytes: 160, codeBytes: 53 }, "160 bytes in all, 53 of them code");
  });
  it("refuses a snapshot it cannot read rather than summing the wrong field", () => {
    assert.throws(() => totalsOf({ snapshot: { meta: { node_fields: ["type", "name"], node_types: [["code"]] } }, nodes: [] }), /self_size/, "no self_size field");
    assert.throws(() => totalsOf({ snapshot: { meta: { node_fields: ["type", "self_size"], node_types: ["code"] } }, nodes: [] }), /type names/, "no type list");
  });
});
