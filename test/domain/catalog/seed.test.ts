import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { agenciesForRegion, MAX_AGENCIES_PER_REGION } from "../../../src/domain/catalog/agencies";
import { defaultCatalog } from "../../../src/domain/catalog/data-files";
import { buildSeed } from "../../../src/domain/catalog/seed";
import { isServiceId } from "../../../src/domain/ids";
import { parseRegionsCsv } from "../../../src/domain/regions";

const CSV = fileURLToPath(new URL("../../../src/domain/catalog/kabkota-jabar.csv", import.meta.url));
const regions = parseRegionsCsv(readFileSync(CSV, "utf8"));
const seed = buildSeed(regions);
const catalog = defaultCatalog();
const imigrasi = catalog.find((c) => c.agency.slug === "imigrasi")!.agency.placement;
const IMIGRASI_PLAUSIBLE = new Set(imigrasi.kind === "regions" ? imigrasi.regions : []);

describe("domain/catalog seed", () => {
  it("gives every region 10..16 agencies (never more than the 16 counter slots) and >= 30 services", () => {
    for (const r of regions) {
      const agencies = seed.agencies.filter((a) => a.regionCode === r.code);
      const services = seed.services.filter((s) => s.regionCode === r.code);
      assert.ok(agencies.length >= 10 && agencies.length <= MAX_AGENCIES_PER_REGION, `${r.code}: ${agencies.length} agencies`);
      assert.ok(services.length >= 30, `${r.code}: ${services.length} services`);
      assert.ok(agencies.every((a) => a.counters.length >= 1 && a.counters.length <= 2), `${r.code}: 1-2 counters per agency`);
      const labels = agencies.flatMap((a) => a.counters.map((c) => c.label));
      assert.equal(new Set(labels).size, labels.length, `${r.code}: counter labels unique`);
    }
  });

  it("is deterministic and uses unique, well-formed ids", () => {
    assert.deepEqual(buildSeed(regions), seed, "same input, same seed");
    const ids = seed.services.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, "service ids unique");
    assert.ok(ids.every(isServiceId), "service ids well-formed");
    assert.deepEqual(agenciesForRegion("3273", catalog).map((c) => c.agency.slug), agenciesForRegion("3273", [...catalog].reverse()).map((c) => c.agency.slug), "stable choice");
  });

  it("keeps the 27 regions and every id of the seed before the catalog became data (existing databases keep working)", () => {
    const before = JSON.parse(readFileSync(fileURLToPath(new URL("./seed-ids.json", import.meta.url)), "utf8")) as
      { regions: string[]; agencies: string[]; counters: string[]; services: string[] };
    assert.equal(seed.regions.length, 27, "27 regions");
    assert.deepEqual(seed.regions.map((r) => r.code), before.regions, "same region codes");
    assert.deepEqual(seed.agencies.map((a) => a.id), before.agencies, "same agencies in the same order");
    assert.deepEqual(seed.agencies.flatMap((a) => a.counters.map((c) => c.id)), before.counters, "same counters");
    const now = new Set(seed.services.map((s) => s.id));
    const lost = before.services.filter((id) => !now.has(id));
    assert.deepEqual(lost, [], "no service id disappears (new ones may be added)");
  });

  it("places Imigrasi only where it is plausible", () => {
    for (const a of seed.agencies.filter((x) => x.slug === "imigrasi")) {
      assert.ok(IMIGRASI_PLAUSIBLE.has(a.regionCode), `${a.regionCode} is in the plausible set`);
      assert.match(a.note, /belum diverifikasi/, "says it is not verified");
    }
  });

  it("fills every service record fully or honestly null and unverified", () => {
    for (const s of seed.services) {
      assert.ok(s.name && s.nameEn && s.description, `${s.id}: names and description`);
      assert.ok(s.requirements.length > 0 && s.steps.length > 0, `${s.id}: requirements and steps`);
      assert.ok(s.complaintChannels.some((c) => c.kind === "lapor" && c.value === "https://www.lapor.go.id"), `${s.id}: SP4N-LAPOR!`);
      assert.ok(s.fee.amount === null || (Number.isInteger(s.fee.amount) && s.fee.amount >= 0), `${s.id}: fee amount`);
      if (s.verified) {
        assert.ok(s.source && s.lastVerified && /^\d{4}-\d{2}-\d{2}$/.test(s.lastVerified), `${s.id}: verified has source and date`);
      } else {
        assert.equal(s.lastVerified, null, `${s.id}: unverified has no date`);
      }
      if (s.source === null) assert.equal(s.verified, false, `${s.id}: no source, not verified`);
      assert.ok(s.onlineUrl === null || s.onlineUrl.startsWith("https://"), `${s.id}: online URL is https or null`);
    }
  });

  it("carries the researched national figures, each with its source", () => {
    const by = (slug: string) => seed.services.find((s) => s.regionCode === "3273" && s.slug === slug)!;
    const fee = (slug: string, amount: number | null, source: RegExp) => {
      assert.equal(by(slug).fee.amount, amount, `${slug}: fee`);
      assert.match(by(slug).source ?? "", source, `${slug}: names its source`);
    };
    fee("paspor-biasa", 350000, /PP 45\/2024/);
    fee("paspor-biasa-10-tahun", 650000, /PP 45\/2024/);
    fee("e-paspor", 650000, /PP 45\/2024/);
    fee("e-paspor-10-tahun", 950000, /PP 45\/2024/);
    fee("paspor-percepatan", 1000000, /PP 45\/2024/);
    fee("paspor-hilang", 1000000, /Haluan Kepri/);
    fee("paspor-rusak", 500000, /Haluan Kepri/);
    fee("sim-a-baru", 120000, /Surya Malang/);
    fee("sim-a-perpanjangan", 80000, /Surya Malang/);
    fee("sim-c-baru", 100000, /Surya Malang/);
    fee("sim-c-perpanjangan", 75000, /Surya Malang/);
    fee("sim-d-baru", 50000, /Tribun Pontianak/);
    fee("sim-d-perpanjangan", 30000, /Surya Malang/);
    fee("sim-internasional-baru", 250000, /Tribun Pontianak/);
    fee("skck", 30000, /IDX Channel/);
    fee("ktp-el-baru", 0, /Pasal 79A/);
    fee("akta-kematian", 0, /Pasal 79A/);
    fee("surat-pindah", 0, /Pasal 79A/);
    fee("nib", 0, /Kompas\.com/);
    fee("pajak-kendaraan-tahunan", null, /Perda|pajak progresif/);
    assert.match(by("pajak-kendaraan-tahunan").fee.note ?? "", /1,12%/, "PKB rate of Perda Jabar 9/2023 in the note");
    assert.match(by("balik-nama-kendaraan").fee.note ?? "", /BBNKB kendaraan bekas Rp0/, "BBNKB of a used vehicle");
    assert.ok(by("sim-a-baru").requirements.some((r) => r.includes("Jaminan Kesehatan Nasional")), "SIM needs active JKN (Perpol 2/2023)");
    assert.ok(by("skck").requirements.some((r) => r.includes("BPJS Kesehatan")), "SKCK needs active JKN (Perpol 6/2023)");
    assert.ok(by("nib").legalBasis.some((l) => l.startsWith("PP 28/2025")), "NIB under PP 28/2025");
  });

  it("verifies exactly the records whose fee and requirements rest on dated sources", () => {
    const verified = new Set(seed.services.filter((s) => s.verified).map((s) => s.slug));
    assert.deepEqual([...verified].sort(), [
      "e-paspor", "e-paspor-10-tahun", "paspor-biasa", "paspor-biasa-10-tahun", "paspor-hilang", "paspor-percepatan",
      "sim-a-baru", "sim-c-baru", "sim-d-baru",
    ], "verified slugs");
    for (const s of seed.services.filter((x) => x.verified)) assert.equal(s.lastVerified, "2026-12-07", `${s.id}: checked on the research date`);
  });

  it("shows a region's MPP hours, dated, on services without hours of their own, and only there", () => {
    const sumedang = seed.services.find((s) => s.id === "3211-disdukcapil-ktp-el-baru")!;
    assert.equal(sumedang.hours, "Jam buka Mal Pelayanan Publik Kabupaten Sumedang (sumber tanpa tanggal): Senin–Jumat 08.00–15.00; Sabtu, Minggu: belum diketahui");
    assert.match(sumedang.source ?? "", /hasanah\.id/, "the hours' source is in the source line");
    const karawang = seed.services.find((s) => s.id === "3215-polres-sim-sim-a-baru")!;
    assert.match(karawang.hours ?? "", /\(per 2021-09-14\): Setiap hari 10\.00–18\.00$/, "hours say how old they are");
    assert.equal(seed.services.find((s) => s.id === "3273-polres-sim-sim-a-baru")!.hours, null, "Ramadan-only hours are not regular hours");
    assert.equal(seed.services.find((s) => s.id === "3202-polres-sim-sim-a-baru")!.hours, null, "no MPP file, no hours");
  });

  it("says in the agency note when a sourced tenant list names it", () => {
    const note = (id: string) => seed.agencies.find((a) => a.id === id)!.note;
    assert.match(note("3271-imigrasi"), /^Tercantum sebagai "Imigrasi" dalam daftar instansi Mal Pelayanan Publik Kota Bogor/);
    assert.match(note("3273-bpn"), /belum diverifikasi/, "not in a partial list: the plausibility note stays");
  });

  it("places every agency of the catalog in at least one region", () => {
    for (const c of catalog) assert.ok(seed.agencies.some((a) => a.slug === c.agency.slug), `${c.agency.slug} is placed`);
  });
});
