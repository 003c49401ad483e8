// The export: the published services in the officer's scope (optionally one region or agency), in
// the template's columns, so an export edited in a spreadsheet imports back as drafts. An empty
// export is the template itself.
import type { Officer } from "../../domain/admin/roles";
import { readStandard, STANDARD_FIELDS } from "../../domain/admin/standard";
import type { ComplaintChannel } from "../../domain/types";
import type { Db } from "../db/open";
import { COLUMNS, formatChannels, type ColumnKey } from "./template";

export type Cell = string | number | null;

const list = (text: string): string[] => {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};

export async function exportRows(db: Db, officer: Officer, filter: { region?: string; agency?: string }): Promise<Cell[][]> {
  let q = db.kysely.selectFrom("services as s").innerJoin("agencies as a", "a.id", "s.agency_id").selectAll("s").select("a.slug as agency_slug");
  if (officer.role !== "province-admin") q = q.where("s.region_code", "=", officer.region!);
  if (officer.role === "editor") q = q.where("a.slug", "=", officer.agency!);
  if (filter.region) q = q.where("s.region_code", "=", filter.region);
  if (filter.agency) q = q.where("a.slug", "=", filter.agency);
  const rows = await q.orderBy("s.region_code").orderBy("s.sort").orderBy("s.id").execute();
  return rows.map((r) => {
    const standard = readStandard(JSON.parse(r.standard || "{}"));
    const values: Record<ColumnKey, Cell> = {
      id: r.id, regionCode: r.region_code, agencySlug: r.agency_slug, slug: r.slug, name: r.name, nameEn: r.name_en,
      description: r.description, keywords: r.keywords, requirements: list(r.requirements).join("\n"), steps: list(r.steps).join("\n"),
      duration: r.duration, "fee.amount": r.fee_amount === null ? null : Number(r.fee_amount), "fee.note": r.fee_note, product: r.product,
      complaintChannels: formatChannels(JSON.parse(r.complaint_channels) as ComplaintChannel[]), hours: r.hours, onlineUrl: r.online_url,
      legalBasis: list(r.legal_basis).join("\n"),
      ...(Object.fromEntries(STANDARD_FIELDS.map((f) => [`standard.${f}`, standard[f]])) as Record<`standard.${(typeof STANDARD_FIELDS)[number]}`, Cell>),
      source: r.source, sourceDate: r.source_date, verified: Number(r.verified) === 1 ? "ya" : "tidak", lastVerified: r.last_verified, changeNote: null,
    };
    return COLUMNS.map((c) => values[c.key]);
  });
}

export const HEADER = COLUMNS.map((c) => c.header);
