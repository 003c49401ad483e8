// Seeds the database from the catalog. Inserts only what is missing, keyed by stable ids
// (ON CONFLICT DO NOTHING on both engines): rows already there are never overwritten, so an
// officer's edits survive every restart. The catalog's hash is kept in meta.seed_hash: a start
// with the same catalog inserts nothing (and does not bring back rows an officer deleted); a new
// catalog adds its new rows. Runs under the schema lock, so nodes starting together seed once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Insertable, Kysely } from "kysely";
import { buildSeed, type SeedData } from "../../domain/catalog/seed";
import { parseRegionsCsv } from "../../domain/regions";
import type { Engine } from "./engines/engine";
import type { Database } from "./tables";

/** The repository's copy of shared/domain/kabkota-jabar.csv. */
export const REGIONS_CSV_PATH = fileURLToPath(new URL("../../domain/catalog/kabkota-jabar.csv", import.meta.url));

let cached: { seed: SeedData; hash: string } | null = null;

/** The seed records, built once per process (the CSV and catalog do not change at run time). */
export function defaultSeed(): SeedData {
  cached ??= withHash(buildSeed(parseRegionsCsv(readFileSync(REGIONS_CSV_PATH, "utf8"), "src/domain/catalog/kabkota-jabar.csv")));
  return cached.seed;
}

function withHash(seed: SeedData): { seed: SeedData; hash: string } {
  return { seed, hash: createHash("sha256").update(JSON.stringify(seed)).digest("hex") };
}

const hashes = new WeakMap<SeedData, string>();
function hashOf(seed: SeedData): string {
  if (cached?.seed === seed) return cached.hash;
  let h = hashes.get(seed);
  if (!h) hashes.set(seed, (h = withHash(seed).hash));
  return h;
}

export interface SeedCounts {
  regions: number;
  agencies: number;
  counters: number;
  services: number;
}

export const NOTHING_SEEDED: Readonly<SeedCounts> = Object.freeze({ regions: 0, agencies: 0, counters: 0, services: 0 });

/** Rows per INSERT: well under both engines' limits on bound parameters. */
const CHUNK = 200;

async function insertMissing<T extends "regions" | "agencies" | "counters" | "services">(
  db: Kysely<Database>, table: T, rows: ReadonlyArray<Insertable<Database[T]>>,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** Inserts the missing rows in one transaction under the schema lock; returns how many rows of each kind were new. */
export async function seedDatabase(engine: Engine, seed: SeedData = defaultSeed(), options: { force?: boolean } = {}): Promise<SeedCounts> {
  const hash = hashOf(seed);
  return engine.transaction(async (trx) => {
    await engine.lockSchema(trx);
    const last = await trx.selectFrom("meta").select("value").where("key", "=", "seed_hash").executeTakeFirst();
    if (last?.value === hash && !options.force) return { ...NOTHING_SEEDED };
    const counts: SeedCounts = { ...NOTHING_SEEDED };
    counts.regions = await insertMissing(trx, "regions", seed.regions.map((r) => ({
      code: r.code, type: r.type, name: r.name, seat: r.seat, lat: r.lat, lon: r.lon,
      mpp_status: r.physicalMpp.status, mpp_note: r.physicalMpp.note, mpp_source: r.physicalMpp.source,
    })));
    counts.agencies = await insertMissing(trx, "agencies", seed.agencies.map((a) => ({
      id: a.id, region_code: a.regionCode, slug: a.slug, name: a.name, name_en: a.nameEn,
      short_name: a.shortName, level: a.level, note: a.note, sort: a.sort,
    })));
    counts.counters = await insertMissing(trx, "counters", seed.agencies.flatMap((a) =>
      a.counters.map((c, i) => ({ id: c.id, agency_id: a.id, label: c.label, sort: i }))));
    counts.services = await insertMissing(trx, "services", seed.services.map((s) => ({
      id: s.id, region_code: s.regionCode, agency_id: s.agencyId, slug: s.slug, name: s.name, name_en: s.nameEn,
      description: s.description, requirements: JSON.stringify(s.requirements), steps: JSON.stringify(s.steps),
      fee_amount: s.fee.amount, fee_note: s.fee.note, duration: s.duration, hours: s.hours,
      legal_basis: JSON.stringify(s.legalBasis), product: s.product,
      complaint_channels: JSON.stringify(s.complaintChannels), online_url: s.onlineUrl, source: s.source,
      verified: s.verified ? 1 : 0, last_verified: s.lastVerified, keywords: s.keywords, sort: s.sort,
    })));
    await trx.insertInto("meta").values({ key: "seed_hash", value: hash })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: hash })).execute();
    return counts;
  });
}
