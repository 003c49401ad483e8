// Seeds the database from the catalog. Inserts only what is missing, keyed by stable ids
// (INSERT OR IGNORE): rows already there are never overwritten or deleted, so an officer's edits
// survive every restart, and a second start inserts nothing.
import type { Database } from "better-sqlite3";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSeed, type SeedData } from "../../domain/catalog/seed";
import { parseRegionsCsv } from "../../domain/regions";

/** The repository's copy of shared/domain/kabkota-jabar.csv. */
export const REGIONS_CSV_PATH = fileURLToPath(new URL("../../domain/catalog/kabkota-jabar.csv", import.meta.url));

let cached: SeedData | null = null;

/** The seed records, built once per process (the CSV and catalog do not change at run time). */
export function defaultSeed(): SeedData {
  cached ??= buildSeed(parseRegionsCsv(readFileSync(REGIONS_CSV_PATH, "utf8"), "src/domain/catalog/kabkota-jabar.csv"));
  return cached;
}

export interface SeedCounts {
  regions: number;
  agencies: number;
  counters: number;
  services: number;
}

/** Inserts the missing rows in one transaction; returns how many rows of each kind were new. */
export function seedDatabase(db: Database, seed: SeedData = defaultSeed()): SeedCounts {
  const region = db.prepare(`INSERT OR IGNORE INTO regions
    (code, type, name, seat, lat, lon, mpp_status, mpp_note, mpp_source)
    VALUES (@code, @type, @name, @seat, @lat, @lon, @status, @note, @source)`);
  const agency = db.prepare(`INSERT OR IGNORE INTO agencies
    (id, region_code, slug, name, name_en, short_name, level, note, sort)
    VALUES (@id, @regionCode, @slug, @name, @nameEn, @shortName, @level, @note, @sort)`);
  const counter = db.prepare(`INSERT OR IGNORE INTO counters (id, agency_id, label, sort) VALUES (?, ?, ?, ?)`);
  const service = db.prepare(`INSERT OR IGNORE INTO services
    (id, region_code, agency_id, slug, name, name_en, description, requirements, steps, fee_amount, fee_note,
     duration, hours, legal_basis, product, complaint_channels, online_url, source, verified, last_verified, keywords, sort)
    VALUES (@id, @regionCode, @agencyId, @slug, @name, @nameEn, @description, @requirements, @steps, @feeAmount, @feeNote,
     @duration, @hours, @legalBasis, @product, @complaintChannels, @onlineUrl, @source, @verified, @lastVerified, @keywords, @sort)`);
  const counts: SeedCounts = { regions: 0, agencies: 0, counters: 0, services: 0 };
  db.transaction(() => {
    for (const r of seed.regions) {
      counts.regions += region.run({
        code: r.code, type: r.type, name: r.name, seat: r.seat, lat: r.lat, lon: r.lon,
        status: r.physicalMpp.status, note: r.physicalMpp.note, source: r.physicalMpp.source,
      }).changes;
    }
    for (const a of seed.agencies) {
      counts.agencies += agency.run({
        id: a.id, regionCode: a.regionCode, slug: a.slug, name: a.name, nameEn: a.nameEn,
        shortName: a.shortName, level: a.level, note: a.note, sort: a.sort,
      }).changes;
      a.counters.forEach((c, i) => { counts.counters += counter.run(c.id, a.id, c.label, i).changes; });
    }
    for (const s of seed.services) {
      counts.services += service.run({
        id: s.id, regionCode: s.regionCode, agencyId: s.agencyId, slug: s.slug, name: s.name, nameEn: s.nameEn,
        description: s.description, requirements: JSON.stringify(s.requirements), steps: JSON.stringify(s.steps),
        feeAmount: s.fee.amount, feeNote: s.fee.note, duration: s.duration, hours: s.hours,
        legalBasis: JSON.stringify(s.legalBasis), product: s.product,
        complaintChannels: JSON.stringify(s.complaintChannels), onlineUrl: s.onlineUrl, source: s.source,
        verified: s.verified ? 1 : 0, lastVerified: s.lastVerified, keywords: s.keywords, sort: s.sort,
      }).changes;
    }
  })();
  return counts;
}
