// A region's MPP for the draft workflow: status (with its note and source), address, and opening
// hours per weekday. Region admins keep these for their region.
import type { Kysely, Transaction } from "kysely";
import { checkRegion, normalizeRegion, WEEKDAYS, type RegionFields, type WeekHours } from "../../../domain/admin/record-fields";
import type { Change } from "../../../domain/admin/service-fields";
import type { Database } from "../../db/tables";
import type { KindAdapter, Loaded, WriteContext } from "./kind";

export interface RegionExtra {
  code: string;
  name: string;
  updatedAt: string;
}

export function readHours(text: string | null): WeekHours | null {
  if (text === null) return null;
  const v = JSON.parse(text) as Partial<WeekHours> | null;
  if (!v || typeof v !== "object") return null;
  return Object.fromEntries(WEEKDAYS.map((d) => [d, Array.isArray(v[d]) ? v[d] : null])) as WeekHours;
}

export async function loadRegion(db: Kysely<Database>, code: string): Promise<Loaded<RegionFields, RegionExtra> | null> {
  const r = await db.selectFrom("regions").selectAll().where("code", "=", code).executeTakeFirst();
  if (!r) return null;
  return {
    fields: { mppStatus: r.mpp_status, mppNote: r.mpp_note, mppSource: r.mpp_source, mppAddress: r.mpp_address, hours: readHours(r.mpp_hours) },
    scope: { region: r.code, agency: null },
    extra: { code: r.code, name: r.name, updatedAt: r.updated_at },
  };
}

async function writeRegion(trx: Transaction<Database>, code: string, f: RegionFields, _c: readonly Change[], _ctx: WriteContext): Promise<Change[]> {
  await trx.updateTable("regions").set({
    mpp_status: f.mppStatus, mpp_note: f.mppNote, mpp_source: f.mppSource, mpp_address: f.mppAddress,
    mpp_hours: f.hours === null ? null : JSON.stringify(f.hours),
  }).where("code", "=", code).execute();
  return [];
}

export const regionKind: KindAdapter<RegionFields, RegionExtra> = {
  kind: "region",
  entity: (code) => `region:${code}`,
  draftAction: "region.draft",
  reviewAction: "region.review",
  load: loadRegion,
  normalize: normalizeRegion,
  check: checkRegion,
  flatten: (f) => [
    ["mppStatus", f.mppStatus], ["mppNote", f.mppNote], ["mppSource", f.mppSource], ["mppAddress", f.mppAddress],
    ...WEEKDAYS.map((d): [string, unknown] => [`hours.${d}`, f.hours ? f.hours[d] : null]),
  ],
  unflatten: (pairs) => {
    const m = new Map(pairs);
    const days = WEEKDAYS.map((d) => [d, (m.get(`hours.${d}`) ?? null) as WeekHours[typeof d]] as const);
    return {
      mppStatus: m.get("mppStatus") as RegionFields["mppStatus"],
      mppNote: (m.get("mppNote") ?? null) as string | null,
      mppSource: (m.get("mppSource") ?? null) as string | null,
      mppAddress: (m.get("mppAddress") ?? null) as string | null,
      hours: days.every(([, v]) => v === null) ? null : Object.fromEntries(days) as WeekHours,
    };
  },
  write: writeRegion,
  title: (_f, code) => `MPP ${code}`,
};
