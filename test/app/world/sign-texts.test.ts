import assert from "node:assert/strict";
import { regionSign, legendEntries, STATUS_COLORS, counterSign } from "../../../src/app/world/sign-texts";
import { createI18n } from "../../../src/app/i18n/i18n";
import type { RegionSummary, PhysicalMppStatus } from "../../../src/domain/types";

const region = (status: PhysicalMppStatus): RegionSummary => ({
  code: "3205", name: "Kabupaten Garut", type: "kabupaten", seat: "Garut", lat: -7.21, lon: 107.9,
  physicalMpp: { status, note: null, source: null }, agencyCount: 12, serviceCount: 40,
});

describe("world/sign-texts", () => {
  const id = createI18n({ url: new URL("http://localhost/?lang=id") });
  const en = createI18n({ url: new URL("http://localhost/?lang=en") });

  it("names the region from data", () => {
    assert.equal(regionSign(region("yes"), "3205", id).title, "Kabupaten Garut", "the sign's title is the region name");
    assert.equal(regionSign(undefined, "3205", id).title, "3205", "without data it falls back to the code");
  });

  it("never calls an unknown status 'digital only'", () => {
    const s = regionSign(region("unknown"), "3205", id).subtitle ?? "";
    assert.ok(!s.includes(id.t("legend.digitalOnly")), `unknown status sign says: ${s}`);
    assert.ok(s.includes(id.t("legend.unknownPhysical")), "it says the status is unknown");
  });

  it("says each status in the visitor's language", () => {
    assert.match(regionSign(region("yes"), "3205", en).subtitle ?? "", /Physical MPP/, "English for physical");
    assert.match(regionSign(region("planned"), "3205", id).subtitle ?? "", /direncanakan/, "Indonesian for planned");
  });

  it("gives the legend one entry per colour the buildings use", () => {
    const colors = legendEntries(id).map((e) => e.color);
    assert.deepEqual(new Set(colors), new Set([STATUS_COLORS.yes, STATUS_COLORS.planned, STATUS_COLORS.unknown]), "warm, amber and teal");
    assert.equal(regionSign(region("yes"), "3205", id).style.accent, STATUS_COLORS.yes, "a sign's accent matches its legend colour");
  });

  it("signs a counter with the agency's short name and its counter labels from data", () => {
    const s = counterSign({ shortName: "Imigrasi", name: "Kantor Imigrasi", counters: [{ id: "3273-imigrasi-1", label: "L1" }, { id: "3273-imigrasi-2", label: "L2" }] });
    assert.equal(s.title, "Imigrasi", "the short name is the title");
    assert.equal(s.subtitle, "Loket L1 · L2", "the counter labels follow");
    const none = counterSign({ shortName: "PDAM", name: "Perumda Air Minum", counters: [] });
    assert.equal(none.subtitle, "Perumda Air Minum", "without counters listed, the full name");
  });
});
