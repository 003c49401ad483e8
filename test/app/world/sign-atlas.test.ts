import assert from "node:assert/strict";
import { atlasLayout, cellUv } from "../../../src/app/world/sign-atlas";

describe("world/sign-atlas", () => {
  it("lays 27 building signs of 512 x 128 in four columns of a 2048 px texture", () => {
    const l = atlasLayout(27, 512, 128);
    assert.deepEqual(l, { columns: 4, rows: 7, cellWidth: 512, cellHeight: 128 }, "4 columns, 7 rows");
  });

  it("uses one cell for a single sign and refuses more signs than the texture holds", () => {
    assert.deepEqual(atlasLayout(1, 512, 256), { columns: 4, rows: 1, cellWidth: 512, cellHeight: 256 }, "one row");
    // 1024 px: 2 columns of 512 px, 8 rows of 128 px.
    assert.throws(() => atlasLayout(17, 512, 128, 1024), /17 cells of 512x128 exceed 1024px/, "too many for 1024 px");
    assert.equal(atlasLayout(16, 512, 128, 1024).rows, 8, "exactly full is fine");
  });

  it("maps a cell to its part of the texture, top row first (v = 0 at the top, as glTF)", () => {
    const l = atlasLayout(27, 512, 128);
    assert.deepEqual(cellUv(l, 0, 2048, 1024), { su: 0.25, ou: 0, sv: 0.125, ov: 0 }, "first cell, top left");
    assert.deepEqual(cellUv(l, 5, 2048, 1024), { su: 0.25, ou: 0.25, sv: 0.125, ov: 0.125 }, "sixth cell: second row, second column");
  });
});
