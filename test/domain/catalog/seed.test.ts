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

  it("carries the national figures of the domain README", () => {
    const by = (slug: string) => seed.services.find((s) => s.id.endsWith(`-${slug}`) && s.regionCode === "3273")!;
    assert.equal(by("paspor-biasa").fee.amount, 350000, "passport");
    assert.equal(by("e-paspor").fee.amount, 650000, "e-passport");
    assert.match(by("e-paspor").fee.note ?? "", /600\.000/, "conflict noted");
    assert.equal(by("sim-a-baru").fee.amount, 120000, "SIM A new");
    assert.equal(by("sim-a-perpanjangan").fee.amount, 80000, "SIM A renewal");
    assert.equal(by("sim-c-baru").fee.amount, 100000, "SIM C new");
    assert.equal(by("sim-d-perpanjangan").fee.amount, 30000, "SIM D renewal");
    assert.equal(by("sim-internasional-baru").fee.amount, 250000, "international SIM");
    assert.equal(by("skck").fee.amount, 30000, "SKCK");
    assert.ok(by("skck").requirements.some((r) => r.includes("BPJS Kesehatan")), "SKCK needs BPJS Kesehatan");
    assert.equal(by("ktp-el-baru").fee.amount, 0, "KTP-el free");
    assert.equal(by("nib").fee.amount, null, "NIB fee not verified");
    assert.ok(by("nib").legalBasis.some((l) => l.startsWith("PP 5/2021")), "NIB legal basis");
    const verified = seed.services.filter((s) => s.verified);
    assert.ok(verified.every((s) => s.slug === "paspor-biasa"), "only the dated source is verified");
  });

  it("places every agency of the catalog in at least one region", () => {
    for (const c of catalog) assert.ok(seed.agencies.some((a) => a.slug === c.agency.slug), `${c.agency.slug} is placed`);
  });
});
