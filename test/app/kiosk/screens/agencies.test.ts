import assert from "node:assert/strict";
import { agenciesScreen, agenciesView } from "../../../../src/app/kiosk/screens/agencies";
import { bandung } from "../../fixtures";
import { ctx } from "./view-context";

describe("kiosk/screens/agencies", () => {
  it("lists a region's agencies with counts and counters", () => {
    const v = agenciesView({ kind: "agencies", regionCode: "3273" }, bandung, ctx());
    assert.equal(v.status, "ready", "ready");
    assert.equal(v.title, "Kota Bandung", "region name is the title");
    assert.deepEqual(v.items.map((i) => i.id), ["3273-imigrasi", "3273-disdukcapil"], "one row per agency");
    assert.equal(v.items[0]?.detail, "2 layanan · Loket B2", "service count and counter label");
    assert.equal(v.items[1]?.detail, "1 layanan", "no counter text when no counters");
    assert.deepEqual(v.actions.map((a) => a.id), ["queue", "close"], "Ambil antrean, and only close on a first screen");
  });

  it("uses English agency names where present", () => {
    const v = agenciesView({ kind: "agencies", regionCode: "3273" }, bandung, ctx("en"));
    assert.equal(v.items[0]?.label, "Bandung Immigration Office", "nameEn used");
    assert.equal(v.items[1]?.label, "Dinas Kependudukan dan Pencatatan Sipil", "falls back to name when nameEn is empty");
    assert.equal(v.items[0]?.detail, "2 services · Counter B2", "English detail");
  });

  it("refuses data for another region", () => {
    assert.throws(() => agenciesView({ kind: "agencies", regionCode: "3201" }, bandung, ctx()), /region 3273 given/, "mismatch named");
  });

  it("opens an agency's services when its row is chosen, and parses only its own screens", () => {
    const screen = { kind: "agencies", regionCode: "3273" } as const;
    assert.deepEqual(agenciesScreen.select?.(screen, "3273-imigrasi"), { kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" }, "next screen");
    assert.deepEqual(agenciesScreen.parse({ kind: "agencies", regionCode: "3273", extra: 1 }), screen, "extra fields dropped");
    assert.equal(agenciesScreen.parse({ kind: "agencies", regionCode: "" }), null, "an empty code is refused");
    assert.equal(agenciesScreen.parse({ kind: "services", regionCode: "3273" }), null, "another kind is refused");
  });
});
