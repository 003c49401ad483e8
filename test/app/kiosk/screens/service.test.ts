import assert from "node:assert/strict";
import { serviceScreen, serviceView } from "../../../../src/app/kiosk/screens/service";
import { bare, paspor } from "../../fixtures";
import { ctx } from "./view-context";

const section = (v: ReturnType<typeof serviceView>, heading: string) => {
  const s = v.sections.find((x) => x.heading === heading);
  assert.ok(s, `section ${heading} exists`);
  return { ...s, lines: s.lines.map((l) => l.text) };
};

describe("kiosk/screens/service", () => {
  it("shows a service in full: the domain's service sheet, with the kiosk's actions", () => {
    const v = serviceView({ kind: "service", serviceId: paspor.id }, paspor, ctx());
    assert.deepEqual(v.sections.map((s) => s.heading), [
      "Biaya", "Persyaratan", "Prosedur", "Waktu penyelesaian", "Jam layanan", "Produk layanan", "Dasar hukum", "Pengaduan", "Layanan daring", "Sumber",
    ], "section order");
    assert.deepEqual(section(v, "Biaya").lines, ["Rp 350.000", "PNBP, PP 28/2019"], "fee and note");
    assert.equal(section(v, "Prosedur").lines[0], "Ambil nomor antrean", "steps as written");
    assert.equal(v.sections.find((s) => s.id === "steps")?.ordered, true, "steps are numbered by the renderers");
    assert.deepEqual(section(v, "Pengaduan").lines, ["SP4N-LAPOR!: https://www.lapor.go.id", "Loket pengaduan: tanyakan di loket"], "label: value");
    assert.equal(v.intro, "Permohonan paspor biasa.", "the description under the title");
    assert.deepEqual(v.notice, { kind: "verified", text: "Terakhir diverifikasi 7 Maret 2023 (lebih dari setahun lalu)" }, "verified notice with date, and its age (over a year)");
    const online = v.actions.find((a) => a.id === "online");
    assert.equal(online?.href, "https://www.imigrasi.go.id/", "online action links to the service");
    assert.equal(v.subtitle, "Kantor Imigrasi Kelas I TPI Bandung · Kota Bandung", "agency and region");
  });

  it("shows missing fields as unknown and an unverified record as such", () => {
    const v = serviceView({ kind: "service", serviceId: bare.id }, bare, ctx());
    for (const s of v.sections) {
      assert.ok(s.lines.some((l) => l.text === "Tidak diketahui"), `${s.heading} shows "Tidak diketahui"`);
    }
    assert.deepEqual(v.notice, { kind: "unverified", text: "Belum diverifikasi — belum ada sumber resmi" }, "unverified notice");
    assert.equal(v.actions.some((a) => a.id === "online"), false, "no online action without a URL");
    const withSource = serviceView({ kind: "service", serviceId: bare.id }, { ...bare, source: "x" }, ctx());
    assert.equal(withSource.notice?.text, "Belum diverifikasi: periksa di loket sebelum datang", "unverified with a source");
  });

  it("renders a service in English", () => {
    const v = serviceView({ kind: "service", serviceId: paspor.id }, paspor, ctx("en"));
    assert.equal(v.title, "Ordinary passport, 48 pages", "nameEn used");
    assert.equal(v.sections[0]?.heading, "Fee", "English heading");
    assert.equal(v.notice?.text, "Last verified 7 March 2023 (more than a year ago)", "English notice");
    const free = serviceView({ kind: "service", serviceId: paspor.id }, { ...paspor, fee: { amount: 0, note: null } }, ctx("en"));
    assert.deepEqual(free.sections[0]?.lines, [{ text: "Free" }], "zero fee is Free");
  });

  it("marks old data and keeps the verification date in the source section", () => {
    const v = serviceView({ kind: "service", serviceId: paspor.id }, paspor, ctx("id", { dataAsOf: "2026-11-27T07:05:00Z" }));
    assert.deepEqual(v.notice, { kind: "stale", text: "Informasi per 27 Nov 2026, 14.05 WIB" }, "stale notice");
    assert.ok(v.sections.at(-1)?.lines.some((l) => l.text === "Terakhir diverifikasi 7 Maret 2023 (lebih dari setahun lalu)"), "verification moved to Sumber");
  });

  it("never turns a non-web URL into a link", () => {
    const v = serviceView({ kind: "service", serviceId: paspor.id }, { ...paspor, onlineUrl: "javascript:alert(1)" }, ctx());
    assert.equal(v.actions.some((a) => a.id === "online"), false, "no online action for javascript:");
  });

  it("has no choosable rows and refuses the record of another service", () => {
    assert.equal(serviceScreen.select, undefined, "a service sheet has no rows to choose");
    assert.throws(() => serviceView({ kind: "service", serviceId: "3273-x-y" }, paspor, ctx()), /given for screen of 3273-x-y/, "mismatch named");
  });
});
