import assert from "node:assert/strict";
import { createI18n } from "../../../src/app/i18n/i18n";
import {
  agenciesView, errorView, loadingView, screenKey, servicesView, serviceView, type ViewContext,
} from "../../../src/app/kiosk/view-model";
import { bandung, bare, ePasporSummary, ktpSummary, paspor, pasporSummary } from "../fixtures";

const ctx = (lang: "id" | "en" = "id", extra: Partial<ViewContext> = {}): ViewContext => {
  const i18n = createI18n({ url: new URL(`https://x/?lang=${lang}`) });
  return { i18n, canGoBack: false, ...extra };
};
const section = (v: ReturnType<typeof serviceView>, heading: string) => {
  const s = v.sections.find((x) => x.heading === heading);
  assert.ok(s, `section ${heading} exists`);
  return { ...s, lines: s.lines.map((l) => l.text) };
};

describe("kiosk/view-model", () => {
  it("lists a region's agencies with counts and counters", () => {
    const v = agenciesView({ kind: "agencies", regionCode: "3273" }, bandung, ctx());
    assert.equal(v.status, "ready", "ready");
    assert.equal(v.title, "Kota Bandung", "region name is the title");
    assert.deepEqual(v.items.map((i) => i.id), ["3273-imigrasi", "3273-disdukcapil"], "one row per agency");
    assert.equal(v.items[0]?.detail, "2 layanan · Loket B2", "service count and counter label");
    assert.equal(v.items[1]?.detail, "1 layanan", "no counter text when no counters");
    assert.deepEqual(v.actions.map((a) => a.id), ["close"], "only close on a first screen");
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

  it("lists one agency's services with fee and unverified mark", () => {
    const screen = { kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" } as const;
    const v = servicesView(screen, { region: bandung, services: [pasporSummary, ePasporSummary, ktpSummary] }, ctx("id", { canGoBack: true }));
    assert.equal(v.title, "Kantor Imigrasi Kelas I TPI Bandung", "agency name is the title");
    assert.equal(v.subtitle, "Kota Bandung", "region name is the subtitle");
    assert.deepEqual(v.items.map((i) => i.id), [pasporSummary.id, ePasporSummary.id], "other agencies' services filtered out");
    assert.equal(v.items[0]?.detail, "Rp 350.000", "verified service shows its fee");
    assert.equal(v.items[1]?.detail, "Rp 650.000 · Belum diverifikasi", "unverified service says so");
    assert.deepEqual(v.actions.map((a) => a.id), ["back", "close"], "back when there is a previous screen");
  });

  it("says when an agency has no services", () => {
    const screen = { kind: "services", regionCode: "3273", agencyId: "3273-disdukcapil" } as const;
    const v = servicesView(screen, { region: bandung, services: [] }, ctx());
    assert.equal(v.items.length, 0, "no rows");
    assert.match(v.sections[0]?.lines[0]?.text ?? "", /Belum ada layanan/, "empty message");
    assert.throws(() => servicesView({ ...screen, agencyId: "3273-nope" }, { region: bandung, services: [] }, ctx()), /not in region/, "unknown agency refused");
  });

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
    assert.deepEqual(v.notice, { kind: "verified", text: "Terakhir diverifikasi 7 Maret 2023" }, "verified notice with date");
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
    assert.equal(v.notice?.text, "Last verified 7 March 2023", "English notice");
    const free = serviceView({ kind: "service", serviceId: paspor.id }, { ...paspor, fee: { amount: 0, note: null } }, ctx("en"));
    assert.deepEqual(free.sections[0]?.lines, [{ text: "Free" }], "zero fee is Free");
  });

  it("marks old data and keeps the verification date in the source section", () => {
    const v = serviceView({ kind: "service", serviceId: paspor.id }, paspor, ctx("id", { dataAsOf: "2026-11-27T07:05:00Z" }));
    assert.deepEqual(v.notice, { kind: "stale", text: "Informasi per 27 Nov 2026, 14.05 WIB" }, "stale notice");
    assert.ok(v.sections.at(-1)?.lines.some((l) => l.text === "Terakhir diverifikasi 7 Maret 2023"), "verification moved to Sumber");
  });

  it("never turns a non-web URL into a link", () => {
    const v = serviceView({ kind: "service", serviceId: paspor.id }, { ...paspor, onlineUrl: "javascript:alert(1)" }, ctx());
    assert.equal(v.actions.some((a) => a.id === "online"), false, "no online action for javascript:");
  });

  it("builds loading and error views with the right actions", () => {
    const screen = { kind: "service", serviceId: paspor.id } as const;
    const l = loadingView(screen, ctx());
    assert.equal(l.status, "loading", "loading status");
    assert.equal(l.title, "Memuat…", "loading title");
    const e = errorView(screen, ctx("id", { canGoBack: true }));
    assert.equal(e.status, "error", "error status");
    assert.equal(e.notice?.kind, "error", "error notice");
    assert.deepEqual(e.actions.map((a) => a.id), ["back", "retry", "close"], "retry offered");
  });

  it("keys screens stably", () => {
    assert.equal(screenKey({ kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" }), "services:3273:3273-imigrasi", "services key");
  });
});
