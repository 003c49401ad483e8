import assert from "node:assert/strict";
import { replaceSection } from "../../bench/readme";

describe("bench/readme", () => {
  it("replaces only what lies between the bench markers", () => {
    const before = "# T\n\n## Benchmarks\n<!-- bench:start -->\nold table\n<!-- bench:end -->\n\n## After\n";
    const after = replaceSection(before, "new table");
    assert.equal(after, "# T\n\n## Benchmarks\n<!-- bench:start -->\nnew table\n<!-- bench:end -->\n\n## After\n", "text around the markers kept");
  });
  it("refuses a README without the markers", () => {
    assert.throws(() => replaceSection("# T\n", "x"), /no <!-- bench:start -->/, "nothing to replace is an error");
  });
});
