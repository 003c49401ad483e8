import assert from "node:assert/strict";
import { servicesScreen, servicesView } from "../../../../src/app/kiosk/screens/services";
import { bandung, ePasporSummary, ktpSummary, pasporSummary } from "../../fixtures";
import { ctx } from "./view-context";

describe("kiosk/screens/services", () => {
  it("lists one agency's services with fee and unverified mark", () => {
    const screen = { kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" } as const;
    const v = servicesView(screen, { region: bandung, services: [pasporSummary, ePasporSummary, ktpSummary] }, ctx("id", { canGoBack: true }));
    assert.equal(v.title, "Kantor Imigrasi Kelas I TPI Bandung", "agency name is the title");
    assert.equal(v.subtitle, "Kota Bandung", "region name is the subtitle");
    assert.deepEqual(v.items.map((i) => i.id), [pasporSummary.id, ePasporSummary.id], "other agencies' services filtered out");
    assert.equal(v.items[0]?.detail, "Biaya: Rp 350.000", "verified service shows its fee, named");
    assert.equal(v.items[1]?.detail, "Biaya: Rp 650.000 · Belum diverifikasi", "unverified service says so, each part named");
    const unknown = servicesView(screen, { region: bandung, services: [{ ...ePasporSummary, fee: { ...ePasporSummary.fee, amount: null } }] }, ctx("id"));
    assert.equal(unknown.items[0]?.detail, "Biaya: Tidak diketahui · Belum diverifikasi", "an unknown fee says it is the fee that is unknown");
    assert.deepEqual(v.actions.map((a) => a.id), ["back", "queue", "close"], "back when there is a previous screen, and Ambil antrean");
  });

  it("says when an agency has no services", () => {
    const screen = { kind: "services", regionCode: "3273", agencyId: "3273-disdukcapil" } as const;
    const v = servicesView(screen, { region: bandung, services: [] }, ctx());
    assert.equal(v.items.length, 0, "no rows");
    assert.match(v.sections[0]?.lines[0]?.text ?? "", /Belum ada layanan/, "empty message");
    assert.throws(() => servicesView({ ...screen, agencyId: "3273-nope" }, { region: bandung, services: [] }, ctx()), /not in region/, "unknown agency refused");
  });

  it("loads the region and that agency's services, and refuses an agency the region lacks", async () => {
    const asked: string[] = [];
    const api = {
      region: async () => bandung,
      services: async (code: string, opts?: { agency?: string }) => { asked.push(`${code}:${opts?.agency}`); return [pasporSummary]; },
      service: async () => { throw new Error("not asked"); },
    };
    const data = await servicesScreen.load({ kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" }, api);
    assert.deepEqual(asked, ["3273:imigrasi"], "services asked by the agency's slug");
    assert.equal(data.region, bandung, "the region comes along");
    await assert.rejects(servicesScreen.load({ kind: "services", regionCode: "3273", agencyId: "3273-nope" }, api), /not in region/, "unknown agency");
    assert.deepEqual(servicesScreen.select?.({ kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" }, pasporSummary.id),
      { kind: "service", serviceId: pasporSummary.id }, "a row opens its service");
  });
});
