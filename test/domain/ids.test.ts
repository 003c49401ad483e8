import assert from "node:assert/strict";
import { formatAgencyId, formatServiceId, isRegionCode, isServiceId, isSlug, parseServiceId } from "../../src/domain/ids";

describe("domain/ids", () => {
  it("recognises region codes", () => {
    assert.equal(isRegionCode("3273"), true, "four digits");
    for (const bad of ["327", "32730", "32a3", "", 3273, null]) assert.equal(isRegionCode(bad), false, `${String(bad)} rejected`);
  });

  it("recognises slugs and service ids", () => {
    assert.equal(isSlug("polres-sim"), true, "hyphenated slug");
    assert.equal(isSlug("Polres"), false, "uppercase rejected");
    assert.equal(isSlug("a--b"), false, "double hyphen rejected");
    assert.equal(isServiceId("3273-imigrasi-paspor-biasa"), true, "a service id");
    for (const bad of ["3273-imigrasi", "3273imigrasi-x", "3273-imigrasi-", "abcd-x-y", `3273-${"a".repeat(120)}-b`]) {
      assert.equal(isServiceId(bad), false, `${bad.slice(0, 20)} rejected`);
    }
  });

  it("formats ids and parses them back with the agency slugs", () => {
    const slugs = ["polres", "polres-sim", "imigrasi"];
    const id = formatServiceId({ regionCode: "3204", agencySlug: "polres-sim", serviceSlug: "sim-a-baru" });
    assert.equal(id, "3204-polres-sim-sim-a-baru", "formatted");
    assert.deepEqual(parseServiceId(id, slugs), { regionCode: "3204", agencySlug: "polres-sim", serviceSlug: "sim-a-baru" }, "longest agency slug wins");
    assert.equal(parseServiceId("3204-bpn-x", slugs), null, "unknown agency");
    assert.equal(parseServiceId("3204-imigrasi", slugs), null, "no service slug");
    assert.equal(formatAgencyId("3273", "imigrasi"), "3273-imigrasi", "agency id");
    assert.throws(() => formatAgencyId("32", "imigrasi"), /bad region code/, "bad code named");
    assert.throws(() => formatServiceId({ regionCode: "3273", agencySlug: "imigrasi", serviceSlug: "Paspor" }), /bad service slug/, "bad slug named");
  });
});
