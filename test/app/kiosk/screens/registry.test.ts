import assert from "node:assert/strict";
import { parseScreen, screenKey } from "../../../../src/app/kiosk/screens/registry";

describe("kiosk/screens/registry", () => {
  it("keys screens stably", () => {
    assert.equal(screenKey({ kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" }), "services:3273:3273-imigrasi", "services key");
  });

  it("parses each registered kind and refuses anything else with a TypeError", () => {
    assert.deepEqual(parseScreen({ kind: "service", serviceId: "3273-imigrasi-paspor-biasa" }), { kind: "service", serviceId: "3273-imigrasi-paspor-biasa" }, "service");
    assert.deepEqual(parseScreen({ kind: "agencies", regionCode: "3273" }), { kind: "agencies", regionCode: "3273" }, "agencies");
    for (const bad of [null, {}, { kind: "toString" }, { kind: "queue" }, { kind: "service" }, { kind: "services", regionCode: "3273" }]) {
      assert.throws(() => parseScreen(bad), TypeError, `refused: ${JSON.stringify(bad)}`);
    }
  });
});
