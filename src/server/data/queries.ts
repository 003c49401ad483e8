// The catalog's reads, written once with Kysely for both engines. Rows come back in the API's
// order (bytewise key order on both engines: PostgreSQL keys are COLLATE "C"); JSON columns are
// parsed here, so callers get domain shapes.
import { sql, type Kysely } from "kysely";
import type { ComplaintChannel, RegionSummary, Service, ServiceSummary } from "../../domain/types";
import type { Engine } from "../db/engines/engine";
import type { Database } from "../db/tables";

type Db = Kysely<Database>;

const count = sql<number>`cast(count(*) as integer)`;

export async function regionRows(db: Db): Promise<RegionSummary[]> {
  const rows = await db.selectFrom("regions as r")
    .selectAll("r")
    .select((eb) => [
      eb.selectFrom("agencies as a").whereRef("a.region_code", "=", "r.code").select(count.as("n")).as("agency_count"),
      eb.selectFrom("services as s").whereRef("s.region_code", "=", "r.code").select(count.as("n")).as("service_count"),
    ])
    .orderBy("r.code")
    .execute();
  return rows.map((r) => ({
    code: r.code, name: r.name, type: r.type, seat: r.seat, lat: r.lat, lon: r.lon,
    physicalMpp: { status: r.mpp_status, note: r.mpp_note, source: r.mpp_source },
    agencyCount: Number(r.agency_count ?? 0), serviceCount: Number(r.service_count ?? 0),
  }));
}

export function agencyRows(db: Db) {
  return db.selectFrom("agencies as a")
    .select(["a.id", "a.region_code", "a.slug", "a.name", "a.name_en", "a.short_name", "a.level", "a.note"])
    .select((eb) => eb.selectFrom("services as s").whereRef("s.agency_id", "=", "a.id").select(count.as("n")).as("service_count"))
    .orderBy("a.region_code").orderBy("a.sort").orderBy("a.id")
    .execute();
}

export function counterRows(db: Db) {
  return db.selectFrom("counters").select(["id", "agency_id", "label"]).orderBy("agency_id").orderBy("sort").orderBy("id").execute();
}

/** services s joined with its agency a: the columns of a ServiceSummary. */
function summaries(db: Db) {
  return db.selectFrom("services as s")
    .innerJoin("agencies as a", "a.id", "s.agency_id")
    .select([
      "s.pk", "s.id", "s.region_code", "s.agency_id", "a.slug as agency_slug", "a.name as agency_name",
      "a.name_en as agency_name_en", "s.slug", "s.name", "s.name_en", "s.fee_amount", "s.fee_note", "s.verified",
    ]);
}

interface SummaryRow {
  id: string; region_code: string; agency_id: string; agency_slug: string; agency_name: string; agency_name_en?: string | null;
  slug: string; name: string; name_en: string; fee_amount: number | null; fee_note: string | null; verified: number;
}

export function toSummary(r: SummaryRow): ServiceSummary {
  return {
    id: r.id, regionCode: r.region_code, agencyId: r.agency_id, agencySlug: r.agency_slug, agencyName: r.agency_name,
    ...(r.agency_name_en ? { agencyNameEn: r.agency_name_en } : {}),
    slug: r.slug, name: r.name, nameEn: r.name_en, fee: { amount: r.fee_amount, note: r.fee_note }, verified: Number(r.verified) === 1,
  };
}

export async function summaryRows(db: Db): Promise<ServiceSummary[]> {
  const rows = await summaries(db).orderBy("s.region_code").orderBy("s.sort").orderBy("s.id").execute();
  return rows.map(toSummary);
}

function parseJsonList<T>(text: string, field: string, id: string): T[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v)) throw new Error(`queries: services.${field} of ${id} is not a JSON array`);
  return v as T[];
}

export async function serviceRow(db: Db, id: string): Promise<Service | null> {
  const r = await summaries(db)
    .innerJoin("regions as r", "r.code", "s.region_code")
    .select([
      "r.name as region_name", "s.description", "s.requirements", "s.steps", "s.duration", "s.hours", "s.legal_basis",
      "s.product", "s.complaint_channels", "s.online_url", "s.source", "s.source_date", "s.last_verified",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    ...toSummary(r),
    regionName: r.region_name,
    description: r.description,
    requirements: parseJsonList<string>(r.requirements, "requirements", r.id),
    steps: parseJsonList<string>(r.steps, "steps", r.id),
    duration: r.duration,
    hours: r.hours,
    legalBasis: parseJsonList<string>(r.legal_basis, "legal_basis", r.id),
    product: r.product,
    complaintChannels: parseJsonList<ComplaintChannel>(r.complaint_channels, "complaint_channels", r.id),
    onlineUrl: r.online_url,
    // An officer's verification keeps the source's date apart (source_date); citizens read both.
    source: r.source !== null && r.source_date !== null ? `${r.source} (${r.source_date})` : r.source,
    lastVerified: r.last_verified,
  };
}

/** Services where every term has a form that is a word prefix (the engine's full-text candidates), with the texts ranking needs. */
export function searchRows(db: Db, engine: Engine, terms: ReadonlyArray<readonly string[]>) {
  return summaries(db)
    .innerJoin("regions as r", "r.code", "s.region_code")
    .select([
      "r.name as region_name", "s.keywords", "s.description",
      sql<string>`a.name || ' ' || a.short_name || ' ' || a.name_en`.as("agency_text"),
    ])
    .where(engine.searchCandidates(terms))
    .execute();
}

/** Every text the engines index (services_fts / services_search), for the typo vocabulary. */
export function indexedTextRows(db: Db) {
  return db.selectFrom("services as s")
    .innerJoin("agencies as a", "a.id", "s.agency_id")
    .select([
      "s.name", "s.name_en", "s.slug", "s.keywords", "s.description",
      sql<string>`a.name || ' ' || a.short_name || ' ' || a.name_en || ' ' || a.slug`.as("agency_text"),
    ])
    .execute();
}

export async function healthRow(db: Db): Promise<{ regions: number; services: number; updated: string | null }> {
  const row = await db.selectNoFrom((eb) => [
    eb.selectFrom("regions").select(count.as("n")).as("regions"),
    eb.selectFrom("services").select(count.as("n")).as("services"),
    sql<string | null>`(SELECT max(t) FROM (SELECT max(updated_at) AS t FROM regions
      UNION ALL SELECT max(updated_at) FROM agencies UNION ALL SELECT max(updated_at) FROM services) AS u)`.as("updated"),
  ]).executeTakeFirstOrThrow();
  return { regions: Number(row.regions ?? 0), services: Number(row.services ?? 0), updated: row.updated };
}
