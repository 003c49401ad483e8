import assert from "node:assert/strict";
import { ByteCache, estimateBytes } from "../../src/server/http/byte-cache";

describe("byte cache", () => {
  it("evicts the least recently used entries past its byte bound, whatever their number", () => {
    const c = new ByteCache<string, Buffer>({ maxBytes: 10_000, sizeOf: (b) => b.length });
    c.set("a", Buffer.alloc(2000));
    c.set("b", Buffer.alloc(2000));
    c.set("c", Buffer.alloc(2000));
    assert.ok(c.get("a"), "a is used: now the most recent");
    c.set("d", Buffer.alloc(2000));
    c.set("e", Buffer.alloc(2000));
    assert.ok(c.bytes <= 10_000, `within the bound (${c.bytes})`);
    assert.equal(c.get("b"), undefined, "the least recently used went first");
    assert.ok(c.get("a") && c.get("e"), "recent ones stay");
    for (let i = 0; i < 1000; i++) c.set(`small${i}`, Buffer.alloc(1));
    assert.ok(c.bytes <= 10_000, "many small entries stay within the bound too");
  });

  it("refuses an entry larger than a quarter of the bound, so one cannot flush the rest", () => {
    const c = new ByteCache<string, Buffer>({ maxBytes: 10_000, sizeOf: (b) => b.length });
    c.set("keep", Buffer.alloc(100));
    assert.equal(c.set("huge", Buffer.alloc(3000)), false, "not kept");
    assert.ok(c.get("keep"), "the others stay");
    c.clear();
    assert.equal(c.size, 0, "cleared");
    assert.equal(c.bytes, 0, "no bytes counted");
  });

  it("estimates the size of JSON-like values, growing with their content", () => {
    const one = estimateBytes({ service: { id: "3273-x", name: "Paspor" }, score: 1 });
    const many = estimateBytes(Array.from({ length: 100 }, () => ({ service: { id: "3273-x", name: "Paspor" }, score: 1 })));
    assert.ok(one > 50, `an object costs something (${one})`);
    assert.ok(many > 90 * one, `a hundred cost about a hundred times (${many} vs ${one})`);
  });
});
