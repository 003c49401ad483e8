// Agencies (with their counters) for the draft workflow. Region admins keep these for their region.
// A counter keeps its id while it exists (later features refer to counters by id); a new counter
// gets the agency's next free number ("3273-imigrasi-3"); a counter left out of the list is removed.
import type { Kysely, Transaction } from "kysely";
import { checkAgency, normalizeAgency, type AgencyFields } from "../../../domain/admin/record-fields";
import type { Change } from "../../../domain/admin/service-fields";
import type { Database } from "../../db/tables";
import type { KindAdapter, Loaded, WriteContext } from "./kind";

export interface AgencyExtra {
  id: string;
  regionCode: string;
  slug: string;
  updatedAt: string;
}

export async function loadAgency(db: Kysely<Database>, id: string): Promise<Loaded<AgencyFields, AgencyExtra> | null> {
  const a = await db.selectFrom("agencies").selectAll().where("id", "=", id).executeTakeFirst();
  if (!a) return null;
  const counters = await db.selectFrom("counters").select(["id", "label"]).where("agency_id", "=", id).orderBy("sort").orderBy("id").execute();
  return {
    fields: { name: a.name, nameEn: a.name_en, shortName: a.short_name, level: a.level, note: a.note, counters: counters.map((c) => ({ id: c.id, label: c.label })) },
    scope: { region: a.region_code, agency: a.slug },
    extra: { id: a.id, regionCode: a.region_code, slug: a.slug, updatedAt: a.updated_at },
  };
}

const FIELDS = ["name", "nameEn", "shortName", "level", "note", "counters"] as const;

async function writeAgency(trx: Transaction<Database>, id: string, f: AgencyFields, _changes: readonly Change[], ctx: WriteContext): Promise<Change[]> {
  const exists = await trx.selectFrom("agencies").select("id").where("id", "=", id).executeTakeFirst();
  const row = { name: f.name, name_en: f.nameEn, short_name: f.shortName, level: f.level, note: f.note };
  if (exists) {
    await trx.updateTable("agencies").set(row).where("id", "=", id).execute();
  } else {
    const n = ctx.newRecord;
    if (!n?.slug) throw new Error("agency: a new agency needs its slug");
    const last = await trx.selectFrom("agencies").select((eb) => eb.fn.max("sort").as("m")).where("region_code", "=", n.regionCode).executeTakeFirst();
    await trx.insertInto("agencies").values({ ...row, id, region_code: n.regionCode, slug: n.slug, sort: Number(last?.m ?? -1) + 1 }).execute();
  }
  const current = await trx.selectFrom("counters").select("id").where("agency_id", "=", id).execute();
  const keep = new Set(f.counters.map((c) => c.id).filter((x): x is string => x !== null));
  for (const c of current) if (!keep.has(c.id)) await trx.deleteFrom("counters").where("id", "=", c.id).execute();
  const taken = new Set(current.map((c) => c.id));
  let next = 1;
  for (const [sort, c] of f.counters.entries()) {
    if (c.id !== null && taken.has(c.id)) {
      await trx.updateTable("counters").set({ label: c.label, sort }).where("id", "=", c.id).execute();
      continue;
    }
    while (taken.has(`${id}-${next}`)) next++;
    const newId = `${id}-${next}`;
    taken.add(newId);
    await trx.insertInto("counters").values({ id: newId, agency_id: id, label: c.label, sort }).execute();
  }
  return [];
}

export const agencyKind: KindAdapter<AgencyFields, AgencyExtra> = {
  kind: "agency",
  entity: (id) => `agency:${id}`,
  draftAction: "agency.draft",
  reviewAction: "agency.review",
  load: loadAgency,
  normalize: normalizeAgency,
  check: checkAgency,
  flatten: (f) => FIELDS.map((k): [string, unknown] => [k, f[k]]),
  unflatten: (pairs) => Object.fromEntries(pairs) as unknown as AgencyFields,
  write: writeAgency,
  title: (f) => f.name,
};
