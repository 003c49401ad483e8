import assert from "node:assert/strict";
import type { RegionSummary } from "../../src/domain/types";

describe("test runner", () => {
  it("loads TypeScript tests through tsx", () => {
    const r: Pick<RegionSummary, "code"> = { code: "3273" };
    assert.equal(r.code.length, 4, "a region code has four digits");
  });
});
