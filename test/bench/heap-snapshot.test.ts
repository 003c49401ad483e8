import assert from "node:assert/strict";
import { codeTiersOf, totalsOf, type HeapSnapshotJson } from "../../bench/heap-snapshot";

describe("bench/heap-snapshot", () => {
  const meta = { node_fields: ["type", "name", "id", "self_size", "edge_count"], node_types: [["hidden", "object", "code", "string", "native"], "string"] };
  const strings = ["", "Object", "system / JSArrayBufferData", "HTMLDivElement", "system / Code"];
  it("splits every node's self size into compiled code, JS objects, V8's data and the page's native objects", () => {
    const s: HeapSnapshotJson = {
      snapshot: { meta },
      strings,
      nodes: [
        1, 1, 1, 100, 0, // object 100: JS
        2, 4, 2, 40, 0, // code 40
        3, 0, 3, 7, 0, // string 7: JS
        2, 0, 4, 13, 0, // code 13
        4, 2, 5, 500, 0, // native "system / ...": V8's data (an ArrayBuffer's contents)
        4, 3, 6, 30, 0, // native: the page's (a DOM element)
        0, 0, 7, 2, 0, // hidden 2: JS heap
      ],
    };
    assert.deepEqual(
      totalsOf(s),
      { totalBytes: 692, codeBytes: 53, jsBytes: 109, v8DataBytes: 500, nativeBytes: 30 },
      "692 bytes in all: 53 code, 109 JS objects, 500 V8 data, 30 the page's native objects",
    );
  });
  it("refuses a snapshot it cannot read rather than summing the wrong field", () => {
    assert.throws(() => totalsOf({ snapshot: { meta: { node_fields: ["type", "name"], node_types: [["code"]] } }, nodes: [], strings }), /self_size/, "no self_size field");
    assert.throws(() => totalsOf({ snapshot: { meta: { node_fields: ["type", "self_size"], node_types: [["code"]] } }, nodes: [], strings }), /name/, "no name field (native nodes are told apart by name)");
    assert.throws(() => totalsOf({ snapshot: { meta: { node_fields: ["type", "name", "self_size"], node_types: ["code"] } }, nodes: [], strings }), /type names/, "no type list");
  });
  it("counts V8's compiled code objects by tier from the edges each one has", () => {
    const names = ["", "system / Code", "system / InstructionStream", "interpreter_data", "deoptimization_data", "instruction_stream", "system / BytecodeArray"];
    const s: HeapSnapshotJson = {
      snapshot: {
        meta: {
          node_fields: ["type", "name", "id", "self_size", "edge_count"],
          node_types: [["hidden", "code"]],
          edge_fields: ["type", "name_or_index", "to_node"],
          edge_types: [["context", "element", "property", "internal", "hidden"]],
        },
      },
      strings: names,
      nodes: [
        1, 1, 1, 40, 2, // baseline: its bytecode and its instructions
        1, 1, 2, 40, 2, // optimized: deoptimization data and instructions
        1, 1, 3, 40, 2, // a builtin: instructions only (an element edge whose index is 3 is no name)
        1, 6, 4, 10, 1, // a bytecode array that points at "interpreter_data" is not code itself
      ],
      edges: [
        3, 3, 0, 3, 5, 0,
        3, 4, 0, 3, 5, 0,
        3, 5, 0, 1, 3, 0,
        3, 3, 0,
      ],
    };
    assert.deepEqual(codeTiersOf(s), { baseline: 1, optimized: 1, other: 1 }, "one code object of each tier");
    assert.throws(() => codeTiersOf({ ...s, edges: undefined }), /edges/, "a snapshot without edges is refused");
  });
});
